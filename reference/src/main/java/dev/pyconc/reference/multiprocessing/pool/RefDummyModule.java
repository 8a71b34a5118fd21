package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.multiprocessing.DummyModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.threading.ThreadingModule;

/**
 * {@code multiprocessing.dummy}: its {@code Pool} is a {@link RefThreadPool} and its {@code Queue} the reference's
 * {@code queue.Queue}, as in CPython's {@code multiprocessing/dummy/__init__.py}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.dummy">multiprocessing.dummy</a>
 */
public final class RefDummyModule implements DummyModule {
    private final java.util.function.Function<PoolOptions, Pool> pools;
    private final QueueModule queues;

    /**
     * @param threading the threads of the pools
     * @param queues the {@code queue} module whose Queue this module's is
     * @param cpuCount the default number of pool threads
     */
    public RefDummyModule(ThreadingModule threading, QueueModule queues, long cpuCount) {
        this(o -> new RefThreadPool(threading, o, cpuCount), queues);
    }

    /** A dummy module whose Pool is {@code pools} (a ThreadPool factory). */
    RefDummyModule(java.util.function.Function<PoolOptions, Pool> pools, QueueModule queues) {
        this.pools = pools;
        this.queues = queues;
    }

    /** {@code multiprocessing.dummy.Pool(processes, initializer, initargs)}: a ThreadPool. */
    @Override
    public Pool pool(PoolOptions options) {
        return pools.apply(options);
    }

    /** {@code multiprocessing.dummy.Queue(maxsize)}: {@code queue.Queue(maxsize)}. */
    @Override
    public Queue queue(long maxsize) {
        return queues.queue(maxsize);
    }
}
