package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.BoundedSemaphore;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.JoinableQueue;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Semaphore;
import dev.pyconc.spi.multiprocessing.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython's {@code multiprocessing.context.BaseContext}: the module's API as methods of a context. The reference
 * has one start method, {@code spawn} (a child is a fresh JVM); {@link SpawnContext} is its concrete context and
 * the module ({@code DefaultContext}) delegates to it.
 *
 * <p>The synchronization objects ({@code sync}), queues ({@code queues}) and pools ({@code pool}) are made by the
 * other packages of the reference's multiprocessing. As in CPython, making one first calls {@code get_context()},
 * which on the module fixes the global start method when it is unset.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods">Contexts and start methods</a>
 */
public abstract class BaseContext implements Context {
    /** The one start method of the reference. */
    public static final String SPAWN = "spawn";

    /** Who cleans up the processes this context starts ({@link RefProcess#cleanUp(Object)}). */
    protected final Object owner;

    protected BaseContext(Object owner) {
        this.owner = owner;
    }

    /** The class name that prefixes default process names ({@code Process}, {@code SpawnProcess}). */
    protected abstract String processPrefix();

    /** Run by a process's {@code start()} before the child is made. */
    protected Runnable beforeStart() {
        return null;
    }

    /**
     * {@code Process(...)}: an unstarted process.
     *
     * @throws dev.pyconc.spi.exceptions.PyAssertionError {@code group argument must be None for now}
     */
    @Override
    public PyProcess process(ProcessOptions options) {
        return RefProcess.create(processPrefix(), options, beforeStart(), owner);
    }

    /** {@code Pipe(duplex)}: see {@link dev.pyconc.reference.multiprocessing.connection.Connection#pipe(boolean)}. */
    @Override
    public List<Connection> pipe(boolean duplex) {
        return new ArrayList<>(dev.pyconc.reference.multiprocessing.connection.Connection.pipe(duplex));
    }

    @Override
    public Queue queue() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.queues.Queue();
    }

    @Override
    public Queue queue(long maxsize) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.queues.Queue(maxsize);
    }

    @Override
    public JoinableQueue joinableQueue() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.queues.JoinableQueue();
    }

    @Override
    public JoinableQueue joinableQueue(long maxsize) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.queues.JoinableQueue(maxsize);
    }

    @Override
    public SimpleQueue simpleQueue() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.queues.SimpleQueue();
    }

    @Override
    public Lock lock() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Lock();
    }

    @Override
    public RLock rlock() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.RLock();
    }

    @Override
    public Semaphore semaphore() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Semaphore();
    }

    @Override
    public Semaphore semaphore(long value) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Semaphore(value);
    }

    @Override
    public BoundedSemaphore boundedSemaphore() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.BoundedSemaphore();
    }

    @Override
    public BoundedSemaphore boundedSemaphore(long value) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.BoundedSemaphore(value);
    }

    @Override
    public Condition condition() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Condition();
    }

    @Override
    public Condition condition(LockLike lock) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Condition(lock);
    }

    @Override
    public Event event() {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Event();
    }

    @Override
    public Barrier barrier(long parties) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Barrier(parties);
    }

    @Override
    public Barrier barrier(long parties, PyCallable action, Double timeout) {
        getContext(null);
        return new dev.pyconc.reference.multiprocessing.sync.Barrier(parties, action, timeout);
    }

    /** {@code Pool(...)}: worker processes (see {@link dev.pyconc.reference.multiprocessing.pool.RefProcessPool}). */
    @Override
    public Pool pool(PoolOptions options) {
        return pools().processPool(options, cpuCount());
    }

    /** Where this context's pools come from: the module's. */
    protected abstract dev.pyconc.reference.multiprocessing.pool.Pools pools();

    /**
     * {@code BaseContext.get_context(method)}: this context for None, else the concrete context of that name.
     *
     * @throws ValueError {@code cannot find context for 'fork'} for any method but {@code spawn}
     */
    @Override
    public Context getContext(String method) {
        if (method == null) {
            return this;
        }
        return concrete(method);
    }

    /** The concrete context named {@code method}. */
    protected abstract Context concrete(String method);

    static ValueError noContext(String method) {
        return new ValueError("cannot find context for '" + method.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }

    /** {@code get_all_start_methods()}: {@code ['spawn']}. */
    @Override
    public List<String> getAllStartMethods() {
        return List.of(SPAWN);
    }

    /** {@code cpu_count()}: {@code os.cpu_count()}, the CPUs online ({@code sysconf(_SC_NPROCESSORS_ONLN)}). */
    @Override
    public long cpuCount() {
        long n = Posix.C.sysconf(84);
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** {@code current_process()}. */
    @Override
    public PyProcess currentProcess() {
        return ProcessTable.current();
    }

    /** {@code parent_process()}: None in the main process. */
    @Override
    public PyProcess parentProcess() {
        return ProcessTable.parent();
    }

    /** {@code active_children()}: the live children of this process, reaping the ended ones. */
    @Override
    public List<PyProcess> activeChildren() {
        return new ArrayList<>(ProcessTable.activeChildren());
    }
}
