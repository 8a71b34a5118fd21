package dev.pyconc.reference.multiprocessing;

import dev.pyconc.reference.multiprocessing.connection.Client;
import dev.pyconc.reference.multiprocessing.connection.Listener;
import dev.pyconc.reference.multiprocessing.managers.RefSharedMemoryManager;
import dev.pyconc.reference.multiprocessing.process.BaseContext;
import dev.pyconc.reference.multiprocessing.process.RefProcess;
import dev.pyconc.reference.multiprocessing.process.Routines;
import dev.pyconc.reference.multiprocessing.process.SpawnContext;
import dev.pyconc.reference.multiprocessing.process.Waiting;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.DummyModule;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.SharedMemoryManager;
import java.util.List;

/**
 * The reference's {@code multiprocessing} module: CPython's {@code DefaultContext} over the one concrete context
 * the reference has, {@code spawn} (children are fresh JVMs, see
 * {@link dev.pyconc.reference.multiprocessing.process}). The global start method starts unset; the module's
 * {@code Process} (default names {@code Process-N}) fixes it at {@code start()}, as
 * {@code get_context()} and {@code get_start_method()} do.
 *
 * <p>{@link #cleanUp()} shuts down the SharedMemoryManagers a case left running (their blocks are unlinked),
 * kills and reaps every child this module's processes started and left running (the
 * adapter calls it at the end of each case and when it closes), and stops the {@link ResourceSharer} (its socket
 * file goes, and fds sent but never received are closed).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html">multiprocessing</a>
 */
public final class RefMultiprocessingModule extends BaseContext implements MultiprocessingModule {
    private final SpawnContext spawn;
    private volatile Context actual; // null: the global start method is unset

    private final dev.pyconc.reference.multiprocessing.pool.Pools pools;

    /** The module without pools (its Pool, ThreadPool and dummy raise UnsupportedOperationException). */
    public RefMultiprocessingModule() {
        super(null);
        this.spawn = new SpawnContext(this, this);
        this.pools = null;
    }

    /** The module, whose pools use {@code threading} for their threads and {@code queue} for dummy's Queue. */
    public RefMultiprocessingModule(dev.pyconc.spi.threading.ThreadingModule threading,
            dev.pyconc.spi.queue.QueueModule queue) {
        super(null);
        this.spawn = new SpawnContext(this, this);
        this.pools = new dev.pyconc.reference.multiprocessing.pool.Pools(threading, queue);
    }

    @Override
    protected dev.pyconc.reference.multiprocessing.pool.Pools pools() {
        if (pools == null) {
            throw new UnsupportedOperationException("this module was made without threading and queue modules");
        }
        return pools;
    }

    @Override
    protected String processPrefix() {
        return "Process";
    }

    /** The module's Process fixes the global start method when it starts ({@code _default_context.get_context()}). */
    @Override
    protected Runnable beforeStart() {
        return () -> getContext(null);
    }

    /** Children are cleaned up by this module: processes made by the module itself are owned by it too. */
    @Override
    public dev.pyconc.spi.multiprocessing.PyProcess process(dev.pyconc.spi.multiprocessing.ProcessOptions options) {
        return RefProcess.create(processPrefix(), options, beforeStart(), this);
    }

    @Override
    protected Context concrete(String method) {
        if (SPAWN.equals(method)) {
            return spawn;
        }
        throw new dev.pyconc.spi.exceptions.ValueError("cannot find context for '" + method + "'");
    }

    /**
     * {@code get_context(method=None)}: None gives the actual context, fixing the global method to the default
     * ({@code spawn}) if unset; a name gives that concrete context without fixing anything.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError {@code cannot find context for 'fork'}: only spawn exists here
     */
    @Override
    public synchronized Context getContext(String method) {
        if (method == null) {
            if (actual == null) {
                actual = spawn;
            }
            return actual;
        }
        return concrete(method);
    }

    /** {@code get_start_method()}: the global method, fixing it to {@code spawn} if unset. */
    @Override
    public String getStartMethod() {
        return getStartMethod(false);
    }

