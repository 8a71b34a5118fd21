package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;
import static dev.pyconc.conformance.cpython.Proxies.bool;
import static dev.pyconc.conformance.cpython.Proxies.integer;

import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.Local;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.spi.threading.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code threading} module of the agent's interpreter and the proxies of its objects, by the agent's kind
 * names ({@link #KINDS}). Whether a call waits in Python is declared once, on the SPI method
 * ({@link dev.pyconc.spi.Blocking}).
 */
final class ThreadingBridge {
    private ThreadingBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("Timer", TimerProxy::new, "threading.Timer"),
            Proxies.Kind.of("Thread", ThreadProxy::new, "threading.Thread"),
            Proxies.Kind.of("Condition", ConditionProxy::new, "threading.Condition"),
            Proxies.Kind.of("BoundedSemaphore", BoundedSemaphoreProxy::new, "threading.BoundedSemaphore"),
            Proxies.Kind.of("Semaphore", SemaphoreProxy::new, "threading.Semaphore"),
            Proxies.Kind.of("Event", EventProxy::new, "threading.Event"),
            Proxies.Kind.of("Barrier", BarrierProxy::new, "threading.Barrier"),
            Proxies.Kind.of("local", LocalProxy::new, "threading.local"),
            Proxies.Kind.of("Lock", LockProxy::new, "type(threading.Lock())", "_thread.LockType"),
            Proxies.Kind.of("RLock", RLockProxy::new, "type(threading.RLock())", "threading._PyRLock",
                    "threading._CRLock"));

    /** The module. */
    static ThreadingModule module(Supplier<Session> session) {
        return new Module(session);
    }

    static final class Module extends Proxies.ModuleProxy implements ThreadingModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.THREADING);
        }


        @Override
        public Lock lock() {
            return as(Lock.class, invoke("Lock"));
        }

        @Override
        public RLock rlock() {
            return as(RLock.class, invoke("RLock"));
        }

        @Override
        public Condition condition() {
            return as(Condition.class, invoke("Condition"));
        }

        @Override
        public Condition condition(LockLike lock) {
            return as(Condition.class, invoke("Condition", lock));
        }

        @Override
        public Semaphore semaphore() {
            return as(Semaphore.class, invoke("Semaphore"));
        }

        @Override
        public Semaphore semaphore(long value) {
            return as(Semaphore.class, invoke("Semaphore", value));
        }

        @Override
        public BoundedSemaphore boundedSemaphore() {
            return as(BoundedSemaphore.class, invoke("BoundedSemaphore"));
        }

        @Override
        public BoundedSemaphore boundedSemaphore(long value) {
            return as(BoundedSemaphore.class, invoke("BoundedSemaphore", value));
        }

        @Override
        public Event event() {
            return as(Event.class, invoke("Event"));
        }

        @Override
        public Timer timer(double interval, PyCallable function) {
            return as(Timer.class, invoke("Timer", interval, function));
        }

        @Override
        public Timer timer(double interval, PyCallable function, List<Object> args, Map<String, Object> kwargs) {
            return as(Timer.class, invoke("Timer", interval, function, args, kwargs));
        }

        @Override
        public Barrier barrier(long parties) {
            return as(Barrier.class, invoke("Barrier", parties));
        }

        @Override
        public Barrier barrier(long parties, PyCallable action, Double timeout) {
            return as(Barrier.class, invoke("Barrier", parties, action, timeout));
        }

        @Override
        public Local local() {
            return as(Local.class, invoke("local"));
        }

        @Override
        public PyThread thread(ThreadOptions o) {
            return as(PyThread.class, invoke("$thread",
                    o.group(), o.target(), o.name(), o.args(), o.kwargs(), o.daemon(), o.context()));
        }

        @Override
        public long activeCount() {
            return Proxies.integer(invoke("active_count"));
        }

        @Override
        public PyThread currentThread() {
            return as(PyThread.class, invoke("current_thread"));
        }

        @Override
        public PyThread mainThread() {
            return as(PyThread.class, invoke("main_thread"));
        }

        @Override
        public List<PyThread> enumerate() {
            List<PyThread> out = new ArrayList<>();
            for (Object o : (List<?>) invoke("enumerate")) {
                out.add(as(PyThread.class, o));
            }
            return out;
        }

        @Override
        public long getIdent() {
            return Proxies.integer(invoke("get_ident"));
        }

        @Override
        public long getNativeId() {
            return Proxies.integer(invoke("get_native_id"));
        }

        @Override
        public double timeoutMax() {
            return ((Number) attr("TIMEOUT_MAX")).doubleValue();
        }

        @Override
        public long stackSize() {
            return Proxies.integer(invoke("stack_size"));
        }

        @Override
        public long stackSize(long size) {
            return Proxies.integer(invoke("stack_size", size));
        }

        @Override
        public ExceptHook getExcepthook() {
            Object v = attr("excepthook");
            return v == null ? null : as(ExceptHook.class, v);
        }

        @Override
        public void setExcepthook(ExceptHook hook) {
            invoke("$setattr", "excepthook", hook);
        }

        /** {@code threading.__excepthook__}, or before 3.10 the hook the agent found at start (the default). */
        @Override
        public ExceptHook defaultExcepthook() {
            return as(ExceptHook.class, invoke("$default_excepthook"));
        }

        @Override
        public String osThreadName() {
            return as(String.class, invoke("$os_thread_name"));
        }

        @Override
        public void settrace(PyCallable func) {
            invoke("$settrace", func);
        }

        @Override
        public PyCallable gettrace() {
            Object v = invoke("gettrace");
            return v == null ? null : as(PyCallable.class, v);
        }

        @Override
        public void setprofile(PyCallable func) {
            invoke("$setprofile", func);
        }

        @Override
        public PyCallable getprofile() {
            Object v = invoke("getprofile");
            return v == null ? null : as(PyCallable.class, v);
        }

        @Override
        public long activeCountAlias() {
            return integer(invoke("activeCount"));
        }

        @Override
        public PyThread currentThreadAlias() {
            return as(PyThread.class, invoke("currentThread"));
        }
    }

    /**
     * An object with acquire/release that works in {@code with} (Lock, RLock, Condition, Semaphore): the
     * calls they share; the timed acquire differs in its timeout type, so each subclass has its own.
     * {@code with obj:} is {@code __enter__} (may block) then {@code __exit__(None, None, None)}.
     */
    abstract static class ContextProxy extends Proxies.PyObjectProxy implements PyContextManager {
        ContextProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        public boolean acquire() {
            return bool(invoke("acquire"));
        }

        public boolean acquire(boolean blocking) {
            return bool(invoke("acquire", blocking));
        }

        public void release() {
            invoke("release");
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }

    abstract static class LockLikeProxy extends ContextProxy implements LockLike {
        LockLikeProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            return bool(invoke("acquire", blocking, timeout));
        }

        @Override
        public boolean locked() {
            return bool(invoke("locked"));
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
            return bool(invoke("acquire", blocking, timeout));
        }

        @Override
        public boolean locked() {
            return bool(invoke("locked"));
        }

        @Override
        public boolean await() {
            return bool(invoke("wait"));
        }

        @Override
        public boolean await(Double timeout) {
            return bool(invoke("wait", timeout));
        }

        @Override
        public Object waitFor(Supplier<Object> predicate) {
            return invoke("wait_for", predicate);
        }

        @Override
        public Object waitFor(Supplier<Object> predicate, Double timeout) {
            return invoke("wait_for", predicate, timeout);
        }

        @Override
        public void signal() {
            invoke("notify");
        }

        @Override
        public void signal(long n) {
            invoke("notify", n);
        }

        @Override
        public void signalAll() {
            invoke("notify_all");
        }

        @Override
        public void notifyAllAlias() {
            invoke("notifyAll");
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
            return bool(invoke("acquire", blocking, timeout));
        }

        @Override
        public void release(long n) {
            invoke("release", n);
        }
    }

    static final class BoundedSemaphoreProxy extends SemaphoreProxy implements BoundedSemaphore {
        BoundedSemaphoreProxy(Session s, long hid) {
            super(s, hid, "BoundedSemaphore");
        }
    }

    static final class EventProxy extends Proxies.PyObjectProxy implements Event {
        EventProxy(Session s, long hid) {
            super(s, hid, "Event");
        }

        @Override
        public boolean isSet() {
            return bool(invoke("is_set"));
        }

        @Override
        public boolean isSetAlias() {
            return bool(invoke("isSet"));
        }

        @Override
        public void set() {
            invoke("set");
        }

        @Override
        public void clear() {
            invoke("clear");
        }

        @Override
        public boolean await() {
            return bool(invoke("wait"));
        }

        @Override
        public boolean await(Double timeout) {
            return bool(invoke("wait", timeout));
        }
    }

    static final class BarrierProxy extends Proxies.PyObjectProxy implements Barrier {
        BarrierProxy(Session s, long hid) {
            super(s, hid, "Barrier");
        }

        @Override
        public long await() {
            return integer(invoke("wait"));
        }

        @Override
        public long await(Double timeout) {
            return integer(invoke("wait", timeout));
        }

        @Override
        public void reset() {
            invoke("reset");
        }

        @Override
        public void abort() {
            invoke("abort");
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

    static final class LocalProxy extends Proxies.PyObjectProxy implements Local {
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
            invoke("$delattr", name);
        }

        @Override
        public boolean hasattr(String name) {
            return bool(invoke("$hasattr", name));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> dict() {
            return as(Map.class, attr("__dict__"));
        }
    }

    static class ThreadProxy extends Proxies.PyObjectProxy implements PyThread {
        ThreadProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        ThreadProxy(Session s, long hid) {
            this(s, hid, "Thread");
        }

        @Override
        public void start() {
            invoke("start");
        }

        @Override
        public void run() {
            invoke("run");
        }

        @Override
        public void join() {
            invoke("join");
        }

        @Override
        public void join(Double timeout) {
            invoke("join", timeout);
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
            return bool(invoke("is_alive"));
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
            Object v = invoke("getName");
            return v == null ? null : v.toString();
        }

        @Override
        public void setNameAlias(String name) {
            invoke("setName", name);
        }

        @Override
        public boolean isDaemonAlias() {
            return bool(invoke("isDaemon"));
        }

        @Override
        public void setDaemonAlias(boolean daemon) {
            invoke("setDaemon", daemon);
        }
    }

    static final class TimerProxy extends ThreadProxy implements Timer {
        TimerProxy(Session s, long hid) {
            super(s, hid, "Timer");
        }

        @Override
        public void cancel() {
            invoke("cancel");
        }
    }
}
