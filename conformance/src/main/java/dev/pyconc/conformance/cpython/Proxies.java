package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.Local;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.Timer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Java proxies of Python objects: each holds a handle id and forwards every method as a call on it. */
final class Proxies {
    private Proxies() {}

    /** A proxy for the handle {@code hid} of kind {@code kind} (the agent's name for the object's class). */
    static Object create(Session s, long hid, String kind) {
        return switch (kind) {
            case "Lock" -> new LockProxy(s, hid);
            case "RLock" -> new RLockProxy(s, hid);
            case "Condition" -> new ConditionProxy(s, hid);
            case "Semaphore" -> new SemaphoreProxy(s, hid);
            case "BoundedSemaphore" -> new BoundedSemaphoreProxy(s, hid);
            case "Event" -> new EventProxy(s, hid);
            case "Barrier" -> new BarrierProxy(s, hid);
            case "local" -> new LocalProxy(s, hid);
            case "Thread" -> new ThreadProxy(s, hid);
            case "Timer" -> new TimerProxy(s, hid);
            case "Queue" -> new QueueProxy(s, hid);
            case "SimpleQueue" -> new SimpleQueueProxy(s, hid);
            case "callable" -> new CallableProxy(s, hid);
            default -> other(s, hid, kind);
        };
    }

    /** Kinds of the modules added after threading and queue: each module's file has its own factory. */
    private static Object other(Session s, long hid, String kind) {
        Object p = FuturesBridge.proxy(s, hid, kind);
        if (p == null) {
            p = SchedBridge.proxy(s, hid, kind);
        }
        if (p == null) {
            p = ThreadBridge.proxy(s, hid, kind);
        }
        if (p == null) {
            p = ContextVarsBridge.proxy(s, hid, kind);
        }
        return p != null ? p : new PyObjectProxy(s, hid, kind);
    }

    /**
     * {@code v}, a value from Python, as the SPI type the call must return.
     *
     * @throws PythonBridgeException if Python returned something else (a bridge or agent bug)
     */
    static <T> T as(Class<T> type, Object v) {
        if (!type.isInstance(v)) {
            throw new PythonBridgeException("expected a " + type.getSimpleName() + " from Python, got " + v);
        }
        return type.cast(v);
    }

    static boolean bool(Object v) {
        return v instanceof Boolean b ? b : dev.pyconc.spi.PyValues.truthy(v);
    }

    static long integer(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new PythonBridgeException("expected an int from Python, got " + v);
    }

    /** Any Python object: a handle in the agent's table for the current case. */
    static class PyObjectProxy {
        final Session session;
        final long hid;
        final String kind;

        PyObjectProxy(Session session, long hid, String kind) {
            this.session = session;
            this.hid = hid;
            this.kind = kind;
        }

        final Object call(String method, Object... args) {
            return session.call(this, method, false, args);
        }

        final Object callBlocking(String method, Object... args) {
            return session.call(this, method, true, args);
        }

        /** {@code obj.method(*args, **kwargs)}; {@code blocking} as for {@link Session#call}. */
        final Object callKw(String method, boolean blocking, List<?> args, Map<String, ?> kwargs) {
            return session.call(this, "$callkw", blocking, method, args, kwargs);
        }

        final Object attr(String name) {
            return session.call(this, "$getattr", false, name);
        }

        final void setAttr(String name, Object value) {
            session.call(this, "$setattr", false, name, value);
        }

        @Override
        public String toString() {
            return "<cpython " + kind + " #" + hid + ">";
        }
    }

    /**
     * An object with acquire/release that works in {@code with} (Lock, RLock, Condition, Semaphore): the
     * calls they share; the timed acquire differs in its timeout type, so each subclass has its own.
     * {@code with obj:} is {@code __enter__} (may block) then {@code __exit__(None, None, None)}.
     */
    abstract static class ContextProxy extends PyObjectProxy implements PyContextManager {
        ContextProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        public boolean acquire() {
            return bool(callBlocking("acquire"));
        }

        public boolean acquire(boolean blocking) {
            return bool(callBlocking("acquire", blocking));
        }

        public void release() {
            call("release");
        }

