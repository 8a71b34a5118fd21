package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code queue.SimpleQueue} (CPython's C {@code _queue.SimpleQueue}): an unbounded FIFO whose {@code put}
 * never blocks; {@code get} validates its timeout like the C code (time conversion first, then the sign).
 *
 * <p>Built like the C type of CPython 3.13 and later, not on a Condition: the items in a deque, the threads
 * blocked in {@code get} in a FIFO list of {@link Waiter}s, both guarded by one short-held monitor (the C type
 * relies on the interpreter's lock, or a critical section, instead). A {@code put} that finds a waiter hands its
 * item straight to the longest waiter and wakes it, so an item goes to the thread that has waited longest and no
 * later {@code get} can take it first, as in {@code _queuemodule.c}, where {@code put} hands the item over
 * through the parking lot. A waiter that times out, or leaves with an exception (KeyboardInterrupt, or the
 * adapter closed), takes itself off the list under the monitor; if an item was handed to it in the meantime, a
 * timed-out waiter returns it (the put came first) and one leaving with an exception puts it back at the head,
 * so no item is ever lost.
 *
 * <p>A waiter first spins briefly ({@link Spin#LIMIT} checks with {@link Thread#onSpinWait()}, none on a one-CPU
 * machine) before it parks, and a put wakes (unparks) only a waiter that has said it parked: when producer and
 * consumer run at once on two cores, an item usually arrives within the spin, and neither thread pays for a
 * park and an unpark. See the package's "Fast paths".
 */
final class RefSimpleQueue implements SimpleQueue {
    /** Checks of a waiter's slot before it parks (as {@code SynchronousQueue} did: none with one CPU). */

    /** What a waiter's slot holds until a put hands it an item. */
    private static final Object NOTHING = new Object();

    /** A thread blocked in {@code get}: the slot a put hands the item to. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        /** {@link #NOTHING}, then the handed item ({@link Stores#NONE} for None); written under the monitor. */
        volatile Object item = NOTHING;
        /** Set by the waiter before it parks; a put unparks only a waiter that set it. */
        volatile boolean parked;
    }

    private final RefContext ctx;
    // The monitor guards both; None is stored as Stores.NONE (ArrayDeque refuses null).
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    RefSimpleQueue(RefContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public long qsize() {
        synchronized (items) {
            return items.size();
        }
    }

    @Override
    public boolean empty() {
        synchronized (items) {
            return items.isEmpty();
        }
    }

    @Override
    public void put(Object item) {
        Object stored = item == null ? Stores.NONE : item;
        Waiter w;
        synchronized (items) {
            w = waiters.pollFirst();
            if (w == null) {
                items.addLast(stored);
                return;
            }
            w.item = stored;
        }
        // Dekker with the waiter's (parked = true; read item): one of the two sees the other's write.
        if (w.parked) {
            LockSupport.unpark(w.thread);
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
        boolean timed = false;
        long deadline = 0;
        if (block && timeout != null) {
            long ns = Timeouts.toNanos(timeout);
            if (ns < 0) {
                throw new ValueError("'timeout' must be a non-negative number");
            }
            if (ns < Timeouts.FOREVER_NANOS) {
                timed = true;
                deadline = System.nanoTime() + ns;
            }
        }
        Waiter w;
        synchronized (items) {
            Object stored = items.pollFirst();
            if (stored != null) {
                return Stores.unwrap(stored);
            }
            if (!block || (timed && deadline - System.nanoTime() <= 0)) {
                throw RefQueue.emptyError();
            }
            w = new Waiter();
            waiters.addLast(w);
        }
        return await(w, timed, deadline);
    }

    /** Waits until a put hands {@code w} an item, or until {@code deadline} (System.nanoTime) when timed. */
    private Object await(Waiter w, boolean timed, long deadline) {
        boolean interrupted = false;
        ctx.beginWait();
        try {
            for (int i = 0; i < Spin.LIMIT && w.item == NOTHING; i++) {
                Thread.onSpinWait();
            }
            while (true) {
                Object handed = w.item;
                if (handed != NOTHING) {
                    return Stores.unwrap(handed);
                }
                if (!w.parked) {
                    w.parked = true; // then read the slot once more before parking
                    continue;
                }
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return timedOut(w);
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
                if (Thread.interrupted()) {
                    try {
                        ctx.onInterrupt(); // may raise: the adapter was closed, or SIGINT reached the main thread
                    } catch (RuntimeException e) {
                        abandon(w);
                        throw e;
                    }
                    interrupted = true;
                }
            }
        } finally {
            ctx.endWait();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The wait timed out: leave the list, unless an item was handed over first (then it is the result). */
    private Object timedOut(Waiter w) {
        synchronized (items) {
            Object handed = w.item;
            if (handed != NOTHING) {
                return Stores.unwrap(handed);
            }
            waiters.remove(w);
        }
        throw RefQueue.emptyError();
    }

    /**
     * The wait ends with an exception: leave the list. An item handed over meanwhile goes to the next waiter, or
     * back to the head of the queue when no one else waits (it was the oldest item).
     */
    private void abandon(Waiter w) {
        Waiter next;
        synchronized (items) {
            Object handed = w.item;
            if (handed == NOTHING) {
                waiters.remove(w);
                return;
            }
            next = waiters.pollFirst();
            if (next == null) {
                items.addFirst(handed);
                return;
            }
            next.item = handed;
        }
        if (next.parked) {
            LockSupport.unpark(next.thread);
        }
    }

    @Override
    public Object getNowait() {
        return get(false);
    }
}
