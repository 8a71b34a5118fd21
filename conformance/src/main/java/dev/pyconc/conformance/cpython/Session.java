package dev.pyconc.conformance.cpython;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.PyExceptions;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.PyThread;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One Python agent process and the protocol spoken with it (see {@code agent.py} for the message list).
 *
 * <p>Threads: a reader thread parses the agent's stdout and routes each message to the inbox of the partner it
 * names (or completes a control request); a stderr thread keeps the tail of stderr; each Python thread that
 * Python created and that calls Java gets a Java partner thread here, alive until the agent reports the
 * Python thread gone. Every waiting Java thread waits on its own inbox, which delivers either the reply it
 * expects or a callback request to run first.
 */
final class Session implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectNode DEAD = F.objectNode().put("op", "dead");
    private static final ObjectNode STOP = F.objectNode().put("op", "stop");
    /** Handle ids of the modules, fixed in the agent. */
    static final long THREADING = 1, QUEUE = 2, FUTURES = 3, SCHED = 4, THREAD = 5, CONTEXTVARS = 6;

    /** The Python side of one Java thread, or the Java side of one Python thread. */
    static final class Partner {
        final String key;
        final boolean pythonCreated;
        final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        /** Id of the innermost call in flight, 0 when idle. */
        volatile long current;
        /** Id of the last call whose Python side started running. */
        volatile long started;
        volatile boolean ended;
        volatile boolean abandoned;
        volatile Thread thread;

        Partner(String key, boolean pythonCreated) {
            this.key = key;
            this.pythonCreated = pythonCreated;
        }
    }

    private final Process process;
    private final OutputStream out;
    private final String command;
    private final int generation;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong partnerKeys = new AtomicLong();
    private final ConcurrentHashMap<Thread, Partner> byThread = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Partner> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CompletableFuture<JsonNode>> controls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Object> proxies = new ConcurrentHashMap<>();
    private final IdentityHashMap<Object, Long> callbackIds = new IdentityHashMap<>();
    private final ConcurrentHashMap<Long, Object> callbacks = new ConcurrentHashMap<>();
    private final AtomicLong callbackCounter = new AtomicLong();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final Thread readerThread;
    private final Thread stderrThread;
    private volatile String deathReason;
    private volatile boolean closing;

    Session(String python, Path agent, int generation) throws IOException {
        this.generation = generation;
        this.command = python;
        ProcessBuilder pb = new ProcessBuilder(python, "-E", "-s", "-u", agent.toString());
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

    // ------------------------------------------------------------------ wire

    private void send(JsonNode msg) {
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
            case "ctl" -> {
                CompletableFuture<JsonNode> f = controls.remove(msg.path("id").asLong());
                if (f != null) {
                    f.complete(msg);
                }
            }
            default -> noteStderr("[pyconc] unknown message from agent: " + msg);
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

    private void noteStderr(String s) {
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
        for (Partner p : byKey.values()) {
            p.inbox.add(DEAD);
        }
        for (Partner p : byThread.values()) {
            p.inbox.add(DEAD);
        }
        for (CompletableFuture<JsonNode> f : controls.values()) {
            f.completeExceptionally(new PythonBridgeException(deathReason));
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
        String why = deathReason;
        if (why != null) {
            throw new PythonBridgeException(why);
        }
        ObjectNode msg = F.objectNode();
        msg.put("op", "call");
        long id = ids.incrementAndGet();
        msg.put("id", id);
        msg.set("h", target instanceof Long module ? handleNode(module) : encode(target));
        msg.put("m", method);
        ArrayNode a = msg.putArray("a");
        for (Object arg : args) {
            a.add(encode(arg));
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
            send(msg);
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
                        return decode(msg.get("v"));
                    }
                }
                case "exc" -> {
                    if (msg.path("id").asLong() == id) {
                        throw toJava(msg);
                    }
                }
                case "cb" -> runCallback(p, msg);
                case "dead" -> {
                    p.inbox.add(msg);
                    throw new PythonBridgeException(deathReason != null ? deathReason : "the Python agent died");
                }
                default -> { }
            }
        }
    }

    static BaseException toJava(JsonNode msg) {
        List<String> mro = new ArrayList<>();
        msg.path("mro").forEach(n -> mro.add(n.asText()));
        if (mro.isEmpty()) {
            mro.add("builtins.BaseException");
        }
        return PyExceptions.fromPython(mro, msg.path("msg").asText(""));
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
        long cbid = msg.path("id").asLong();
        ObjectNode reply = F.objectNode();
        reply.put("id", cbid);
        reply.put("k", p.key);
        try {
            Object fn = callbacks.get(msg.path("fn").asLong());
            if (fn == null) {
                throw new IllegalStateException("unknown Java callable " + msg.path("fn"));
            }
            List<Object> args = new ArrayList<>();
            for (JsonNode n : msg.path("a")) {
                args.add(decode(n));
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = msg.path("kw").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                kwargs.put(e.getKey(), decode(e.getValue()));
            }
            Object result;
            if (fn instanceof PyCallable c) {
                result = c.call(args, kwargs);
            } else if (fn instanceof Supplier<?> s) {
                result = s.get();
            } else if (fn instanceof ExceptHook h) {
                h.call((ExceptHookArgs) args.get(0));
                result = null;
            } else {
                throw new IllegalStateException("not callable: " + fn);
            }
            reply.put("op", "cret");
            reply.set("v", encode(result));
        } catch (BaseException e) {
            reply.removeAll();
            reply.put("op", "cexc").put("id", cbid).put("k", p.key);
            reply.set("names", exceptionNames(e));
            reply.put("msg", e.getMessage() == null ? "" : e.getMessage());
        } catch (Throwable t) {
            reply.removeAll();
            reply.put("op", "cexc").put("id", cbid).put("k", p.key);
            reply.putArray("names").add("builtins.RuntimeError");
            reply.put("msg", "Java callback failed: " + t);
            if (t instanceof PythonBridgeException || t instanceof Error) {
                noteStderr("[pyconc] Java callback failed: " + t);
            }
        }
        try {
            send(reply);
        } catch (RuntimeException e) {
            // the process is gone; the waiting call reports it
        }
    }

    /**
     * Python class names to raise for a Java exception, best first: its explicit pythonName, then the name of
     * each SPI exception class up its Java hierarchy. (Computed per class, because
     * {@code defaultPythonName()} as overridden by PyException is inherited by ValueError, TypeError, ...)
     */
    static ArrayNode exceptionNames(BaseException e) {
        ArrayNode names = F.arrayNode();
        if (!e.pythonName().equals(e.defaultPythonName())) {
            names.add(e.pythonName());
        }
        for (Class<?> c = e.getClass(); BaseException.class.isAssignableFrom(c); c = c.getSuperclass()) {
            if (!c.getPackageName().equals(BaseException.class.getPackageName())) {
                continue;
            }
            String name = "builtins." + c.getSimpleName();
            try {
                c.getDeclaredMethod("defaultPythonName");
                name = ((BaseException) c.getConstructor(String.class).newInstance("")).defaultPythonName();
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not overridden here: Python's builtin of the same name
            }
            names.add(name);
        }
        names.add(e.pythonName());
        return names;
    }

    // ------------------------------------------------------------------ control requests

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
     * Ends a case: stops the partners of Java threads that are idle, forgets handles, and ends the Java
     * partners of Python threads that have ended.
     *
     * @return the number of partner threads left behind because they are still inside a call
     */
    int endCase() {
        List<String> stop = new ArrayList<>();
        int leftBlocked = 0;
        for (Partner p : byThread.values()) {
            if (p.pythonCreated) {
                continue;
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
        proxies.clear();
        synchronized (callbackIds) {
            callbackIds.clear();
            callbacks.clear();
        }
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

    // ------------------------------------------------------------------ values

    private static ObjectNode handleNode(long id) {
        ObjectNode n = F.objectNode();
        n.put("$", "h");
        n.put("id", id);
        return n;
    }

    JsonNode encode(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return F.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return F.numberNode(b);
        }
        if (v instanceof Double || v instanceof Float) {
            return F.numberNode(((Number) v).doubleValue());
        }
        if (v instanceof CharSequence s) {
            return F.textNode(s.toString());
        }
        if (v instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            for (Object x : l) {
                a.add(encode(x));
            }
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode d = F.objectNode();
            d.put("$", "d");
            ObjectNode inner = d.putObject("v");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                inner.set(String.valueOf(e.getKey()), encode(e.getValue()));
            }
            return d;
        }
        if (v instanceof Proxies.PyObjectProxy p) {
            if (p.session != this) {
                throw new PythonBridgeException("object " + p + " belongs to an earlier Python process (generation "
                        + p.session.generation + "); this is generation " + generation);
            }
            return handleNode(p.hid);
        }
        if (v instanceof BaseException e) {
            ObjectNode n = F.objectNode();
            n.put("$", "e");
            n.set("names", exceptionNames(e));
            n.put("msg", e.getMessage() == null ? "" : e.getMessage());
            return n;
        }
        if (v instanceof ExceptHookArgs a) {
            ObjectNode n = F.objectNode();
            n.put("$", "eha");
            if (a.excType() == null) {
                n.putNull("type");
            } else {
                n.put("type", a.excType());
            }
            n.set("value", encode(a.excValue()));
            n.put("tb", a.hasTraceback());
            n.set("thread", encode(a.thread()));
            return n;
        }
        if (v instanceof PyCallable || v instanceof Supplier<?> || v instanceof ExceptHook) {
            String kind = v instanceof PyCallable ? "c" : v instanceof Supplier<?> ? "p" : "eh";
            long id;
            synchronized (callbackIds) {
                Long known = callbackIds.get(v);
                if (known == null) {
                    known = callbackCounter.incrementAndGet();
                    callbackIds.put(v, known);
                    callbacks.put(known, v);
                }
                id = known;
            }
            ObjectNode n = F.objectNode();
            n.put("$", "j");
            n.put("id", id);
            n.put("kind", kind);
            if (v instanceof PyCallable c && c.name() != null) {
                n.put("name", c.name()); // the wrapper's __name__
            }
            return n;
        }
        throw new IllegalArgumentException("not a plain value and not an object of this adapter: "
                + v.getClass().getName() + " (" + v + ")");
    }

    Object decode(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            for (JsonNode x : n) {
                l.add(decode(x));
            }
            return l;
        }
        String tag = n.path("$").asText();
        switch (tag) {
            case "h" -> {
                long id = n.path("id").asLong();
                String kind = n.path("c").asText("object");
                return proxies.computeIfAbsent(id, k -> Proxies.create(this, k, kind));
            }
            case "d" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("v").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    m.put(e.getKey(), decode(e.getValue()));
                }
                return m;
            }
            case "j" -> {
                Object cb = callbacks.get(n.path("id").asLong());
                if (cb == null) {
                    throw new PythonBridgeException("unknown Java callable " + n.path("id"));
                }
                return cb;
            }
            case "e" -> {
                return toJava(n);
            }
            case "t" -> {
                return n.path("n").asText();
            }
            case "eha" -> {
                JsonNode type = n.get("type");
                Object value = decode(n.get("value"));
                Object thread = decode(n.get("thread"));
                return new ExceptHookArgs(type == null || type.isNull() ? null : type.asText(),
                        value instanceof BaseException b ? b : null, n.path("tb").asBoolean(),
                        thread instanceof PyThread t ? t : null);
            }
            default -> throw new PythonBridgeException("unknown value from Python: " + n);
        }
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

    @Override
    public void close() {
        closing = true;
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
        for (Partner p : byKey.values()) {
            p.ended = true;
            p.inbox.add(STOP);
        }
    }

    /** Kills the process at once (tests of the death path). */
    void killForcibly() {
        process.destroyForcibly();
    }
}
