package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import java.util.List;
import java.util.Map;

/**
 * {@code multiprocessing.pool.ApplyResult} (alias {@code AsyncResult}): the result of one {@code apply_async}
 * call. The result handler thread {@linkplain #set sets} it once, runs the callback (or error callback) and then
 * wakes the waiters, as pool.py does.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.AsyncResult">AsyncResult</a>
 */
class RefAsyncResult implements AsyncResult, Job {
    private final long job;
    private final RefPool pool;
    private final PyCallable callback;
    private final PyCallable errorCallback;
    private final Object lock = new Object();
    private boolean ready; // guarded by lock
    protected boolean success; // written before ready is set, under lock
    protected Object value;

    RefAsyncResult(RefPool pool, PyCallable callback, PyCallable errorCallback) {
        this.pool = pool;
        this.job = pool.nextJob();
        this.callback = callback;
        this.errorCallback = errorCallback;
        pool.cacheAdd(this);
    }

    @Override
    public long job() {
        return job;
    }

    @Override
    public boolean ready() {
        synchronized (lock) {
            return ready;
        }
    }

    @Override
    public boolean successful() {
        synchronized (lock) {
            if (!ready) {
                throw new ValueError(this + " not ready");
            }
            return success;
        }
    }

    @Override
    public void await(Double timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + RefPool.toNanos(timeout);
        synchronized (lock) {
            while (!ready) {
                SysCalls.begin(); // for Adapter.isBlocked
                try {
                    if (timeout == null) {
                        lock.wait();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return;
                        }
                        lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.pyconc.spi.exceptions.KeyboardInterrupt("interrupted");
                } finally {
                    SysCalls.end();
                }
            }
        }
    }

    @Override
    public Object get() {
        return get(null);
    }

    @Override
    public Object get(Double timeout) {
        await(timeout);
        synchronized (lock) {
            if (!ready) {
                throw new MultiprocessingTimeoutError("");
            }
            return new Outcome(success, value).unwrap();
        }
    }

    @Override
    public void set(int i, Outcome outcome) {
        success = outcome.success();
        value = outcome.value();
        runCallbacks();
        finish();
    }

    /** Calls the callback with the value, or the error callback with the exception (in the result handler thread). */
    protected final void runCallbacks() {
        PyCallable cb = success ? callback : errorCallback;
        if (cb != null) {
            try {
                cb.call(List.of(value), Map.of());
            } catch (RuntimeException | Error e) {
                // CPython lets it end the result handler thread; the reference reports it and goes on
                System.err.println("Exception in pool callback " + cb + ": " + e);
            }
        }
    }

    /** Marks the result ready, wakes the waiters and leaves the cache. */
    protected final void finish() {
        synchronized (lock) {
            ready = true;
            lock.notifyAll();
        }
        pool.cacheRemove(job);
    }

    /** The Python class name. */
    protected String pythonClass() {
        return "ApplyResult";
    }

    @Override
    public String toString() {
        return "<multiprocessing.pool." + pythonClass() + " job=" + job + ">";
    }
}
