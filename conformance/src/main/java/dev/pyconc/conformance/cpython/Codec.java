package dev.pyconc.conformance.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.PyExceptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.PyThread;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The values of one session on the wire, in both directions: the Java half of the value codec whose Python
 * half is {@code encode}/{@code decode} in {@code agent.py} (change them together).
 *
 * <p>Plain values cross as JSON (a dict as {@code {"$":"d","v":{...}}}, a tuple as {@code {"$":"tu","v":[...]}}); a Python object as a handle
 * {@code {"$":"h","id":N,"c":KIND}}, which becomes this session's one proxy for it (so identity holds within a
 * case); a Java callable as {@code {"$":"j","id":N,"kind":"c"|"p"|"eh"}}, registered here so that Python can
 * call it back; an exception as its class names, message and attributes ({@code {"$":"e",...}}); bytes as base64
 * ({@code {"$":"by","v":B64}}, a {@link PyBytes}); a subprocess {@link Redirect} as Python's int for it; an exception class as
 * {@code {"$":"t","n":NAME}}; {@code threading.ExceptHookArgs} as {@code {"$":"eha",...}}. Proxies and
 * callables are forgotten at the end of each case ({@link #clear()}).
 */
final class Codec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Session session;
    private final ConcurrentHashMap<Long, Object> proxies = new ConcurrentHashMap<>();
    private final IdentityHashMap<Object, Long> callbackIds = new IdentityHashMap<>();
    private final ConcurrentHashMap<Long, Object> callbacks = new ConcurrentHashMap<>();
    private final AtomicLong callbackCounter = new AtomicLong();

    Codec(Session session) {
        this.session = session;
    }

    /** The Java callable registered under {@code id}, or null. */
    Object callback(long id) {
        return callbacks.get(id);
    }

    /** Forgets the case's proxies and Java callables (the agent forgets its handles at the same time). */
    void clear() {
        proxies.clear();
        synchronized (callbackIds) {
            callbackIds.clear();
            callbacks.clear();
        }
    }

    /**
     * The Java exception for a Python exception message: {@code mro}, {@code msg} and, under {@code a}, the
     * attributes the agent sends for the classes that have them ({@code errno}, {@code cmd}, ...).
     */
    BaseException exception(JsonNode msg) {
        List<String> mro = new ArrayList<>();
        msg.path("mro").forEach(n -> mro.add(n.asText()));
        if (mro.isEmpty()) {
            mro.add("builtins.BaseException");
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = msg.path("a").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            attrs.put(e.getKey(), decode(e.getValue()));
        }
        return PyExceptions.fromPython(mro, msg.path("msg").asText(""), attrs);
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

    /** The wire form of handle {@code id} (a module's or an object's). */
    static ObjectNode handleNode(long id) {
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
        if (v instanceof PyBytes b) {
            ObjectNode n = F.objectNode();
            n.put("$", "by");
            n.put("v", Base64.getEncoder().encodeToString(b.toByteArray()));
            return n;
        }
        if (v instanceof Redirect r) {
            return F.numberNode(r.value()); // subprocess.PIPE, STDOUT and DEVNULL are these ints in Python
        }
        if (v instanceof PyTuple t) {
            ObjectNode n = F.objectNode();
            n.put("$", "tu");
            ArrayNode a = n.putArray("v");
            for (Object x : t) {
                a.add(encode(x));
            }
            return n;
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
            if (p.session != session) {
                throw new PythonBridgeException("object " + p + " belongs to an earlier Python process (generation "
                        + p.session.generation() + "); this is generation " + session.generation());
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
                return proxies.computeIfAbsent(id, k -> Proxies.create(session, k, kind));
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
                return exception(n);
            }
            case "by" -> {
                return PyBytes.of(Base64.getDecoder().decode(n.path("v").asText()));
            }
            case "t" -> {
                return n.path("n").asText();
            }
            case "tu" -> {
                List<Object> l = new ArrayList<>(n.path("v").size());
                for (JsonNode x : n.path("v")) {
                    l.add(decode(x));
                }
                return PyTuple.copyOf(l);
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

    /**
     * Runs the Java callable a {@code cb} message names, with its decoded arguments, and returns the reply:
     * {@code cret} with the encoded result, or {@code cexc} with the Python class names and message of what
     * it raised (a Java throwable that is not a Python exception raises RuntimeError; a bridge failure or an
     * Error also carries a {@code note} for the stderr tail).
     */
    ObjectNode callJava(JsonNode msg) {
        long cbid = msg.path("id").asLong();
        ObjectNode reply = F.objectNode();
        reply.put("id", cbid);
        try {
            Object fn = callback(msg.path("fn").asLong());
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
            reply.put("op", "cexc");
            reply.remove("v");
            reply.set("names", exceptionNames(e));
            reply.put("msg", e.getMessage() == null ? "" : e.getMessage());
        } catch (Throwable t) {
            reply.put("op", "cexc");
            reply.remove("v");
            reply.putArray("names").add("builtins.RuntimeError");
            reply.put("msg", "Java callback failed: " + t);
            if (t instanceof PythonBridgeException || t instanceof Error) {
                reply.put("note", "Java callback failed: " + t);
            }
        }
        return reply;
    }
}
