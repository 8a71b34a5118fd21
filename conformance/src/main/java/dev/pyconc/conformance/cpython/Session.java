package dev.pyconc.conformance.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.exceptions.BaseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A session with one agent process: the calls spoken over it (see {@code agent.py} for the message list), the
 * pairing of Java and Python threads, and the callbacks from Python to Java. The process and the wire are
 * {@link AgentProcess}'s; the values on the wire are {@link Codec}'s.
 *
 * <p>Threads: the process's reader thread routes each message here to the inbox of the partner it names; each
 * Python thread that Python created and that calls Java gets a Java partner thread here, alive until the agent
 * reports the Python thread gone. Every waiting Java thread waits on its own inbox, which delivers either the
 * reply it expects or a callback request to run first. The agent's main thread is the partner {@code m}, lent
 * to one Java thread at a time by {@link #runInMainThread}.
 */
final class Session implements AutoCloseable, AgentProcess.Listener {
    static final JsonMapper JSON = AgentProcess.JSON;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectNode DEAD = F.objectNode().put("op", "dead");
    private static final ObjectNode STOP = F.objectNode().put("op", "stop");

    /**
     * The handle id of module {@code m} on the agent's side: its registry ordinal + 1 (below the ids of the
     * objects the agent hands out). The agent learns these ids from the {@code hello} request.
     */
    static long handle(PyModule m) {
        return m.ordinal() + 1L;
    }

    private final AgentProcess process;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong partnerKeys = new AtomicLong();
    private final ConcurrentHashMap<Thread, Partner> byThread = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Partner> byKey = new ConcurrentHashMap<>();
    /**
     * The partner of the agent's main thread (key {@code m}), which serves calls between protocol messages:
     * a Java thread running a {@link #runInMainThread} body is bound to it for the body's duration.
     */
    private final Partner main = new Partner("m", false);
    private final AtomicBoolean mainBusy = new AtomicBoolean();
    /** Values to and from the wire: this session's proxies and Java callables. */
    final Codec codec = new Codec(this);

    /** Starts the agent under {@code python}. */
    Session(List<String> python, Path agent, int generation) throws IOException {
        byKey.put(main.key, main);
        this.process = new AgentProcess(python, agent, generation, this);
    }

    int generation() {
        return process.generation();
    }

    long pid() {
        return process.pid();
    }

    boolean dead() {
        return process.dead();
    }

    String deathReason() {
        return process.deathReason();
    }

    String stderrTail() {
        return process.stderrTail();
    }

    JsonNode control(String op, ObjectNode extra, double timeoutSeconds) {
        return process.control(op, extra, timeoutSeconds);
    }

    /** One echo through the agent (see {@link AgentProcess#echo}). */
    boolean echo(double timeoutSeconds, boolean byReader) {
        return process.echo(timeoutSeconds, byReader);
    }

    /** Routes a message of the agent to the partner it names (on the process's reader thread). */
    @Override
    public void message(JsonNode msg) {
        String op = msg.path("op").asText();
        switch (op) {
            case "st" -> {
                Partner p = byKey.get(msg.path("k").asText());
                if (p != null) {
                    p.started = msg.path("id").asLong();
                }
            }
            case "ret", "exc" -> {
                Partner p = byKey.get(msg.path("k").asText());
                if (p != null) {
                    p.inbox.add(msg);
                }
            }
            case "cb" -> {
                String key = msg.path("k").asText();
                Partner p = byKey.get(key);
                if (p == null) {
                    p = new Partner(key, true);
                    byKey.put(key, p);
                    startJavaPartner(p);
                }
                p.inbox.add(msg);
            }
            default -> process.noteStderr("[pyconc] unknown message from agent: " + msg);
        }
    }

    /** Wakes every waiting partner: its call fails with the death reason. */
    @Override
    public void died(String reason) {
        for (Partner p : byKey.values()) {
            p.inbox.add(DEAD);
        }
        for (Partner p : byThread.values()) {
            p.inbox.add(DEAD);
        }
    }

    // ------------------------------------------------------------------ partners

    private Partner partnerOfCurrentThread() {
        Thread t = Thread.currentThread();
        Partner p = byThread.get(t);
        if (p == null || p.ended) {
            p = new Partner("j" + partnerKeys.incrementAndGet(), false);
            p.thread = t;
            byKey.put(p.key, p);
            byThread.put(t, p);
        }
        return p;
    }

    private void startJavaPartner(Partner p) {
        Thread t = new Thread(() -> {
            byThread.put(Thread.currentThread(), p);
            try {
                while (!p.ended) {
                    JsonNode msg;
                    try {
                        msg = p.inbox.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    String op = msg.path("op").asText();
                    if (op.equals("cb")) {
                        runCallback(p, msg);
                    } else if (op.equals("stop") || op.equals("dead")) {
                        return;
                    }
                }
            } finally {
                p.ended = true;
                byThread.remove(Thread.currentThread(), p);
            }
        }, "pyconc-cpython-partner-" + p.key);
        t.setDaemon(true);
        p.thread = t;
        t.start();
    }

    /**
     * Runs {@code body} on the calling Java thread with its calls carried out by the agent's main thread
     * (partner {@code m}), and returns its result.
     *
     * @throws IllegalStateException if another body is running in the main thread
     */
    <T> T runInMainThread(Supplier<T> body) {
        if (!mainBusy.compareAndSet(false, true)) {
            throw new IllegalStateException("another body is running in the main thread");
        }
        Thread t = Thread.currentThread();
        Partner own = byThread.put(t, main);
        main.thread = t;
        try {
            return body.get();
        } finally {
            if (own != null) {
                byThread.put(t, own);
            } else {
                byThread.remove(t, main);
            }
            main.thread = null;
            mainBusy.set(false);
        }
    }

    /** The partner the calling thread's calls go to now, or null before its first call. */
    Partner currentPartner() {
        return byThread.get(Thread.currentThread());
    }

    /**
     * Sends the calling thread's calls to partner {@code p} until {@link #unlend}: an asyncio task's Java body
     * borrows the partner whose Python thread runs the loop, for the stretch between two awaits
     * ({@link AsyncioBridge}); the thread that lent it waits meanwhile and makes no call.
     */
    void lend(Partner p) {
        byThread.put(Thread.currentThread(), p);
    }

    /** Ends {@link #lend}: thread {@code t} no longer sends its calls to {@code p}. */
    void unlend(Thread t, Partner p) {
        byThread.remove(t, p);
    }

    /** Whether {@code t} has a call in flight whose Python side has started. */
    boolean isBlocked(Thread t) {
        Partner p = byThread.get(t);
        if (p == null) {
            return false;
        }
        long c = p.current;
        return c != 0 && p.started == c;
    }

    // ------------------------------------------------------------------ calls

    /**
     * Calls {@code target.method(*args)} on the calling Java thread's partner and returns the decoded result.
     *
     * @param target a proxy of this session, a module id (Long), or null for no object (helpers only)
     * @param blocking whether the call may block in Python (then {@link #isBlocked} can report it)
     * @throws BaseException the Python exception the call raised
     * @throws PythonBridgeException if the process died, the deadline passed or the wait was interrupted
     */
    Object call(Object target, String method, boolean blocking, Object... args) {
        String why = process.deathReason();
        if (why != null) {
            throw new PythonBridgeException(why);
        }
        ObjectNode msg = F.objectNode();
        msg.put("op", "call");
        long id = ids.incrementAndGet();
        msg.put("id", id);
        msg.set("h", target instanceof Long module ? Codec.handleNode(module) : codec.encode(target));
        msg.put("m", method);
        ArrayNode a = msg.putArray("a");
        for (Object arg : args) {
            a.add(codec.encode(arg));
        }
        if (blocking) {
            msg.put("b", 1);
        }
        Partner p;
        long prev;
        while (true) {
            p = partnerOfCurrentThread();
            synchronized (p) {
                if (p.ended) {
                    continue;
                }
                prev = p.current;
                p.current = id;
                msg.put("k", p.key);
            }
            break;
        }
        boolean done = false;
        try {
            process.send(msg);
            Object result = awaitReply(p, id, method);
            done = true;
            return result;
        } catch (BaseException e) {
            done = true;
            throw e;
        } finally {
            if (!done) {
                p.abandoned = prev == 0;
            }
            p.current = prev;
        }
    }

    private Object awaitReply(Partner p, long id, String method) {
        long deadline = System.nanoTime() + Timing.nanos(Timing.CASE);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new PythonBridgeException("no reply from Python to " + method + "() within " + Timing.CASE
                        + " s (partner " + p.key + ")");
            }
            JsonNode msg;
            try {
                msg = p.inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PythonBridgeException("interrupted while waiting for Python to return from " + method + "()");
            }
            if (msg == null) {
                continue;
            }
            String op = msg.path("op").asText();
            switch (op) {
                case "ret" -> {
                    if (msg.path("id").asLong() == id) {
                        return codec.decode(msg.get("v"));
                    }
                }
                case "exc" -> {
                    if (msg.path("id").asLong() == id) {
                        throw codec.exception(msg);
                    }
                }
                case "cb" -> runCallback(p, msg);
                case "dead" -> {
                    p.inbox.add(msg);
                    String reason = process.deathReason();
                    throw new PythonBridgeException(reason != null ? reason : "the Python agent died");
                }
                default -> { }
            }
        }
    }

    private void runCallback(Partner p, JsonNode msg) {
        long startedBefore = p.started;
        p.started = -1; // running Java code now, not blocked in Python (until a nested call starts)
        try {
            runCallback0(p, msg);
        } finally {
            p.started = startedBefore;
        }
    }

    private void runCallback0(Partner p, JsonNode msg) {
        ObjectNode reply = codec.callJava(msg);
        reply.put("k", p.key);
        if (reply.path("op").asText().equals("cexc") && reply.has("note")) {
            process.noteStderr("[pyconc] " + reply.remove("note").asText());
        }
        try {
            process.send(reply);
        } catch (RuntimeException e) {
            // the process is gone; the waiting call reports it
        }
    }

    // ------------------------------------------------------------------ control requests

    /**
     * Ends a case: stops the partners of Java threads that are idle, forgets handles, and ends the Java
     * partners of Python threads that have ended.
     *
     * @return the number of partner threads left behind because they are still inside a call
     */
    int endCase() {
        List<String> stop = new ArrayList<>();
        int leftBlocked = 0;
        for (Partner p : byThread.values()) {
            if (p.pythonCreated || p == main) {
                continue; // the main thread's partner lives as long as the agent
            }
            synchronized (p) {
                if (p.current == 0 && !p.ended) {
                    p.ended = true;
                    stop.add(p.key);
                    if (p.abandoned) {
                        leftBlocked++; // its Java thread gave up waiting; the Python call may still be running
                    }
                } else if (!p.ended) {
                    leftBlocked++;
                }
            }
            if (p.ended) {
                byThread.remove(p.thread, p);
                byKey.remove(p.key, p);
            }
        }
        codec.clear();
        if (dead()) {
            return leftBlocked;
        }
        ObjectNode msg = F.objectNode();
        ArrayNode s = msg.putArray("stop");
        stop.forEach(s::add);
        JsonNode v = control("endcase", msg, Timing.LONG);
        for (JsonNode g : v.path("gone")) {
            Partner p = byKey.remove(g.asText());
            if (p != null) {
                p.ended = true;
                p.inbox.add(STOP);
            }
        }
        return leftBlocked;
    }

    // ------------------------------------------------------------------ diagnostics and shutdown

    /** Every Python thread's stack, served by the agent's reader thread (works while partners are stuck). */
    String dumpThreads() {
        JsonNode v = control("dump", null, 10);
        String text = v == null ? "" : v.asText();
        for (Partner p : byKey.values()) {
            Thread t = p.thread;
            if (t != null) {
                text = text.replace("[" + p.key + "]", "[" + p.key + ", partner of Java thread '" + t.getName() + "'"
                        + (p.current != 0 ? ", in call #" + p.current : "") + "]");
            }
        }
        return text;
    }

    /** Ends the session: closes the process and stops the Java partners of Python threads. */
    @Override
    public void close() {
        process.close();
        for (Partner p : byKey.values()) {
            p.ended = true;
            p.inbox.add(STOP);
        }
    }

    /** Kills the process at once (tests of the death path). */
    void killForcibly() {
        process.killForcibly();
    }
}
