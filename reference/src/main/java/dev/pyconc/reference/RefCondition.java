package dev.pyconc.reference;

import dev.pyconc.spi.PyValues;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.Condition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * {@code threading.Condition} as CPython writes it: each waiter allocates a {@link PrimitiveLock}, acquires it,
 * appends it to a FIFO list and blocks acquiring it again after releasing the condition's lock;
 * {@code notify(n)} releases the locks of the n longest waiters. Three fast paths (see the package's "Fast paths"):
 * {@link #notifyOwned()} for the queue classes; a bounded spin until the lock is free before re-acquiring it after
 * a wait ({@link #reacquire}); and, for {@code Condition()} over its own RLock ({@link #withOwnRLock}), waiter
 * locks released when the notifier lets the RLock go rather than inside {@code notify} (so a waiter wakes once,
 * to a free lock).
 */
final class RefCondition implements Condition {
    private final RefContext ctx;
    private final CondLock lock;
    // Guarded by the condition's lock, as in CPython; synchronized too because Python's deque operations
    // are atomic and a timed-out waiter removes itself after re-acquiring the lock.
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    // Only with deferWakes: notified waiters whose waiter lock is released when this thread lets the
    // condition's lock go (see deferWakes). Guarded by the condition's lock, which only this object can reach.
    private final ArrayDeque<Waiter> notified = new ArrayDeque<>();
    private final boolean deferWakes;

    /** A thread inside {@code wait()}: CPython's per-waiter lock, and whether a notify chose it. */
    private static final class Waiter {
        final PrimitiveLock lock;
        /** Set by the notify that chose this waiter (with deferWakes, before its lock is released). */
        volatile boolean notified;

        Waiter(PrimitiveLock lock) {
            this.lock = lock;
        }
    }

    RefCondition(RefContext ctx, CondLock lock) {
        this(ctx, lock, false);
    }

    private RefCondition(RefContext ctx, CondLock lock, boolean deferWakes) {
        this.ctx = ctx;
        this.lock = lock;
        this.deferWakes = deferWakes;
    }

    /**
     * {@code threading.Condition()}: a condition over a new RLock of its own, which no other object can reach, so
     * every release of it goes through this condition, and the wake-ups of notified waiters can wait until the
     * lock is let go ({@code deferWakes}, see {@link #signal(long)}).
     */
    static RefCondition withOwnRLock(RefContext ctx) {
        return new RefCondition(ctx, new ReentrantLock(ctx), true);
    }

    @Override
    public boolean acquire() {
        return lock.acquire();
    }

    @Override
    public boolean acquire(boolean blocking) {
        return lock.acquire(blocking);
    }

    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return lock.acquire(blocking, timeout);
    }

    @Override
    public void release() {
        if (!deferWakes || !lock.isOwned()) {
            lock.release(); // raises RuntimeError when not owned, as the lock's own release does
            return;
        }
        ArrayDeque<Waiter> wake = takeNotified();
        lock.release();
        if (wake != null && lock.isOwned()) {
            notified.addAll(wake); // an inner level of the RLock: still held, wake them at the last release
            return;
        }
        release(wake);
    }

    /** The notified waiters still to wake (null for none), taken from the list; the caller holds the lock. */
    private ArrayDeque<Waiter> takeNotified() {
        if (notified.isEmpty()) {
            return null;
        }
        ArrayDeque<Waiter> wake = new ArrayDeque<>(notified);
        notified.clear();
        return wake;
    }

    /** Releases the waiter locks of {@code wake} (null: none), in notify order; CPython's notify does this. */
    private static void release(ArrayDeque<Waiter> wake) {
        if (wake == null) {
            return;
        }
        for (Waiter w : wake) {
            try {
                w.lock.release();
            } catch (RuntimeError alreadyReleased) {
                // as in CPython's notify: nothing to wake
            }
        }
    }

    @Override
    public boolean locked() {
        return lock.locked();
    }

    @Override
    public Held enter() {
        if (!deferWakes) {
            return lock.enter();
        }
        lock.acquire();
        return Held.of(this::release);
    }

    @Override
    public boolean await() {
        return await(null);
    }

    @Override
    public boolean await(Double timeout) {
        if (!lock.isOwned()) {
            throw new RuntimeError("cannot wait on un-acquired lock");
        }
        Waiter w = new Waiter(new PrimitiveLock(ctx));
        PrimitiveLock waiter = w.lock;
        waiter.acquire();
        synchronized (waiters) {
            waiters.addLast(w);
        }
        ArrayDeque<Waiter> wake = deferWakes ? takeNotified() : null;
        Object saved = lock.releaseSave();
        release(wake);
        boolean gotit = false;
        try {
            if (timeout == null) {
                if (!spinForRelease(waiter)) {
                    waiter.acquire();
                }
                gotit = true;
            } else if (timeout > 0) {
                long nanos = Timeouts.lockTimeout(true, timeout); // the lock's own checks, before any spin
                long start = System.nanoTime();
                gotit = spinForRelease(waiter) || waiter.acquireNanos(Math.max(0, nanos - (System.nanoTime() - start)));
            } else {
                gotit = waiter.acquire(false);
            }
            if (!gotit && w.notified) {
                gotit = true; // notified before this check; its lock's release was only deferred
            }
            return gotit;
        } finally {
            reacquire(saved);
            if (!gotit) {
                synchronized (waiters) {
                    waiters.remove(w);
                }
            }
        }
    }

    /**
     * Before a waiter blocks on its waiter lock, it looks up to {@link Spin#LIMIT} times whether a notify has
     * released it already, and takes it if so: in a hand-off between two running threads (a producer and a
     * consumer, a ping-pong) the notifier lets the waiter lock go within microseconds, and taking it without a park
     * saves a park, an unpark and the wake-up latency. Only the waiter itself ever acquires its waiter lock, so
     * taking it here or in the blocking acquire that follows is the same event; the spin changes when the waiter
     * notices, never whether or in which order waiters are woken.
     */
    private static boolean spinForRelease(PrimitiveLock waiter) {
        if (Spin.HANDOFF_NANOS <= 0) {
            return false;
        }
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            if (!waiter.locked() && waiter.acquire(false)) {
                return true;
            }
            if ((i & 63) == 0 && System.nanoTime() - start >= Spin.HANDOFF_NANOS) {
                return false;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * {@code _acquire_restore}: takes the condition's lock back after a wait. The thread that notified this
     * waiter usually still holds the lock for a few more statements (the rest of its {@code with} block, often
     * its own {@code wait()}), so blocking on the lock at once would park the waiter a second time and cost the
     * notifier an unpark when it lets go. Over this package's Lock and RLock the waiter therefore first watches
     * the lock's {@code locked()} a bounded number of times ({@link Spin#LIMIT}, with
     * {@link Thread#onSpinWait()} between looks) until it sees it free, then re-acquires through
     * {@link CondLock#acquireRestore} exactly as CPython does (it may still find the lock taken and block). Looking
     * at {@code locked()} has no effect a Python program can see, so the order and outcome of every acquisition
     * is unchanged; only a park is saved when the notifier lets go within the spin. A lock passed in by the
     * caller of any other class is not watched (its {@code locked()} might be Python code with effects).
     */
    private void reacquire(Object saved) {
        if (lock instanceof PrimitiveLock || lock instanceof ReentrantLock) {
            for (int i = 0; i < Spin.LIMIT && lock.locked(); i++) {
                Thread.onSpinWait();
            }
        }
        lock.acquireRestore(saved);
    }

    @Override
    public Object waitFor(Supplier<Object> predicate) {
        return waitFor(predicate, null);
    }

    @Override
    public Object waitFor(Supplier<Object> predicate, Double timeout) {
        Double endtime = null;
        Double waittime = timeout;
        Object result = predicate.get();
        while (!PyValues.truthy(result)) {
            if (waittime != null) {
                if (endtime == null) {
                    endtime = Timeouts.monotonic() + waittime;
                } else {
                    waittime = endtime - Timeouts.monotonic();
                    if (waittime <= 0) {
                        break;
                    }
                }
            }
            await(waittime);
            result = predicate.get();
        }
        return result;
    }

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signal(long n) {
        if (!lock.isOwned()) {
            throw new RuntimeError("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /**
     * {@code notify()} for a caller that holds the condition's lock itself (the queue classes, whose conditions
     * share one mutex no one else can reach): the same as {@link #signal()} without the {@code _is_owned} check,
     * which the caller's own acquisition already settles, and without touching the waiter list's monitor when
     * no one waits. Every change to the list is made by a thread holding the lock (a waiter adds itself before
     * {@code _release_save}, a timed-out one removes itself after {@code _acquire_restore}, a notifier removes
     * those it wakes), so the caller, holding the lock, reads the list's emptiness safely without the monitor.
     */
    void notifyOwned() {
        if (waiters.isEmpty()) {
            return;
        }
        wake(1);
    }

    /** Wakes the {@code n} longest waiters, as CPython's {@code notify(n)} after its ownership check. */
    private void wake(long n) {
        synchronized (waiters) {
            Iterator<Waiter> it = waiters.iterator();
            while (n > 0 && it.hasNext()) {
                Waiter waiter = it.next();
                if (deferWakes) {
                    waiter.notified = true;
                    notified.addLast(waiter);
                    n--;
                } else {
                    try {
                        waiter.lock.release();
                        n--;
                    } catch (RuntimeError alreadyReleased) {
                        // a waiter that timed out meanwhile; CPython skips it too
                    }
                }
                it.remove();
            }
        }
    }

    @Override
    public void signalAll() {
        long n;
        synchronized (waiters) {
            n = waiters.size();
        }
        signal(n);
    }

    /** {@code notifyAll()}: CPython's alias calls {@code notify_all()} after a DeprecationWarning. */
    @Override
    public void notifyAllAlias() {
        signalAll();
    }

    /** How many threads wait (for tests and dumps). */
    int waiterCount() {
        synchronized (waiters) {
            return waiters.size();
        }
    }

    @Override
    public String toString() {
        return "<Condition(" + lock + ", " + waiterCount() + ")>";
    }
}
