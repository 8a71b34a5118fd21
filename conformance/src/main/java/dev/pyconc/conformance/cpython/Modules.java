package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;

import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
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

/** The {@code threading} and {@code queue} modules of the adapter's current Python process. */
final class Modules {
    private Modules() {}

    static final class Threading implements ThreadingModule {
        private final Supplier<Session> session;

        Threading(Supplier<Session> session) {
            this.session = session;
        }

        private Object call(String fn, Object... args) {
            return session.get().call(Session.THREADING, fn, false, args);
        }

        private Object attr(String name) {
            return session.get().call(Session.THREADING, "$getattr", false, name);
        }


        @Override
        public Lock lock() {
            return as(Lock.class, call("Lock"));
        }

        @Override
        public RLock rlock() {
            return as(RLock.class, call("RLock"));
        }

        @Override
        public Condition condition() {
            return as(Condition.class, call("Condition"));
        }

        @Override
        public Condition condition(LockLike lock) {
            return as(Condition.class, call("Condition", lock));
        }

        @Override
        public Semaphore semaphore() {
            return as(Semaphore.class, call("Semaphore"));
        }

        @Override
        public Semaphore semaphore(long value) {
            return as(Semaphore.class, call("Semaphore", value));
        }

        @Override
        public BoundedSemaphore boundedSemaphore() {
            return as(BoundedSemaphore.class, call("BoundedSemaphore"));
        }

        @Override
        public BoundedSemaphore boundedSemaphore(long value) {
            return as(BoundedSemaphore.class, call("BoundedSemaphore", value));
        }

        @Override
        public Event event() {
            return as(Event.class, call("Event"));
        }

        @Override
        public Timer timer(double interval, PyCallable function) {
            return as(Timer.class, call("Timer", interval, function));
        }

        @Override
        public Timer timer(double interval, PyCallable function, List<Object> args, Map<String, Object> kwargs) {
            return as(Timer.class, call("Timer", interval, function, args, kwargs));
        }

        @Override
        public Barrier barrier(long parties) {
            return as(Barrier.class, call("Barrier", parties));
        }

        @Override
        public Barrier barrier(long parties, PyCallable action, Double timeout) {
            return as(Barrier.class, call("Barrier", parties, action, timeout));
        }

        @Override
        public Local local() {
            return as(Local.class, call("local"));
        }

        @Override
        public PyThread thread(ThreadOptions o) {
            return as(PyThread.class, session.get().call(Session.THREADING, "$thread", false,
                    o.group(), o.target(), o.name(), o.args(), o.kwargs(), o.daemon(), o.context()));
        }

        @Override
        public long activeCount() {
            return Proxies.integer(call("active_count"));
        }

        @Override
        public PyThread currentThread() {
            return as(PyThread.class, call("current_thread"));
        }

        @Override
        public String osThreadName() {
            return as(String.class, call("$os_thread_name"));
        }

        @Override
        public void settrace(PyCallable func) {
            session.get().call(Session.THREADING, "$settrace", false, func);
        }

        @Override
        public PyCallable gettrace() {
            Object v = call("gettrace");
            return v == null ? null : as(PyCallable.class, v);
        }

        @Override
        public void setprofile(PyCallable func) {
            session.get().call(Session.THREADING, "$setprofile", false, func);
        }

        @Override
        public PyCallable getprofile() {
            Object v = call("getprofile");
            return v == null ? null : as(PyCallable.class, v);
        }

        @Override
        public long activeCountAlias() {
            return Proxies.integer(call("activeCount"));
        }

        @Override
        public PyThread currentThreadAlias() {
            return as(PyThread.class, call("currentThread"));
        }

        @Override
        public PyThread mainThread() {
            return as(PyThread.class, call("main_thread"));
        }

        @Override
        public List<PyThread> enumerate() {
            List<PyThread> out = new ArrayList<>();
            for (Object o : (List<?>) call("enumerate")) {
                out.add(as(PyThread.class, o));
            }
            return out;
        }