    /** {@code get_start_method(allow_none)}: None while unset when allowNone. */
    @Override
    public synchronized String getStartMethod(boolean allowNone) {
        if (actual == null) {
            if (allowNone) {
                return null;
            }
            actual = spawn;
        }
        return actual.getStartMethod();
    }

    /**
     * {@code set_start_method(method, force=False)}.
     *
     * @throws RuntimeError {@code context has already been set} when set and not force
     * @throws dev.pyconc.spi.exceptions.ValueError for a method other than spawn
     */
    @Override
    public synchronized void setStartMethod(String method, boolean force) {
        if (actual != null && !force) {
            throw new RuntimeError("context has already been set");
        }
        if (method == null && force) {
            actual = null;
            return;
        }
        actual = getContext(method);
    }

    /** The routine as a callable ({@link Routines}); as a Process target it runs in the child JVM. */
    @Override
    public PyCallable routine(Routine routine) {
        return Routines.callable(routine);
    }

    /** {@code connection.Listener(address, family, backlog, authkey)}. */
    @Override
    public dev.pyconc.spi.multiprocessing.Listener listener(Object address, String family, long backlog,
            PyBytes authkey) {
        return new Listener(address, family, (int) Math.min(Integer.MAX_VALUE, backlog), authkey);
    }

    /** {@code connection.Client(address, family, authkey)}. */
    @Override
    public Connection client(Object address, String family, PyBytes authkey) {
        return Client.connect(address, family, authkey);
    }

    /** {@code connection.wait(object_list, timeout)}: see {@link Waiting}. */
    @Override
    public List<Object> wait(List<Object> objectList, Double timeout) {
        return Waiting.wait(objectList, timeout);
    }

    @Override
    public Pool threadPool(PoolOptions options) {
        return pools().threadPool(options, cpuCount());
    }

    @Override
    public DummyModule dummy() {
        return pools().dummy(cpuCount());
    }

    /**
     * {@code multiprocessing.managers.SharedMemoryManager()}: an unstarted manager over the module's actual context
     * (as the agent's, which gives CPython's the module's context); {@link #cleanUp()} shuts down those a case left
     * running.
     */
    @Override
    public SharedMemoryManager sharedMemoryManager() {
        RefSharedMemoryManager[] self = new RefSharedMemoryManager[1];
        RefSharedMemoryManager m = new RefSharedMemoryManager(getContext(null), this, () -> managers.remove(self[0]));
        self[0] = m;
        managers.add(m);
        return m;
    }

    /**
     * {@code freeze_support()}: the reference is never a frozen executable (its children are JVMs running
     * {@code ChildMain}, not a frozen program launched again), so it does nothing.
     */
    @Override
    public void freezeSupport() {
        // not frozen: nothing to do
    }

    private final java.util.Set<RefSharedMemoryManager> managers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The end of a case: shuts down the managers and pools it left, kills and reaps its children (closing their
     * sentinels), stops the resource sharer, and unlinks the names of the semaphores and tracked shared memory
     * blocks its objects made.
     */
    public void cleanUp() {
        for (RefSharedMemoryManager m : List.copyOf(managers)) {
            if (m.isStarted()) {
                try {
                    m.shutdown(); // unlinks the blocks made through it, then stops its process
                } catch (RuntimeException e) {
                    // its process is killed below
                }
            }
        }
        managers.clear();
        if (pools != null) {
            pools.cleanUp();
        }
        RefProcess.cleanUp(this);
        ResourceSharer.stop();
        // What CPython's reference counting does at once for the case's objects, and its tracker at exit: the
        // semaphores and tracked blocks the case's objects made lose their names now, not at garbage collection.
        dev.pyconc.reference.multiprocessing.sync.SemNames.unlinkAll();
        dev.pyconc.reference.multiprocessing.shm.Tracker.unlinkAll();
    }

    @Override
    public String toString() {
        return "<module 'multiprocessing' (reference)>";
    }
}
