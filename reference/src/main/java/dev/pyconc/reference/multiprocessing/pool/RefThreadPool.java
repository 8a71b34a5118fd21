package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Map;

/**
 * {@code multiprocessing.pool.ThreadPool(processes, initializer, initargs)} (and {@code multiprocessing.dummy.Pool}):
 * a {@link RefPool} whose workers are daemon threads of this process (pool.py's {@code DummyProcess}es), so any
 * callable can be a task. {@code terminate()} cannot stop a thread in the middle of a call: it drops the tasks not
 * started and the thread exits after its call; {@code join()} waits for that.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.ThreadPool">ThreadPool</a>
 */
public final class RefThreadPool extends RefPool {
    private final ThreadingModule threading;

    /**
     * Starts the pool.
     *
     * @param cpuCount the default number of threads ({@code os.process_cpu_count()})
     * @throws TypeError when maxtasksperchild is given: ThreadPool has no such argument
     * @throws dev.pyconc.spi.exceptions.ValueError for processes below 1
     */
    public RefThreadPool(ThreadingModule threading, PoolOptions options, long cpuCount) {
        super(threading, "ThreadPool", checked(options), cpuCount);
        this.threading = threading;
        start();
    }

    private static PoolOptions checked(PoolOptions options) {
        if (options.maxtasksperchild() != null) {
            throw new TypeError("ThreadPool.__init__() got an unexpected keyword argument 'maxtasksperchild'");
        }
        return options;
    }

    @Override
    protected Worker startWorker(int number) {
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.named("worker", PyCallable.of(this::work)))
                .withName("Thread-" + number + " (worker)").withDaemon(true));
        t.start();
        return new Worker() {
            @Override
            public boolean exited() {
                return !t.isAlive();
            }

            @Override
            public void join() {
                t.join();
            }

            @Override
            public void terminate() {
                // a thread cannot be stopped; it takes a sentinel after its call
            }
        };
    }

    private void work() {
        try {
            if (initializer != null) {
                initializer.call(initargs, Map.of());
            }
            workerLoop(RefPool::runHere);
        } finally {
            workerExited();
        }
    }

    @Override
    protected boolean stopsWorkers() {
        return false;
    }
}