        @Override
        public long getIdent() {
            return Proxies.integer(call("get_ident"));
        }

        @Override
        public long getNativeId() {
            return Proxies.integer(call("get_native_id"));
        }

        @Override
        public double timeoutMax() {
            return ((Number) attr("TIMEOUT_MAX")).doubleValue();
        }

        @Override
        public long stackSize() {
            return Proxies.integer(call("stack_size"));
        }

        @Override
        public long stackSize(long size) {
            return Proxies.integer(call("stack_size", size));
        }

        @Override
        public ExceptHook getExcepthook() {
            Object v = attr("excepthook");
            return v == null ? null : as(ExceptHook.class, v);
        }

        @Override
        public void setExcepthook(ExceptHook hook) {
            session.get().call(Session.THREADING, "$setattr", false, "excepthook", hook);
        }

        @Override
        public ExceptHook defaultExcepthook() {
            return as(ExceptHook.class, attr("__excepthook__"));
        }
    }

    /** isinstance, type(obj).__mro__ and "is this name a class", through agent helpers. */
    static final class BuiltinsImpl implements Builtins {
        private final Supplier<Session> session;

        BuiltinsImpl(Supplier<Session> session) {
            this.session = session;
        }

        private Object call(String helper, Object... args) {
            return session.get().call(Session.THREADING, helper, false, args);
        }

        @Override
        public boolean isinstance(Object obj, String className) {
            return Proxies.bool(call("$isinstance", obj, className));
        }

        @Override
        public boolean isClass(String name) {
            return Proxies.bool(call("$isclass", name));
        }

        @Override
        public boolean hasattr(Object obj, String name) {
            return Proxies.bool(call("$hasattr_of", obj, name));
        }

        @Override
        public void setattr(Object obj, String name, Object value) {
            call("$setattr_of", obj, name, value);
        }

        @Override
        public List<String> typeMro(Object obj) {
            List<String> out = new ArrayList<>();
            for (Object o : as(List.class, call("$mro", obj))) {
                out.add(as(String.class, o));
            }
            return List.copyOf(out);
        }
    }

    /** sys.stderr captured by agent helpers that swap in an io.StringIO. */
    static final class SysImpl implements dev.pyconc.spi.Sys {
        private final Supplier<Session> session;

        SysImpl(Supplier<Session> session) {
            this.session = session;
        }

        @Override
        public String captureStderr(Runnable body) {
            Session s = session.get();
            s.call(Session.THREADING, "$stderr_begin", false);
            Object text;
            try {
                body.run();
            } finally {
                text = s.call(Session.THREADING, "$stderr_end", false);
            }
            return as(String.class, text);
        }
    }

    static final class QueueMod implements QueueModule {
        private final Supplier<Session> session;

        QueueMod(Supplier<Session> session) {
            this.session = session;
        }

        private Object call(String fn, Object... args) {
            return session.get().call(Session.QUEUE, fn, false, args);
        }


        @Override
        public Queue queue() {
            return as(Queue.class, call("Queue"));
        }

        @Override
        public Queue queue(long maxsize) {
            return as(Queue.class, call("Queue", maxsize));
        }

        @Override
        public Queue lifoQueue() {
            return as(Queue.class, call("LifoQueue"));
        }

        @Override
        public Queue lifoQueue(long maxsize) {
            return as(Queue.class, call("LifoQueue", maxsize));
        }

        @Override
        public Queue priorityQueue() {
            return as(Queue.class, call("PriorityQueue"));
        }

        @Override
        public Queue priorityQueue(long maxsize) {
            return as(Queue.class, call("PriorityQueue", maxsize));
        }

        @Override
        public SimpleQueue simpleQueue() {
            return as(SimpleQueue.class, call("SimpleQueue"));
        }
    }
}
