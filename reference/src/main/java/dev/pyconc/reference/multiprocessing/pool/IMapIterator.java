package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.exceptions.KeyboardInterrupt;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * pool.py's {@code IMapIterator} and {@code IMapUnorderedIterator}: results are queued as they come, in the
 * items' order (an outcome that arrives early waits in {@code unsorted} for those before it) or, unordered, in
 * the order they finish. {@code next(timeout)} raises {@code multiprocessing.TimeoutError} when nothing comes in
 * time; an exception a call raised is raised by the {@code next} that reaches it.
 */
final class IMapIterator implements PoolIterator, Job {
    private final long job;
    private final RefPool pool;
    private final boolean ordered;
    private final ArrayDeque<Outcome> items = new ArrayDeque<>(); // guarded by this
    private final Map<Integer, Outcome> unsorted = new HashMap<>(); // guarded by this
    private int index; // guarded by this
    private Integer length; // guarded by this

    IMapIterator(RefPool pool, boolean ordered) {
        this.pool = pool;
        this.ordered = ordered;
        this.job = pool.nextJob();
        pool.cacheAdd(this);
    }

    @Override
    public long job() {
        return job;
    }

    @Override
    public Object next() {
        return next(null);
    }

    @Override
    public Object next(Double timeout) {
        Outcome item;
        synchronized (this) {
            item = items.pollFirst();
            if (item == null) {
                if (length != null && index == length) {
                    throw new StopIteration("");
                }
                waitOnce(timeout);
                item = items.pollFirst();
                if (item == null) {
                    if (length != null && index == length) {
                        throw new StopIteration("");
                    }
                    throw new MultiprocessingTimeoutError("");
                }
            }
        }
        return item.unwrap();
    }

    /** pool.py's one {@code cond.wait(timeout)}, made robust against spurious wake-ups. */
    private void waitOnce(Double timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + RefPool.toNanos(timeout);
        SysCalls.begin(); // for Adapter.isBlocked
        try {
            while (items.isEmpty() && !(length != null && index == length)) {
                if (timeout == null) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyboardInterrupt("interrupted");
        } finally {
            SysCalls.end();
        }
    }

    @Override
    public void set(int i, Outcome outcome) {
        boolean done;
        synchronized (this) {
            if (!ordered || index == i) {
                items.addLast(outcome);
                index++;
                while (ordered && unsorted.containsKey(index)) {
                    items.addLast(unsorted.remove(index));
                    index++;
                }
                notifyAll();
            } else {
                unsorted.put(i, outcome);
            }
            done = length != null && index == length;
        }
        if (done) {
            pool.cacheRemove(job);
        }
    }

    /** pool.py's {@code _set_length}: the number of tasks, known once they are all submitted. */
    void setLength(int n) {
        boolean done;
        synchronized (this) {
            length = n;
            done = index == n;
            if (done) {
                notifyAll();
            }
        }
        if (done) {
            pool.cacheRemove(job);
        }
    }

    @Override
    public String toString() {
        return "<multiprocessing.pool." + (ordered ? "IMapIterator" : "IMapUnorderedIterator") + " job=" + job + ">";
    }
}
