package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.multiprocessing.DummyModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the reference's multiprocessing module gets its pools: it knows the adapter's {@code threading} (the pools'
 * handler and worker threads) and {@code queue} (multiprocessing.dummy's Queue), and keeps the pools it made so
 * that {@link #cleanUp()} can terminate those a case left running.
 */
public final class Pools {
    private final ThreadingModule threading;
    private final QueueModule queues;
    private final List<RefPool> made = new ArrayList<>(); // guarded by itself

    public Pools(ThreadingModule threading, QueueModule queues) {
        this.threading = threading;
        this.queues = queues;
    }

    /** {@code Pool(...)}: worker processes. */
    public Pool processPool(PoolOptions options, long cpuCount) {
        return track(new RefProcessPool(threading, options, cpuCount));
    }

    /** {@code multiprocessing.pool.ThreadPool(...)}. */
    public Pool threadPool(PoolOptions options, long cpuCount) {
        return track(new RefThreadPool(threading, options, cpuCount));
    }

    /** {@code multiprocessing.dummy}, whose pools are tracked too. */
    public DummyModule dummy(long cpuCount) {
        return new RefDummyModule(o -> threadPool(o, cpuCount), queues);
    }

    private Pool track(RefPool p) {
        synchronized (made) {
            made.add(p);
        }
        return p;
    }

    /** Terminates every pool made here (a terminated pool is left as it is) and forgets them. */
    public void cleanUp() {
        List<RefPool> all;
        synchronized (made) {
            all = new ArrayList<>(made);
            made.clear();
        }
        for (RefPool p : all) {
            try {
                p.terminate();
            } catch (RuntimeException e) {
                System.err.println("pool clean-up: " + e);
            }
        }
    }
}
