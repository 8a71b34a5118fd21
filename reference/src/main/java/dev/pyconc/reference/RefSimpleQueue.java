package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.ArrayDeque;

/**
 * {@code queue.SimpleQueue} (CPython's C {@code _queue.SimpleQueue}): an unbounded FIFO whose {@code put}
 * never blocks; {@code get} validates its timeout like the C code (time conversion first, then the sign) and
 * waits on a {@link RefCondition} over a {@link PrimitiveLock}.
 */
final class RefSimpleQueue implements SimpleQueue {
    private final PrimitiveLock mutex;
    private final RefCondition notEmpty;
    private final ArrayDeque<Object[]> items = new ArrayDeque<>(); // guarded by mutex; boxed for None

    RefSimpleQueue(RefContext ctx) {
        this.mutex = new PrimitiveLock(ctx);
        this.notEmpty = new RefCondition(ctx, mutex);
    }

    @Override
    public long qsize() {
        try (var held = mutex.enter()) {
            return items.size();
        }
    }

    @Override
    public boolean empty() {
        try (var held = mutex.enter()) {
            return items.isEmpty();
        }
    }

    @Override
    public void put(Object item) {
        try (var held = mutex.enter()) {
            items.addLast(new Object[] {item});
            notEmpty.signal();
        }
    }

    @Override
    public void put(Object item, boolean block) {
        put(item);
    }

    @Override
    public void put(Object item, boolean block, Double timeout) {
        put(item);
    }

    @Override
    public void putNowait(Object item) {
        put(item);
    }

    @Override
    public Object get() {
        return get(true, null);
    }

    @Override
    public Object get(boolean block) {
        return get(block, null);
    }

    @Override
    public Object get(boolean block, Double timeout) {
        double endtime = Double.NaN;
        if (block && timeout != null) {
            long ns = Timeouts.toNanos(timeout);
            if (ns < 0) {
                throw new ValueError("'timeout' must be a non-negative number");
            }
            endtime = Timeouts.monotonic() + ns / 1e9;
        }
        try (var held = notEmpty.enter()) {
            while (items.isEmpty()) {
                if (!block) {
                    throw RefQueue.emptyError();
                }
                if (timeout == null) {
                    notEmpty.await();
                } else {
                    double remaining = endtime - Timeouts.monotonic();
                    if (remaining <= 0) {
                        throw RefQueue.emptyError();
                    }
                    notEmpty.await(Math.min(remaining, Timeouts.TIMEOUT_MAX));
                }
            }
            return items.removeFirst()[0];
        }
    }

    @Override
    public Object getNowait() {
        return get(false);
    }
}
