package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * BUG: {@code get_nowait} chooses the next item under the lock, releases it, and removes that item under a
 * second acquisition, so two racing gets can choose the same item: both return it (a duplicate) and the
 * second removal takes another equal item or nothing. Puts, {@code qsize}, {@code empty}, {@code full} are
 * correct (one synchronized block each). Used as a LifoQueue ({@link #lifo}) and a PriorityQueue
 * ({@link #priority}); Lincheck sees one item returned twice, or a wrong qsize afterwards.
 */
public final class PeekThenRemoveQueue extends NonBlockingQueue {
    private final Collection<Object> items;
    private final Function<Collection<Object>, Object> peek;
    private final long maxsize;

    private PeekThenRemoveQueue(Collection<Object> items, Function<Collection<Object>, Object> peek, long maxsize) {
        this.items = items;
        this.peek = peek;
        this.maxsize = maxsize;
    }

    /** A broken LifoQueue of {@code maxsize}: the newest item is chosen, then removed separately. */
    public static PeekThenRemoveQueue lifo(long maxsize) {
        return new PeekThenRemoveQueue(new ArrayDeque<>(), c -> ((ArrayDeque<Object>) c).peekLast(), maxsize);
    }

    /** A broken PriorityQueue of {@code maxsize}: the smallest item is chosen, then removed separately. */
    public static PeekThenRemoveQueue priority(long maxsize) {
        return new PeekThenRemoveQueue(new PriorityQueue<>(), c -> ((PriorityQueue<Object>) c).peek(), maxsize);
    }

    @Override
    public synchronized void putNowait(Object item) {
        if (items.size() >= maxsize) {
            throw new Full("");
        }
        items.add(item);
    }

    @Override
    public Object getNowait() {
        Object next;
        synchronized (this) {
            next = peek.apply(items);
        }
        if (next == null) {
            throw new Empty("");
        }
        synchronized (this) {
            items.remove(next);
        }
        return next;
    }

    @Override
    public synchronized long qsize() {
        return items.size();
    }

    @Override
    public synchronized boolean full() {
        return items.size() >= maxsize;
    }
}