        @Override
        public Held enter() {
            callBlocking("__enter__");
            return exc -> Proxies.bool(callBlocking("$exit", exc));
        }
    }

    abstract static class LockLikeProxy extends ContextProxy implements LockLike {
        LockLikeProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            return bool(callBlocking("acquire", blocking, timeout));
        }

        @Override
        public boolean locked() {
            return bool(call("locked"));
        }
    }

    static final class LockProxy extends LockLikeProxy implements Lock {
        LockProxy(Session s, long hid) {
            super(s, hid, "Lock");
        }
    }

    static final class RLockProxy extends LockLikeProxy implements RLock {
        RLockProxy(Session s, long hid) {
            super(s, hid, "RLock");
        }
    }

    static final class ConditionProxy extends ContextProxy implements Condition {
        ConditionProxy(Session s, long hid) {
            super(s, hid, "Condition");
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            return bool(callBlocking("acquire", blocking, timeout));
        }

        @Override
        public boolean locked() {
            return bool(call("locked"));
        }

        @Override
        public boolean await() {
            return bool(callBlocking("wait"));
        }

        @Override
        public boolean await(Double timeout) {
            return bool(callBlocking("wait", timeout));
        }

        @Override
        public Object waitFor(Supplier<Object> predicate) {
            return callBlocking("wait_for", predicate);
        }

        @Override
        public Object waitFor(Supplier<Object> predicate, Double timeout) {
            return callBlocking("wait_for", predicate, timeout);
        }

        @Override
        public void signal() {
            call("notify");
        }

        @Override
        public void signal(long n) {
            call("notify", n);
        }

        @Override
        public void signalAll() {
            call("notify_all");
        }

        @Override
        public void notifyAllAlias() {
            call("notifyAll");
        }
    }

    static class SemaphoreProxy extends ContextProxy implements Semaphore {
        SemaphoreProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        SemaphoreProxy(Session s, long hid) {
            this(s, hid, "Semaphore");
        }

        @Override
        public boolean acquire(boolean blocking, Double timeout) {
            return bool(callBlocking("acquire", blocking, timeout));
        }

        @Override
        public void release(long n) {
            call("release", n);
        }
    }

    static final class BoundedSemaphoreProxy extends SemaphoreProxy implements BoundedSemaphore {
        BoundedSemaphoreProxy(Session s, long hid) {
            super(s, hid, "BoundedSemaphore");
        }
    }

    static final class EventProxy extends PyObjectProxy implements Event {
        EventProxy(Session s, long hid) {
            super(s, hid, "Event");
        }

        @Override
        public boolean isSet() {
            return bool(call("is_set"));
        }

        @Override
        public boolean isSetAlias() {
            return bool(call("isSet"));
        }

        @Override
        public void set() {
            call("set");
        }

        @Override
        public void clear() {
            call("clear");
        }

        @Override
        public boolean await() {
            return bool(callBlocking("wait"));
        }

        @Override
        public boolean await(Double timeout) {
            return bool(callBlocking("wait", timeout));
        }
    }

    static final class BarrierProxy extends PyObjectProxy implements Barrier {
        BarrierProxy(Session s, long hid) {
            super(s, hid, "Barrier");
        }

        @Override
        public long await() {
            return integer(callBlocking("wait"));
        }

        @Override
        public long await(Double timeout) {
            return integer(callBlocking("wait", timeout));
        }

        @Override
        public void reset() {
            callBlocking("reset");
        }

        @Override
        public void abort() {
            callBlocking("abort");
        }

        @Override
        public long parties() {
            return integer(attr("parties"));
        }

        @Override
        public long nWaiting() {
            return integer(attr("n_waiting"));
        }

        @Override
        public boolean broken() {
            return bool(attr("broken"));
        }
    }

    static final class LocalProxy extends PyObjectProxy implements Local {
        LocalProxy(Session s, long hid) {
            super(s, hid, "local");
        }

        @Override
        public Object getattr(String name) {
            return attr(name);
        }

        @Override
        public void setattr(String name, Object value) {
            setAttr(name, value);
        }

        @Override
        public void delattr(String name) {
            call("$delattr", name);
        }

        @Override
        public boolean hasattr(String name) {
            return bool(call("$hasattr", name));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> dict() {
            return as(Map.class, attr("__dict__"));
        }
    }

    static class ThreadProxy extends PyObjectProxy implements PyThread {
        ThreadProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        ThreadProxy(Session s, long hid) {
            this(s, hid, "Thread");
        }

        @Override
        public void start() {
            callBlocking("start");
        }

        @Override
        public void run() {
            callBlocking("run");
        }

        @Override
        public void join() {
            callBlocking("join");
        }

        @Override
        public void join(Double timeout) {
            callBlocking("join", timeout);
        }

        @Override
        public String getName() {
            Object v = attr("name");
            return v == null ? null : v.toString();
        }

        @Override
        public void setName(String name) {
            setAttr("name", name);
        }

        @Override
        public Long ident() {
            Object v = attr("ident");
            return v == null ? null : integer(v);
        }

        @Override
        public Long nativeId() {
            Object v = attr("native_id");
            return v == null ? null : integer(v);
        }

        @Override
        public boolean isAlive() {
            return bool(call("is_alive"));
        }

        @Override
        public boolean isDaemon() {
            return bool(attr("daemon"));
        }

        @Override
        public void setDaemon(boolean daemon) {
            setAttr("daemon", daemon);
        }

        @Override
        public String getNameAlias() {
            Object v = call("getName");
            return v == null ? null : v.toString();
        }

        @Override
        public void setNameAlias(String name) {
            call("setName", name);
        }

        @Override
        public boolean isDaemonAlias() {
            return bool(call("isDaemon"));
        }

        @Override
        public void setDaemonAlias(boolean daemon) {
            call("setDaemon", daemon);
        }
    }

    static final class TimerProxy extends ThreadProxy implements Timer {
        TimerProxy(Session s, long hid) {
            super(s, hid, "Timer");
        }

        @Override
        public void cancel() {
            call("cancel");
        }
    }

    /** What Queue and SimpleQueue share: the same Python methods with the same Java signatures. */
    abstract static class QueueLikeProxy extends PyObjectProxy {
        QueueLikeProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        public long qsize() {
            return integer(call("qsize"));
        }

        public boolean empty() {
            return bool(call("empty"));
        }

        public void put(Object item) {
            callBlocking("put", item);
        }

        public void put(Object item, boolean block) {
            callBlocking("put", item, block);
        }

        public void put(Object item, boolean block, Double timeout) {
            callBlocking("put", item, block, timeout);
        }

        public void putNowait(Object item) {
            call("put_nowait", item);
        }

        public Object get() {
            return callBlocking("get");
        }

        public Object get(boolean block) {
            return callBlocking("get", block);
        }

        public Object get(boolean block, Double timeout) {
            return callBlocking("get", block, timeout);
        }

        public Object getNowait() {
            return call("get_nowait");
        }
    }

    static final class QueueProxy extends QueueLikeProxy implements Queue {
        QueueProxy(Session s, long hid) {
            super(s, hid, "Queue");
        }

        @Override
        public boolean full() {
            return bool(call("full"));
        }

        @Override
        public void taskDone() {
            call("task_done");
        }

        @Override
        public void join() {
            callBlocking("join");
        }

        @Override
        public void shutdown() {
            call("shutdown");
        }

        @Override
        public void shutdown(boolean immediate) {
            call("shutdown", immediate);
        }
    }

    static final class SimpleQueueProxy extends QueueLikeProxy implements SimpleQueue {
        SimpleQueueProxy(Session s, long hid) {
            super(s, hid, "SimpleQueue");
        }
    }

    /** A Python callable, e.g. {@code threading.__excepthook__}. */
    static final class CallableProxy extends PyObjectProxy implements PyCallable, ExceptHook {
        CallableProxy(Session s, long hid) {
            super(s, hid, "callable");
        }

        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            if (!kwargs.isEmpty()) {
                return callKw("", true, args, kwargs);
            }
            return callBlocking("__call__", args.toArray());
        }

        @Override
        public void call(ExceptHookArgs args) {
            callBlocking("__call__", args);
        }
    }
}
