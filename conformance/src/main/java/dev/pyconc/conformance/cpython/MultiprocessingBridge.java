package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;
import static dev.pyconc.conformance.cpython.Proxies.bool;
import static dev.pyconc.conformance.cpython.Proxies.integer;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.BoundedSemaphore;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.DummyModule;
import dev.pyconc.spi.multiprocessing.JoinableQueue;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.Semaphore;
import dev.pyconc.spi.multiprocessing.SharedMemoryManager;
import dev.pyconc.spi.multiprocessing.SimpleQueue;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code multiprocessing} module of the agent's interpreter and the proxies of its objects, by the agent's
 * kind names ({@link #KINDS}).
 *
 * <p>The agent is multi-threaded, so the module's calls ({@code Process}, {@code Pipe}, the queues and locks,
 * {@code Pool}, ...) go through the agent's {@code $mp} helper, which uses {@code get_context(M)} with M the
 * adapter's start method (option {@code startMethod}; forkserver where available, else spawn) until a case sets
 * the global start method; {@code get_start_method}/{@code set_start_method} are the real module's, and the agent
 * puts the global start method back after each case. A {@link Context} of {@code get_context(method)} is a proxy
 * of the real context object. The {@link Routine}s are the functions of {@code pyconc_mp_routines}, a module
 * written beside the agent script, which spawn and forkserver children import by name.
 *
 * <p>At the end of a case the agent terminates the pools the case made, shuts down its SharedMemoryManagers,
 * closes its Listeners and ends every child process still alive ({@code terminate}, then {@code kill}). The
 * locks, Condition and Event are {@code threading}'s proxies under kinds of their own; multiprocessing's Barrier
 * is a {@code threading.Barrier} subclass and takes that kind.
 */
final class MultiprocessingBridge {
    private MultiprocessingBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies; subclasses first. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("mp.Process", ProcessProxy::new, "multiprocessing.process.BaseProcess"),
            Proxies.Kind.of("mp.Connection", ConnectionProxy::new, "multiprocessing.connection._ConnectionBase"),
            Proxies.Kind.of("mp.JoinableQueue", JoinableQueueProxy::new, "multiprocessing.queues.JoinableQueue"),
            Proxies.Kind.of("mp.Queue", QueueProxy::new, "multiprocessing.queues.Queue"),
            Proxies.Kind.of("mp.SimpleQueue", SimpleQueueProxy::new, "multiprocessing.queues.SimpleQueue"),
            Proxies.Kind.of("mp.BoundedSemaphore", BoundedSemaphoreProxy::new,
                    "multiprocessing.synchronize.BoundedSemaphore"),
            Proxies.Kind.of("mp.Semaphore", SemaphoreProxy::new, "multiprocessing.synchronize.Semaphore"),
            Proxies.Kind.of("mp.Lock", ThreadingBridge.LockProxy::new, "multiprocessing.synchronize.Lock"),
            Proxies.Kind.of("mp.RLock", ThreadingBridge.RLockProxy::new, "multiprocessing.synchronize.RLock"),
            Proxies.Kind.of("mp.Condition", ThreadingBridge.ConditionProxy::new, "multiprocessing.synchronize.Condition"),
            Proxies.Kind.of("mp.Event", ThreadingBridge.EventProxy::new, "multiprocessing.synchronize.Event"),
            Proxies.Kind.of("mp.Pool", PoolProxy::new, "multiprocessing.pool.Pool"),
            Proxies.Kind.of("mp.AsyncResult", AsyncResultProxy::new, "multiprocessing.pool.ApplyResult"),
            Proxies.Kind.of("mp.PoolIterator", PoolIteratorProxy::new, "multiprocessing.pool.IMapIterator"),
            Proxies.Kind.of("mp.Listener", ListenerProxy::new, "multiprocessing.connection.Listener"),
            Proxies.Kind.of("mp.SharedMemoryManager", SharedMemoryManagerProxy::new,
                    "multiprocessing.managers.SharedMemoryManager"),
            Proxies.Kind.of("mp.Context", ContextProxy::new, "multiprocessing.context.BaseContext"));

    /** The module. */
    static MultiprocessingModule module(Supplier<Session> session) {
        return new Module(session);
    }

    /**
     * The methods of a context, shared by the module and the proxies of {@code get_context(...)}: the factories
     * go through the agent's {@code $mp} helper (which tracks pools for the end of the case), the start-method
     * questions to {@link #own}.
     */
    interface ContextCalls extends Context {
        /** {@code ctx.name(*args, **kwargs)} through {@code $mp}. */
        Object make(String name, List<?> args, Map<String, ?> kwargs);

        /** {@code target.name(*args)} on the module or the context object itself. */
        Object own(String name, Object... args);

        private Object make(String name, Object... args) {
            return make(name, java.util.Arrays.asList(args), Map.of());
        }

        @Override
        default PyProcess process(ProcessOptions o) {
            Map<String, Object> kw = new LinkedHashMap<>();
            kw.put("group", o.group());
            kw.put("target", o.target());
            kw.put("name", o.name());
            kw.put("args", o.args());
            kw.put("kwargs", o.kwargs());
            kw.put("daemon", o.daemon());
            return as(PyProcess.class, make("Process", List.of(), kw));
        }

        @Override
        default List<Connection> pipe(boolean duplex) {
            List<Connection> out = new ArrayList<>();
            for (Object c : (List<?>) make("Pipe", duplex)) {
                out.add(as(Connection.class, c));
            }
            return out;
        }

        @Override
        default Queue queue() {
            return as(Queue.class, make("Queue"));
        }

        @Override
        default Queue queue(long maxsize) {
            return as(Queue.class, make("Queue", maxsize));
        }

        @Override
        default JoinableQueue joinableQueue() {
            return as(JoinableQueue.class, make("JoinableQueue"));
        }

        @Override
        default JoinableQueue joinableQueue(long maxsize) {
            return as(JoinableQueue.class, make("JoinableQueue", maxsize));
        }

        @Override
        default SimpleQueue simpleQueue() {
            return as(SimpleQueue.class, make("SimpleQueue"));
        }

        @Override
        default Lock lock() {
            return as(Lock.class, make("Lock"));
        }

        @Override
        default RLock rlock() {
            return as(RLock.class, make("RLock"));
        }

        @Override
        default Semaphore semaphore() {
            return as(Semaphore.class, make("Semaphore"));
        }

        @Override
        default Semaphore semaphore(long value) {
            return as(Semaphore.class, make("Semaphore", value));
        }

        @Override
        default BoundedSemaphore boundedSemaphore() {
            return as(BoundedSemaphore.class, make("BoundedSemaphore"));
        }

        @Override
        default BoundedSemaphore boundedSemaphore(long value) {
            return as(BoundedSemaphore.class, make("BoundedSemaphore", value));
        }

        @Override
        default Condition condition() {
            return as(Condition.class, make("Condition"));
        }

        @Override
        default Condition condition(LockLike lock) {
            return as(Condition.class, make("Condition", lock));
        }

        @Override
        default Event event() {
            return as(Event.class, make("Event"));
        }

        @Override
        default Barrier barrier(long parties) {
            return as(Barrier.class, make("Barrier", parties));
        }

        @Override
        default Barrier barrier(long parties, PyCallable action, Double timeout) {
            return as(Barrier.class, make("Barrier", parties, action, timeout));
        }

        @Override
        default Pool pool(PoolOptions o) {
            return as(Pool.class, make("Pool", List.of(), poolKwargs(o)));
        }

        @Override
        default Context getContext(String method) {
            return as(Context.class, make("get_context", method));
        }

        @Override
        default String getStartMethod() {
            return (String) own("get_start_method");
        }

        @Override
        default String getStartMethod(boolean allowNone) {
            return (String) own("get_start_method", allowNone);
        }

        @Override
        default List<String> getAllStartMethods() {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) own("get_all_start_methods")) {
                out.add((String) o);
            }
            return out;
        }

        @Override
        default long cpuCount() {
            return integer(own("cpu_count"));
        }

        @Override
        default PyProcess currentProcess() {
            return as(PyProcess.class, own("current_process"));
        }

        @Override
        default PyProcess parentProcess() {
            Object v = own("parent_process");
            return v == null ? null : as(PyProcess.class, v);
        }

        @Override
        default List<PyProcess> activeChildren() {
            List<PyProcess> out = new ArrayList<>();
            for (Object o : (List<?>) own("active_children")) {
                out.add(as(PyProcess.class, o));
            }
            return out;
        }
    }

    /**
     * {@code Pool(processes, initializer, initargs, maxtasksperchild)} as keyword arguments; maxtasksperchild only
     * when given, as {@code ThreadPool} and {@code dummy.Pool} do not take it (Python's TypeError then).
     */
    static Map<String, Object> poolKwargs(PoolOptions o) {
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("processes", o.processes());
        kw.put("initializer", o.initializer());
        kw.put("initargs", o.initargs());
        if (o.maxtasksperchild() != null) {
            kw.put("maxtasksperchild", o.maxtasksperchild());
        }
        return kw;
    }

    static final class Module extends Proxies.ModuleProxy implements MultiprocessingModule, ContextCalls {
        private final DummyModule dummy = new Dummy();

        Module(Supplier<Session> session) {
            super(session, PyModule.MULTIPROCESSING);
        }

        @Override
        public Object make(String name, List<?> args, Map<String, ?> kwargs) {
            return invoke("$mp", name, args, kwargs);
        }

        @Override
        public Object own(String name, Object... args) {
            return invoke(name, args);
        }

        /** {@code multiprocessing.<dotted>(*args, **kwargs)} through {@code $mp_fn}, which tracks what it makes. */
        private Object fn(String dotted, List<?> args, Map<String, ?> kwargs) {
            return invoke("$mp_fn", dotted, args, kwargs);
        }

        @Override
        public void setStartMethod(String method, boolean force) {
            invoke("$mp_set_start_method", method, force);
        }

        @Override
        public PyCallable routine(Routine routine) {
            return as(PyCallable.class, invoke("$mp_routine", routine.pythonName()));
        }

        @Override
        public Listener listener(Object address, String family, long backlog, PyBytes authkey) {
            return as(Listener.class, fn("multiprocessing.connection.Listener",
                    java.util.Arrays.asList(address, family, backlog, authkey), Map.of()));
        }

        @Override
        public Connection client(Object address, String family, PyBytes authkey) {
            return as(Connection.class, fn("multiprocessing.connection.Client",
                    java.util.Arrays.asList(address, family, authkey), Map.of()));
        }

        /** The ready objects are the very ones passed: proxies map to their Python objects and back. */
        @Override
        public List<Object> wait(List<Object> objectList, Double timeout) {
            return new ArrayList<>((List<?>) fn("multiprocessing.connection.wait",
                    java.util.Arrays.asList(objectList, timeout), Map.of()));
        }

        @Override
        public Pool threadPool(PoolOptions options) {
            return as(Pool.class, fn("multiprocessing.pool.ThreadPool", List.of(), poolKwargs(options)));
        }

        @Override
        public DummyModule dummy() {
            return dummy;
        }

        @Override
        public SharedMemoryManager sharedMemoryManager() {
            return as(SharedMemoryManager.class, fn("multiprocessing.managers.SharedMemoryManager", List.of(), Map.of()));
        }

        /** The real {@code multiprocessing.freeze_support()}: the module's default context's method. */
        @Override
        public void freezeSupport() {
            own("freeze_support");
        }

        /** {@code multiprocessing.dummy}; a class of the module so that its calls carry the module's handle. */
        final class Dummy implements DummyModule {
            @Override
            public Pool pool(PoolOptions options) {
                return as(Pool.class, fn("multiprocessing.dummy.Pool", List.of(), poolKwargs(options)));
            }

            @Override
            public dev.pyconc.spi.queue.Queue queue(long maxsize) {
                return as(dev.pyconc.spi.queue.Queue.class, fn("multiprocessing.dummy.Queue", List.of(maxsize), Map.of()));
            }
        }
    }

    /** A context object of {@code get_context(method)}. */
    static final class ContextProxy extends Proxies.PyObjectProxy implements ContextCalls {
        ContextProxy(Session s, long hid) {
            super(s, hid, "mp.Context");
        }

        @Override
        public Object make(String name, List<?> args, Map<String, ?> kwargs) {
            return invoke("$mp", name, args, kwargs);
        }

        @Override
        public Object own(String name, Object... args) {
            return invoke(name, args);
        }

        /** A concrete context refuses it (ValueError), as Python's does. */
        @Override
        public void setStartMethod(String method, boolean force) {
            invoke("set_start_method", method, force);
        }
    }

    /** {@code multiprocessing.Process} and the objects of current_process(), parent_process(), active_children(). */
    static final class ProcessProxy extends Proxies.PyObjectProxy implements PyProcess {
        ProcessProxy(Session s, long hid) {
            super(s, hid, "mp.Process");
        }

        private static Long optLong(Object v) {
            return v == null ? null : integer(v);
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
        public boolean isAlive() {
            return bool(invoke("is_alive"));
        }

        @Override
        public Long exitcode() {
            return optLong(attr("exitcode"));
        }

        @Override
        public String getName() {
            return (String) attr("name");
        }

        @Override
        public void setName(String name) {
            setAttr("name", name);
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
        public Long pid() {
            return optLong(attr("pid"));
        }

        @Override
        public Long ident() {
            return optLong(attr("ident"));
        }

        @Override
        public long sentinel() {
            return integer(attr("sentinel"));
        }

        @Override
        public PyBytes getAuthkey() {
            return as(PyBytes.class, attr("authkey"));
        }

        @Override
        public void setAuthkey(PyBytes key) {
            setAttr("authkey", key);
        }

        @Override
        public void terminate() {
            invoke("terminate");
        }

        @Override
        public void kill() {
            invoke("kill");
        }

        @Override
        public void interrupt() {
            invoke("interrupt");
        }

        @Override
        public void close() {
            invoke("close");
        }
    }

    /** {@code multiprocessing.connection.Connection}. */
    static final class ConnectionProxy extends Proxies.PyObjectProxy implements Connection {
        ConnectionProxy(Session s, long hid) {
            super(s, hid, "mp.Connection");
        }

        @Override
        public void send(Object obj) {
            invoke("send", obj);
        }

        @Override
        public Object recv() {
            return invoke("recv");
        }

        @Override
        public void sendBytes(PyBytes buf) {
            invoke("send_bytes", buf);
        }

        @Override
        public void sendBytes(PyBytes buf, long offset) {
            invoke("send_bytes", buf, offset);
        }

        @Override
        public void sendBytes(PyBytes buf, long offset, Long size) {
            invoke("send_bytes", buf, offset, size);
        }

        @Override
        public PyBytes recvBytes() {
            return as(PyBytes.class, invoke("recv_bytes"));
        }

        @Override
        public PyBytes recvBytes(Long maxlength) {
            return as(PyBytes.class, invoke("recv_bytes", maxlength));
        }

        @Override
        public long recvBytesInto(byte[] buffer) {
            return recvBytesInto(buffer, 0);
        }

        /**
         * {@code recv_bytes_into} on a {@code bytearray} of the buffer's content, copied back into {@code buffer};
         * BufferTooShort carries the whole message.
         */
        @Override
        public long recvBytesInto(byte[] buffer, long offset) {
            List<?> r = (List<?>) invoke("$mp_recv_bytes_into", PyBytes.of(buffer), offset);
            if ("short".equals(r.get(0))) {
                throw new BufferTooShort(as(PyBytes.class, r.get(1)));
            }
            byte[] back = as(PyBytes.class, r.get(2)).toByteArray();
            System.arraycopy(back, 0, buffer, 0, Math.min(back.length, buffer.length));
            return integer(r.get(1));
        }

        @Override
        public boolean poll() {
            return bool(invoke("poll"));
        }

        @Override
        public boolean poll(Double timeout) {
            return bool(invoke("poll", timeout));
        }

        @Override
        public void close() {
            invoke("close");
        }

        @Override
        public long fileno() {
            return integer(invoke("fileno"));
        }

        @Override
        public boolean closed() {
            return bool(attr("closed"));
        }

        @Override
        public boolean readable() {
            return bool(attr("readable"));
        }

        @Override
        public boolean writable() {
            return bool(attr("writable"));
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }

    /** {@code multiprocessing.Queue}. */
    static class QueueProxy extends Proxies.PyObjectProxy implements Queue {
        QueueProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        QueueProxy(Session s, long hid) {
            this(s, hid, "mp.Queue");
        }

        @Override
        public long qsize() {
            return integer(invoke("qsize"));
        }

        @Override
        public boolean empty() {
            return bool(invoke("empty"));
        }

        @Override
        public boolean full() {
            return bool(invoke("full"));
        }

        @Override
        public void put(Object item) {
            invoke("put", item);
        }

        @Override
        public void put(Object item, boolean block) {
            invoke("put", item, block);
        }

        @Override
        public void put(Object item, boolean block, Double timeout) {
            invoke("put", item, block, timeout);
        }

        @Override
        public void putNowait(Object item) {
            invoke("put_nowait", item);
        }

        @Override
        public Object get() {
            return invoke("get");
        }

        @Override
        public Object get(boolean block) {
            return invoke("get", block);
        }

        @Override
        public Object get(boolean block, Double timeout) {
            return invoke("get", block, timeout);
        }

        @Override
        public Object getNowait() {
            return invoke("get_nowait");
        }

        @Override
        public void close() {
            invoke("close");
        }

        @Override
        public void joinThread() {
            invoke("join_thread");
        }

        @Override
        public void cancelJoinThread() {
            invoke("cancel_join_thread");
        }
    }

    /** {@code multiprocessing.JoinableQueue}. */
    static final class JoinableQueueProxy extends QueueProxy implements JoinableQueue {
        JoinableQueueProxy(Session s, long hid) {
            super(s, hid, "mp.JoinableQueue");
        }

        @Override
        public void taskDone() {
            invoke("task_done");
        }

        @Override
        public void join() {
            invoke("join");
        }
    }

    /** {@code multiprocessing.SimpleQueue}. */
    static final class SimpleQueueProxy extends Proxies.PyObjectProxy implements SimpleQueue {
        SimpleQueueProxy(Session s, long hid) {
            super(s, hid, "mp.SimpleQueue");
        }

        @Override
        public boolean empty() {
            return bool(invoke("empty"));
        }

        @Override
        public void put(Object item) {
            invoke("put", item);
        }

        @Override
        public Object get() {
            return invoke("get");
        }

        @Override
        public void close() {
            invoke("close");
        }
    }

    /** {@code multiprocessing.Semaphore}: threading's proxy plus {@code get_value()} and {@code locked()}. */
    static class SemaphoreProxy extends ThreadingBridge.SemaphoreProxy implements Semaphore {
        SemaphoreProxy(Session s, long hid, String kind) {
            super(s, hid, kind);
        }

        SemaphoreProxy(Session s, long hid) {
            this(s, hid, "mp.Semaphore");
        }

        @Override
        public long getValue() {
            return integer(invoke("get_value"));
        }

        @Override
        public boolean locked() {
            return bool(invoke("locked"));
        }
    }

    /** {@code multiprocessing.BoundedSemaphore}. */
    static final class BoundedSemaphoreProxy extends SemaphoreProxy implements BoundedSemaphore {
        BoundedSemaphoreProxy(Session s, long hid) {
            super(s, hid, "mp.BoundedSemaphore");
        }
    }

    /** {@code multiprocessing.pool.Pool} and {@code ThreadPool}. */
    static final class PoolProxy extends Proxies.PyObjectProxy implements Pool {
        PoolProxy(Session s, long hid) {
            super(s, hid, "mp.Pool");
        }

        @Override
        public Object apply(PyCallable func, List<Object> args, Map<String, Object> kwds) {
            return invoke("apply", func, args, kwds);
        }

        @Override
        public AsyncResult applyAsync(PyCallable func, List<Object> args, Map<String, Object> kwds, PyCallable callback,
                PyCallable errorCallback) {
            return as(AsyncResult.class, invoke("apply_async", func, args, kwds, callback, errorCallback));
        }

        @Override
        public List<Object> map(PyCallable func, List<?> iterable, Long chunksize) {
            return new ArrayList<>((List<?>) invoke("map", func, iterable, chunksize));
        }

        @Override
        public AsyncResult mapAsync(PyCallable func, List<?> iterable, Long chunksize, PyCallable callback,
                PyCallable errorCallback) {
            return as(AsyncResult.class, invoke("map_async", func, iterable, chunksize, callback, errorCallback));
        }

        @Override
        public PoolIterator imap(PyCallable func, List<?> iterable, long chunksize) {
            return poolIterator(invoke("imap", func, iterable, chunksize));
        }

        @Override
        public PoolIterator imapUnordered(PyCallable func, List<?> iterable, long chunksize) {
            return poolIterator(invoke("imap_unordered", func, iterable, chunksize));
        }

        @Override
        public List<Object> starmap(PyCallable func, List<? extends List<?>> iterable, Long chunksize) {
            return new ArrayList<>((List<?>) invoke("starmap", func, iterable, chunksize));
        }

        @Override
        public AsyncResult starmapAsync(PyCallable func, List<? extends List<?>> iterable, Long chunksize,
                PyCallable callback, PyCallable errorCallback) {
            return as(AsyncResult.class, invoke("starmap_async", func, iterable, chunksize, callback, errorCallback));
        }

        @Override
        public void close() {
            invoke("close");
        }

        @Override
        public void terminate() {
            invoke("terminate");
        }

        @Override
        public void join() {
            invoke("join");
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }

    /** {@code multiprocessing.pool.AsyncResult} ({@code ApplyResult} and its {@code MapResult}). */
    static final class AsyncResultProxy extends Proxies.PyObjectProxy implements AsyncResult {
        AsyncResultProxy(Session s, long hid) {
            super(s, hid, "mp.AsyncResult");
        }

        @Override
        public Object get() {
            return invoke("get");
        }

        @Override
        public Object get(Double timeout) {
            return invoke("get", timeout);
        }

        @Override
        public void await(Double timeout) {
            invoke("wait", timeout);
        }

        @Override
        public boolean ready() {
            return bool(invoke("ready"));
        }

        @Override
        public boolean successful() {
            return bool(invoke("successful"));
        }
    }

    /**
     * What imap returns: an IMapIterator, or for a chunksize above 1 CPython's plain generator over the chunks, whose
     * {@code next(timeout)} is then Python's own answer (AttributeError: a generator has no {@code next}).
     */
    static PoolIterator poolIterator(Object v) {
        if (v instanceof PoolIterator it) {
            return it;
        }
        if (!(v instanceof Proxies.PyObjectProxy p)) {
            return as(PoolIterator.class, v);
        }
        return new PoolIterator() {
            @Override
            public Object next() {
                return p.invoke("__next__");
            }

            @Override
            public Object next(Double timeout) {
                return p.invoke("next", timeout);
            }
        };
    }

    /** The iterator of {@code imap} and {@code imap_unordered}. */
    static final class PoolIteratorProxy extends Proxies.PyObjectProxy implements PoolIterator {
        PoolIteratorProxy(Session s, long hid) {
            super(s, hid, "mp.PoolIterator");
        }

        @Override
        public Object next() {
            return invoke("__next__");
        }

        @Override
        public Object next(Double timeout) {
            return invoke("next", timeout);
        }
    }

    /** {@code multiprocessing.connection.Listener}. */
    static final class ListenerProxy extends Proxies.PyObjectProxy implements Listener {
        ListenerProxy(Session s, long hid) {
            super(s, hid, "mp.Listener");
        }

        @Override
        public Connection accept() {
            return as(Connection.class, invoke("accept"));
        }

        @Override
        public void close() {
            invoke("close");
        }

        @Override
        public Object address() {
            return attr("address");
        }

        @Override
        public Object lastAccepted() {
            return attr("last_accepted");
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }

    /** {@code multiprocessing.managers.SharedMemoryManager}. */
    static final class SharedMemoryManagerProxy extends Proxies.PyObjectProxy implements SharedMemoryManager {
        SharedMemoryManagerProxy(Session s, long hid) {
            super(s, hid, "mp.SharedMemoryManager");
        }

        @Override
        public void start() {
            invoke("start");
        }

        @Override
        public void shutdown() {
            invoke("shutdown");
        }

        @Override
        public SharedMemory sharedMemory(long size) {
            return as(SharedMemory.class, invoke("SharedMemory", size));
        }

        @Override
        public ShareableList shareableList(List<Object> sequence) {
            return as(ShareableList.class, invoke("ShareableList", sequence));
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }
}
