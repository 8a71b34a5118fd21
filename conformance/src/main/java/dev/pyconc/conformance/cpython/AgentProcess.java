package dev.pyconc.conformance.cpython;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent process and the wire: starts {@code python -E -s -u agent.py} ({@code python} being an
 * {@link Interpreter}'s command), writes JSON lines to its stdin,
 * reads its stdout on a reader thread (control answers complete their request here; every other message goes
 * to the {@link Listener}), keeps the tail of its stderr, and notices its death.
 */
final class AgentProcess implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Who gets the agent's messages other than control answers, and hears of its death. */
    interface Listener {
        /** A message from the agent (call results, "started", callbacks), on the reader thread. */
        void message(JsonNode msg);

        /** The process is gone; {@code reason} says how (exit status, stderr tail). */
        void died(String reason);
    }

    private final Listener listener;
    private final Process process;
    private final OutputStream out;
    private final String command;
    private final int generation;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, CompletableFuture<JsonNode>> controls = new ConcurrentHashMap<>();
    /** The threads waiting for an echo, by request id (an entry is removed when its echo arrives). */
    private final ConcurrentHashMap<Long, Thread> echoes = new ConcurrentHashMap<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final Thread readerThread;
    private final Thread stderrThread;
    private volatile String deathReason;
    private volatile boolean closing;
    /** When the agent was started (epoch ms): the semaphores it may leave appeared after it. */
    private final long startedMillis;

    AgentProcess(java.util.List<String> python, Path agent, int generation, Listener listener) throws IOException {
        this.startedMillis = System.currentTimeMillis();
        this.listener = listener;
        this.generation = generation;
        this.command = String.join(" ", python);
        java.util.List<String> cmd = new java.util.ArrayList<>(python);
        cmd.addAll(java.util.List.of("-E", "-s", "-u", agent.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        process = pb.start();
        out = process.getOutputStream();
        stderrThread = new Thread(this::stderrLoop, "pyconc-cpython-stderr-" + generation);
        stderrThread.setDaemon(true);
        stderrThread.start();
        readerThread = new Thread(this::readLoop, "pyconc-cpython-reader-" + generation);
        readerThread.setDaemon(true);
        readerThread.start();
    }

    int generation() {
        return generation;
    }

    long pid() {
        return process.pid();
    }

    boolean dead() {
        return deathReason != null;
    }

    String deathReason() {
        return deathReason;
    }

    /** Writes one message; fails with the death reason once the process is gone. */
    void send(JsonNode msg) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(msg);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode message for Python: " + e.getMessage(), e);
        }
        String why = deathReason;
        if (why != null) {
            throw new PythonBridgeException(why);
        }
        try {
            synchronized (out) {
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new PythonBridgeException(awaitDeathReason("cannot write to the Python agent: " + e.getMessage()), e);
        }
    }

    private String awaitDeathReason(String fallback) {
        try {
            readerThread.join(3000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        String why = deathReason;
        return why != null ? why : fallback;
    }

    private void readLoop() {
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, start, i - start);
                        start = i + 1;
                        byte[] bytes = line.toByteArray();
                        line.reset();
                        if (bytes.length > 0) {
                            dispatch(bytes);
                        }
                    }
                }
                line.write(buf, start, n - start);
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                noteStderr("[pyconc] reader failed: " + e);
            }
        } finally {
            onDeath();
        }
    }

    private void dispatch(byte[] bytes) {
        JsonNode msg;
        try {
            msg = JSON.readTree(bytes);
        } catch (IOException e) {
            noteStderr("[pyconc] unparsable line from agent: " + new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        String op = msg.path("op").asText();
        if (op.equals("echo")) {
            Thread waiter = echoes.remove(msg.path("id").asLong());
            if (waiter != null) {
                java.util.concurrent.locks.LockSupport.unpark(waiter);
            }
        } else if (op.equals("ctl")) {
            CompletableFuture<JsonNode> f = controls.remove(msg.path("id").asLong());
            if (f != null) {
                f.complete(msg);
            }
        } else {
            listener.message(msg);
        }
    }

    private void stderrLoop() {
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) {
                noteStderr(s);
                if (Boolean.getBoolean("pyconc.cpython.echoStderr")) {
                    System.err.println("[python] " + s);
                }
            }
        } catch (IOException e) {
            // process gone
        }
    }

    /** Adds a line of the bridge's own to the stderr tail kept for diagnostics. */
    void noteStderr(String s) {
        synchronized (stderrTail) {
            stderrTail.addLast(s);
            while (stderrTail.size() > 40) {
                stderrTail.removeFirst();
            }
        }
    }

    /** The last lines the agent wrote to stderr. */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    private void onDeath() {
        String status;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                status = "exited with status " + process.exitValue();
            } else {
                status = "closed its stdout but is still running";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "status unknown";
        }
        try {
            stderrThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tail = stderrTail();
        deathReason = "the Python agent (" + command + ", pid " + process.pid() + ") " + status
                + (closing ? " after the adapter was closed" : "")
                + (tail.isBlank() ? "; stderr was empty" : "; stderr tail:\n" + tail);
        for (CompletableFuture<JsonNode> f : controls.values()) {
            f.completeExceptionally(new PythonBridgeException(deathReason));
        }
        echoes.values().forEach(java.util.concurrent.locks.LockSupport::unpark);
        listener.died(deathReason);
    }

    /**
     * Sends a control request (served by the agent's reader thread, or by a thread of its own for a probe)
     * and waits for its answer.
     *
     * @throws PythonBridgeException if the process is gone, the agent reports an error or does not answer in time
     */
    JsonNode control(String op, ObjectNode extra, double timeoutSeconds) {
        String why = deathReason;
        if (why != null) {
            throw new PythonBridgeException(why);
        }
        ObjectNode msg = extra == null ? F.objectNode() : extra;
        long id = ids.incrementAndGet();
        msg.put("op", op).put("id", id);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        controls.put(id, f);
        if (deathReason != null) {
            controls.remove(id);
            throw new PythonBridgeException(deathReason);
        }
        try {
            send(msg);
            JsonNode reply = f.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            if (reply.has("err")) {
                throw new PythonBridgeException("agent failed '" + op + "': " + reply.get("err").asText());
            }
            return reply.get("v");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonBridgeException("interrupted waiting for the agent's " + op);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new PythonBridgeException(String.valueOf(e.getCause()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PythonBridgeException("the agent did not answer '" + op + "' within " + timeoutSeconds + " s");
        } finally {
            controls.remove(id);
        }
    }

    /**
     * One echo: the bench's pipe floor. The calling thread writes {@code {"op":"echo","id":N}} (encoded as a call
     * is); the agent's reader thread parses it and hands it to the agent's echo thread, which encodes it and writes
     * it back; this process's reader thread parses it and unparks the calling thread. Those are the hops every call
     * must make (a line each way, a hand-off to another thread on each side), with nothing else. With
     * {@code byReader}, the agent's reader thread writes the echo back itself: one hand-off fewer than any call
     * makes (the floor issue 14 first quoted, "a JSON line plus a thread hop").
     *
     * @return whether the echo came back within {@code timeoutSeconds}
     * @throws PythonBridgeException if the process is gone, or the calling thread is interrupted (its interrupt
     *     status stays set)
     */
    boolean echo(double timeoutSeconds, boolean byReader) {
        long id = ids.incrementAndGet();
        Thread me = Thread.currentThread();
        echoes.put(id, me);
        try {
            ObjectNode msg = F.objectNode().put("op", "echo").put("id", id);
            if (byReader) {
                msg.put("r", 1);
            }
            send(msg);
            long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
            while (echoes.containsKey(id)) {
                String why = deathReason;
                if (why != null) {
                    throw new PythonBridgeException(why);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(this, Math.min(left, 100_000_000L));
                if (Thread.currentThread().isInterrupted()) {
                    throw new PythonBridgeException("interrupted while waiting for the agent's echo");
                }
            }
            return true;
        } finally {
            echoes.remove(id);
        }
    }

    /** Closes the agent's stdin (it then exits) and waits a little, then destroys the process. */
    @Override
    public void close() {
        closing = true;
        // The agent's children (pool workers, a forkserver, a resource tracker) must not outlive it; once the
        // agent is gone they are no longer its descendants, so they are listed first.
        java.util.List<ProcessHandle> children = descendants();
        try {
            synchronized (out) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (RuntimeException e) {
            // never throw from close
        }
        endAll(children);
        OrphanSemaphores.unlink(startedMillis);
    }

    private java.util.List<ProcessHandle> descendants() {
        try {
            return process.descendants().toList();
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }

    /**
     * Gives the agent's former children a moment to end by themselves (a resource tracker cleans up when its
     * parent is gone), then ends those still running: politely, then forcibly.
     */
    private static void endAll(java.util.List<ProcessHandle> children) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle c : children) {
            while (c.isAlive() && System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (c.isAlive()) {
                c.destroy();
            }
        }
        for (ProcessHandle c : children) {
            try {
                c.onExit().get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                c.destroyForcibly();
            }
        }
    }

    /** Kills the process at once (tests of the death path). */
    void killForcibly() {
        process.destroyForcibly();
    }
}
