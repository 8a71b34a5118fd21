package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.Semaphore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java implementation of every {@link Routine} (their semantics are the enum's javadoc), run by
 * {@link ChildMain} in a child JVM or called directly in this process. They use only the SPI interfaces of their
 * arguments, so they work with whatever lock, queue or event classes the reference hands to a child.
 */
public final class Routines {
    /** Parameter names, Python's order; a name starting with {@code *} collects the remaining positionals. */
    private static final Map<Routine, List<String>> PARAMS = new EnumMap<>(Routine.class);
    /** The routines whose last parameter defaults to None. */
    private static final java.util.Set<Routine> LAST_OPTIONAL = java.util.EnumSet.of(Routine.GETPID, Routine.GET_GLOBAL,
            Routine.GETPPID);

    static {
        p(Routine.NOOP);
        p(Routine.IDENTITY, "x");
        p(Routine.SQUARE, "x");
        p(Routine.ADD, "a", "b");
        p(Routine.FAIL, "message");
        p(Routine.EXIT, "code");
        p(Routine.GETPID, "x");
        p(Routine.SET_GLOBAL, "value");
        p(Routine.GET_GLOBAL, "x");
        p(Routine.PUT, "target", "*values");
        p(Routine.REPORT, "target");
        p(Routine.WAIT_MESSAGE, "conn");
        p(Routine.WAIT_EVENT, "event", "timeout", "target");
        p(Routine.SET_EVENT, "event");
        p(Routine.HOLD_LOCK, "lock", "conn");
        p(Routine.ACQUIRE, "lock", "timeout", "target");
        p(Routine.RELEASE, "lock", "target");
        p(Routine.INCREMENT, "lock", "shm_name", "n", "target");
        p(Routine.RELAY, "source", "target", "n");
        p(Routine.CONSUME, "queue", "n");
        p(Routine.CONDITION_WAIT, "cond", "timeout", "target");
        p(Routine.NOTIFY_ALL, "cond");
        p(Routine.BARRIER_WAIT, "barrier", "target");
        p(Routine.START_CHILD, "target");
        p(Routine.SHM_READ, "name", "offset", "length", "target");
        p(Routine.SHM_WRITE, "name", "offset", "data");
        p(Routine.AWAIT_GATE, "shm_name", "value", "timeout");
        p(Routine.READ_STDIN, "target");
        p(Routine.GUARDED_WAIT, "shm_name", "timeout", "target");
        p(Routine.SPAWN_GRANDCHILD, "daemon", "gate_shm_name", "target");
        p(Routine.PUT_AND_CANCEL, "queue", "value");
        p(Routine.GETPPID, "x");
        for (Routine r : Routine.values()) {
            if (!PARAMS.containsKey(r)) {
                throw new ExceptionInInitializerError("routine without parameters: " + r);
            }
        }
    }

    private static void p(Routine r, String... names) {
        PARAMS.put(r, List.of(names));
    }

    /** {@code set_global}'s module global of this process. */
    private static volatile Object global;

    private Routines() {}

    /** {@code sys.exit(code)} as the child sees it: code is None, an int or a str. */
    public static final class ChildExit extends SystemExit {
        private static final long serialVersionUID = 1L;
        private final transient Object code;

        public ChildExit(Object code) {
            super(code == null ? "" : String.valueOf(code));
            this.code = code;
        }

        /** {@code SystemExit.code}. */
        public Object code() {
            return code;
        }
    }

    /** A routine as a callable: what {@code routine(Routine)} returns and a Process target must be. */
    public record RoutineCallable(Routine routine) implements PyCallable {
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            return Routines.call(routine, args, kwargs);
        }

        @Override
        public String name() {
            return routine.pythonName();
        }

        @Override
        public String toString() {
            return "<function " + routine.pythonName() + ">";
        }
    }

    /** The prefix of the {@code routine} a child is told for an {@link InternalTarget}. */
    static final String INTERNAL = "internal:";

    /**
     * A process target that is not a routine but a reference-internal child main (as CPython's manager process
     * runs {@code BaseManager._run_server}): the child calls the public static {@code serve(List<Object> args)} of
     * {@code className}, with the args rebuilt as a routine's are.
     */
    public record InternalTarget(String className) implements PyCallable {
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            return callInternal(className, args);
        }

        @Override
        public String name() {
            return className;
        }

        @Override
        public String toString() {
            return "<function " + className + ".serve>";
        }
    }

    /** Runs {@code className.serve(args)}, rethrowing what it raises. */
    static Object callInternal(String className, List<Object> args) {
        java.lang.reflect.Method m;
        try {
            m = Class.forName(className).getMethod("serve", List.class);
        } catch (ReflectiveOperationException e) {
            throw new dev.pyconc.spi.exceptions.AttributeError("no internal child main " + className + ": " + e);
        }
        try {
            return m.invoke(null, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The callable for {@code r}. */
    public static PyCallable callable(Routine r) {
        return new RoutineCallable(r);
    }

    /** The routine of this Python name. */
    static Routine byName(String pythonName) {
        for (Routine r : Routine.values()) {
            if (r.pythonName().equals(pythonName)) {
                return r;
            }
        }
        throw new dev.pyconc.spi.exceptions.AttributeError(
                "module 'pyconc_routines' has no attribute '" + pythonName + "'");
    }

    /** Binds args and kwargs to {@code r}'s parameters (TypeError as Python's) and runs it. */
    public static Object call(Routine r, List<Object> args, Map<String, Object> kwargs) {
        List<String> names = PARAMS.get(r);
        String fn = r.pythonName() + "()";
        Map<String, Object> bound = new LinkedHashMap<>();
        List<Object> rest = new ArrayList<>();
        int fixed = names.size() > 0 && names.get(names.size() - 1).startsWith("*") ? names.size() - 1 : names.size();
        for (int i = 0; i < args.size(); i++) {
            if (i < fixed) {
                bound.put(names.get(i), args.get(i));
            } else if (fixed < names.size()) {
                rest.add(args.get(i));
            } else {
                throw new TypeError(fn + " takes " + fixed + " positional argument" + (fixed == 1 ? "" : "s")
                        + " but " + args.size() + " were given");
            }
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            int at = names.subList(0, fixed).indexOf(e.getKey());
            if (at < 0) {
                throw new TypeError(fn + " got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (bound.containsKey(e.getKey())) {
                throw new TypeError(fn + " got multiple values for argument '" + e.getKey() + "'");
            }
            bound.put(e.getKey(), e.getValue());
        }
        for (int i = 0; i < fixed; i++) {
            String n = names.get(i);
            if (!bound.containsKey(n)) {
                if (i == fixed - 1 && LAST_OPTIONAL.contains(r)) {
                    bound.put(n, null);
                } else {
                    throw new TypeError(fn + " missing required positional argument: '" + n + "'");
                }
            }
        }
        return run(r, bound, rest);
    }

    private static Object run(Routine r, Map<String, Object> a, List<Object> rest) {
        switch (r) {
            case NOOP:
                return null;
            case IDENTITY:
                return a.get("x");
            case SQUARE:
                return mul(a.get("x"), a.get("x"));
            case ADD:
                return add(a.get("a"), a.get("b"));
            case FAIL:
                throw new ValueError(String.valueOf(a.get("message")));
            case EXIT:
                throw new ChildExit(a.get("code"));
            case GETPID:
                return ProcessTable.getpid();
            case SET_GLOBAL:
                global = a.get("value");
                return null;
            case GET_GLOBAL:
                return global;
            case PUT:
                for (Object v : rest) {
                    report(a.get("target"), v);
                }
                return null;
            case REPORT:
                report(a.get("target"), describeCurrent());
                return null;
            case WAIT_MESSAGE:
                try {
                    return ((Connection) a.get("conn")).recv();
                } catch (EOFError e) {
                    return null;
                }
            case WAIT_EVENT:
                report(a.get("target"), ((Event) a.get("event")).await(timeout(a.get("timeout"))));
                return null;
            case SET_EVENT:
                ((Event) a.get("event")).set();
                return null;
            case HOLD_LOCK:
                return holdLock(a.get("lock"), (Connection) a.get("conn"));
            case ACQUIRE:
                report(a.get("target"), acquire(a.get("lock"), timeout(a.get("timeout"))));
                return null;
            case RELEASE:
                try {
                    release(a.get("lock"));
                    report(a.get("target"), "released");
                } catch (BaseException e) {
                    report(a.get("target"), e.pythonName());
                }
                return null;
            case INCREMENT:
                increment(a.get("lock"), (String) a.get("shm_name"), toLong(a.get("n")), a.get("target"));
                return null;
            case RELAY:
                for (long i = 0, n = toLong(a.get("n")); i < n; i++) {
                    report(a.get("target"), get(a.get("source")));
                }
                return null;
            case CONSUME:
                for (long i = 0, n = toLong(a.get("n")); i < n; i++) {
                    dev.pyconc.spi.multiprocessing.JoinableQueue q = (dev.pyconc.spi.multiprocessing.JoinableQueue) a.get("queue");
                    q.get();
                    q.taskDone();
                }
                return null;
            case CONDITION_WAIT: {
                Condition c = (Condition) a.get("cond");
                Object[] out = new Object[1];
                c.with(() -> {
                    report(a.get("target"), "waiting");
                    out[0] = c.await(timeout(a.get("timeout")));
                    report(a.get("target"), out[0]);
                });
                return null;
            }
            case NOTIFY_ALL: {
                Condition c = (Condition) a.get("cond");
                c.with(c::signalAll);
                return null;
            }
            case BARRIER_WAIT:
                report(a.get("target"), ((Barrier) a.get("barrier")).await());
                return null;
            case START_CHILD:
                try {
                    RefProcess p = RefProcess.create("Process", ProcessOptions.of(callable(Routine.NOOP)), null, null);
                    p.start();
                    p.join();
                    report(a.get("target"), "started");
                } catch (BaseException e) {
                    report(a.get("target"), e.pythonName());
                }
                return null;
            case SHM_READ:
                try (SharedMemory m = SharedMemory.attach((String) a.get("name"), false)) {
                    report(a.get("target"), PyBytes.of(m.buf().read(toLong(a.get("offset")),
                            (int) toLong(a.get("length")))));
                }
                return null;
            case SHM_WRITE:
                try (SharedMemory m = SharedMemory.attach((String) a.get("name"), false)) {
                    m.buf().write(toLong(a.get("offset")), ((PyBytes) a.get("data")).toByteArray());
                }
                return null;
            case AWAIT_GATE:
                return awaitGate((String) a.get("shm_name"), a.get("value"), timeout(a.get("timeout")));
            case READ_STDIN:
                report(a.get("target"), readStdin());
                return null;
            case GUARDED_WAIT:
                guardedWait((String) a.get("shm_name"), timeout(a.get("timeout")), a.get("target"));
                return null;
            case SPAWN_GRANDCHILD:
                spawnGrandchild(Boolean.TRUE.equals(a.get("daemon")), (String) a.get("gate_shm_name"), a.get("target"));
                return null;
            case PUT_AND_CANCEL: {
                Queue q = (Queue) a.get("queue");
                q.cancelJoinThread();
                q.put(a.get("value"));
                return null;
            }
            case GETPPID:
                return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
            default:
                throw new IllegalStateException("routine not implemented: " + r);
        }
    }

    /** What {@code report(target)} sends: current_process()'s name, pid, daemon, authkey; the parent's pid and name. */
    static Map<String, Object> describeCurrent() {
        RefProcess me = ProcessTable.current();
        RefProcess parent = ProcessTable.parent();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", me.getName());
        d.put("pid", me.pid());
        d.put("daemon", me.isDaemon());
        d.put("authkey", me.getAuthkey());
        d.put("parent_pid", parent == null ? null : parent.pid());
        d.put("parent_name", parent == null ? null : parent.getName());
        return d;
    }

    /** target.put(value) for the queues, target.send(value) otherwise. */
    static void report(Object target, Object value) {
        if (target instanceof Queue q) {
            q.put(value);
        } else if (target instanceof SimpleQueue q) {
            q.put(value);
        } else if (target instanceof Connection c) {
            c.send(value);
        } else {
            throw new dev.pyconc.spi.exceptions.AttributeError("'" + typeName(target) + "' object has no attribute 'send'");
        }
    }

    private static Object get(Object source) {
        if (source instanceof Queue q) {
            return q.get();
        }
        if (source instanceof SimpleQueue q) {
            return q.get();
        }
        if (source instanceof Connection c) {
            return c.recv();
        }
        throw new dev.pyconc.spi.exceptions.AttributeError("'" + typeName(source) + "' object has no attribute 'get'");
    }

    private static String typeName(Object o) {
        return o == null ? "NoneType" : o.getClass().getSimpleName();
    }

    private static Double timeout(Object t) {
        return t == null ? null : ((Number) t).doubleValue();
    }

    private static long toLong(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        throw new TypeError("'" + typeName(o) + "' object cannot be interpreted as an integer");
    }

    /** {@code lock.acquire(True, timeout)} for a Lock, RLock, Semaphore or Condition. */
    static boolean acquire(Object lock, Double timeout) {
        if (lock instanceof LockLike l) {
            return timeout == null ? l.acquire(true) : l.acquire(true, timeout);
        }
        if (lock instanceof Semaphore s) {
            return s.acquire(true, timeout);
        }
        if (lock instanceof Condition c) {
            return timeout == null ? c.acquire(true) : c.acquire(true, timeout);
        }
        throw new dev.pyconc.spi.exceptions.AttributeError("'" + typeName(lock) + "' object has no attribute 'acquire'");
    }

    static void release(Object lock) {
        if (lock instanceof LockLike l) {
            l.release();
        } else if (lock instanceof Semaphore s) {
            s.release();
        } else if (lock instanceof Condition c) {
            c.release();
        } else {
            throw new dev.pyconc.spi.exceptions.AttributeError("'" + typeName(lock) + "' object has no attribute 'release'");
        }
    }

    private static Object holdLock(Object lock, Connection conn) {
        acquire(lock, null);
        try {
            conn.send("acquired");
            try {
                conn.recv();
            } catch (EOFError e) {
                // the other end is gone: release all the same
            }
        } finally {
            release(lock);
        }
        if (!conn.closed()) {
            try {
                conn.send("released");
            } catch (dev.pyconc.spi.exceptions.OSError e) {
                // the other end is gone
            }
        }
        return null;
    }

    private static void increment(Object lock, String shmName, long n, Object target) {
        try (SharedMemory m = SharedMemory.attach(shmName, false)) {
            report(target, "ready");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (m.buf().get(8) == 0) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new TimeoutError("increment: byte 8 of " + shmName + " stayed zero for 60 s");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.pyconc.spi.exceptions.KeyboardInterrupt("");
                }
            }
            for (long i = 0; i < n; i++) {
                if (lock != null) {
                    acquire(lock, null);
                }
                try {
                    long v = m.buf().getLong(0);
                    Thread.yield(); // time.sleep(0)
                    m.buf().putLong(0, v + 1);
                } finally {
                    if (lock != null) {
                        release(lock);
                    }
                }
            }
        }
    }

    private static Object awaitGate(String shmName, Object value, Double timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        try (SharedMemory m = SharedMemory.attach(shmName, false)) {
            while (m.buf().get(0) == 0) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new TimeoutError("gate " + shmName + " not opened within " + timeout + " s");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.pyconc.spi.exceptions.KeyboardInterrupt("");
                }
            }
        }
        return value;
    }

    /** {@code sys.stdin.read()}: this JVM's standard input read to its end, decoded as UTF-8. */
    private static String readStdin() {
        try {
            return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new dev.pyconc.spi.exceptions.OSError(e.getMessage());
        }
    }

    /** Reports "waiting", awaits the gate; the finally clause writes 1 to byte 1 of the block. */
    private static void guardedWait(String shmName, Double timeout, Object target) {
        try {
            report(target, "waiting");
            awaitGate(shmName, null, timeout);
        } finally {
            try (SharedMemory m = SharedMemory.attach(shmName, false)) {
                m.buf().write(1, new byte[] {1});
            }
        }
    }

    /** Starts await_gate(gate, None, 60) in a grandchild, reports its pid, then returns (daemon) or waits and joins. */
    private static void spawnGrandchild(boolean daemon, String gate, Object target) {
        RefProcess p = RefProcess.create("Process", new ProcessOptions(null, callable(Routine.AWAIT_GATE), null,
                java.util.Arrays.asList(gate, null, 60.0), null, daemon), null, null);
        p.start();
        report(target, p.pid());
        if (!daemon) {
            awaitGate(gate, null, 60.0);
            p.join();
        }
    }

    static Object mul(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return ((Number) a).doubleValue() * ((Number) b).doubleValue();
        }
        if (a instanceof Number x && b instanceof Number y) {
            BigInteger p = big(x).multiply(big(y));
            return p.bitLength() < 64 ? (Object) p.longValue() : p;
        }
        throw new TypeError("unsupported operand type(s) for *: '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    static Object add(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            List<Object> l = new ArrayList<>(x);
            l.addAll(y);
            return PyTuple.of(l.toArray());
        }
        if (a instanceof List<?> x && b instanceof List<?> y && !(a instanceof PyTuple) && !(b instanceof PyTuple)) {
            List<Object> l = new ArrayList<>(x);
            l.addAll(y);
            return l;
        }
        if (a instanceof PyBytes x && b instanceof PyBytes y) {
            byte[] p = x.toByteArray();
            byte[] q = y.toByteArray();
            byte[] out = java.util.Arrays.copyOf(p, p.length + q.length);
            System.arraycopy(q, 0, out, p.length, q.length);
            return PyBytes.of(out);
        }
        if (a instanceof Double || b instanceof Double) {
            if (a instanceof Number x && b instanceof Number y) {
                return x.doubleValue() + y.doubleValue();
            }
        }
        if (a instanceof Number x && b instanceof Number y) {
            BigInteger s = big(x).add(big(y));
            return s.bitLength() < 64 ? (Object) s.longValue() : s;
        }
        throw new TypeError("unsupported operand type(s) for +: '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }
}
