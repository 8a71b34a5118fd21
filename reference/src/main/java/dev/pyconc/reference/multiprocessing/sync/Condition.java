package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.PyValues;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.threading.LockLike;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code multiprocessing.Condition}: {@code synchronize.Condition}, a condition variable that threads of several
 * processes share. It is CPython's algorithm over three {@link Semaphore}s that start at 0: a waiter posts
 * {@code sleeping_count}, releases the lock as many times as it holds it, waits on {@code wait_semaphore} (with the
 * timeout), then posts {@code woken_count} and re-acquires the lock as many times. {@code notify(n)} first cancels
 * the sleepers that have already woken (by timeout) pairwise, then posts {@code wait_semaphore} once per sleeper it
 * wakes (at most n) and waits on {@code woken_count} for each of them, and finally drains {@code wait_semaphore}
 * of posts that a timed-out waiter left behind.
 *
 * <p>Differences from {@code threading.Condition}, as CPython's: waiting or notifying without holding the lock
 * raises AssertionError ("must acquire() condition before using wait()", "lock is not owned"), not RuntimeError;
 * {@code notify} blocks until every thread it wakes has woken; {@code wait}'s negative timeout counts as 0; there is
 * no {@code locked()} and no {@code notifyAll} alias (AttributeError, as the attributes are missing in CPython);
 * {@code wait_for} returns the predicate's first value at once when it is truthy. The lock must be a {@link Lock}
 * or {@link RLock} of this package (CPython needs its {@code _semlock}); by default a new RLock.
 *
 * <p>Reduces to kind {@code "mp.Condition"}: the lock's reduction and the three semaphores' names.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Condition">multiprocessing.Condition</a>
 */
public final class Condition implements dev.pyconc.spi.threading.Condition, Reducible, AutoCloseable {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.Condition";

    static {
        Rebuilders.register(KIND, Condition::rebuild);
    }

    private final SemLockObject lock;
    private final Semaphore sleepingCount;
    private final Semaphore wokenCount;
    private final Semaphore waitSemaphore;
    private final boolean ownsLock;

    /** {@code Condition()}: over a new {@link RLock}. */
    public Condition() {
        this(null);
    }

    /**
     * {@code Condition(lock)}.
     *
     * @param lock a {@link Lock} or {@link RLock} of this package, or null (None) for a new RLock
     * @throws TypeError for any other lock (a limit of this implementation: CPython would fail later, at the first
     *     wait, with AttributeError on {@code _semlock})
     */
    public Condition(LockLike lock) {
        if (lock != null && !(lock instanceof Lock) && !(lock instanceof RLock)) {
            throw new TypeError("multiprocessing.Condition needs a multiprocessing Lock or RLock, not " + lock.getClass().getName());
        }
        this.ownsLock = lock == null;
        this.lock = lock == null ? new RLock() : (SemLockObject) lock;
        this.sleepingCount = new Semaphore(0);
        this.wokenCount = new Semaphore(0);
        this.waitSemaphore = new Semaphore(0);
    }

    private Condition(SemLockObject lock, Semaphore sleeping, Semaphore woken, Semaphore wait) {
        this.lock = lock;
        this.sleepingCount = sleeping;
        this.wokenCount = woken;
        this.waitSemaphore = wait;
        this.ownsLock = true; // the child's copy of the lock is this object's to close
    }

    private static Condition rebuild(List<Object> state) {
        @SuppressWarnings("unchecked")
        SemLockObject lock = (SemLockObject) Rebuilders.rebuild(new Reduction((String) state.get(0), (List<Object>) state.get(1), List.of()));
        return new Condition(lock, semaphore((String) state.get(2)), semaphore((String) state.get(3)), semaphore((String) state.get(4)));
    }

    private static Semaphore semaphore(String name) {
        return new Semaphore(SemLock.rebuild(SemLock.SEMAPHORE, SemLock.SEM_VALUE_MAX, name));
    }

    /** The underlying lock. */
    public LockLike lock() {
        return (LockLike) lock;
    }

    /** {@code acquire()}: the lock's. */
    @Override
    public boolean acquire() {
        return lock.acquire();
    }

    /** {@code acquire(block)}: the lock's. */
    @Override
    public boolean acquire(boolean block) {
        return lock.acquire(block);
    }

    /** {@code acquire(block, timeout)}: the lock's (a negative timeout counts as 0). */
    @Override
    public boolean acquire(boolean block, double timeout) {
        return lock.acquire(block, timeout);
    }

    /** {@code release()}: the lock's, with its exceptions (ValueError for a Lock, AssertionError for an RLock). */
    @Override
    public void release() {
        lock.semlock.release();
    }

    /**
     * CPython's {@code multiprocessing.Condition} has no {@code locked()} (threading's gained it in 3.14).
     *
     * @throws AttributeError always
     */
    @Override
    public boolean locked() {
        throw new AttributeError("'Condition' object has no attribute 'locked'");
    }

    /** {@code __enter__}: the lock's. */
    @Override
    public Held enter() {
        return lock.enter();
    }

    /** {@code wait()}: {@code wait(None)}. */
    @Override
    public boolean await() {
        return await(null);
    }

    /**
     * {@code wait(timeout)}.
     *
     * @param timeout seconds, null (None) without limit, negative as 0
     * @return false if the timeout expired, true if notified
     * @throws PyAssertionError "must acquire() condition before using wait()" when the calling thread does not hold
     *     the lock
     */
    @Override
    public boolean await(Double timeout) {
        SemLock sl = lock.semlock;
        if (!sl.isMine()) {
            throw new PyAssertionError("must acquire() condition before using wait()");
        }
        sleepingCount.release();
        int count = sl.count();
        for (int i = 0; i < count; i++) {
            sl.release();
        }
        try {
            return waitSemaphore.acquire(true, timeout);
        } finally {
            wokenCount.release();
            reacquire(sl, count);
        }
    }

    /**
     * Takes the lock back {@code count} times, as CPython's {@code finally} does, even when the Java thread is
     * interrupted (SemLock's default policy abandons a wait with RuntimeError): the caller must hold the lock again
     * whatever ended the wait. The interrupt status is kept.
     */
    private static void reacquire(SemLock sl, int count) {
        boolean interrupted = false;
        for (int i = 0; i < count; i++) {
            while (true) {
                try {
                    sl.acquire();
                    break;
                } catch (dev.pyconc.spi.exceptions.RuntimeError abandoned) {
                    if (!Thread.interrupted()) {
                        throw abandoned;
                    }
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code wait_for(predicate)}: {@code wait_for(predicate, None)}. */
    @Override
    public Object waitFor(Supplier<Object> predicate) {
        return waitFor(predicate, null);
    }

    /**
     * {@code wait_for(predicate, timeout)}: the predicate's value at once when truthy; otherwise waits and calls it
     * again until it is truthy or {@code timeout} seconds (in all, on the monotonic clock) have passed.
     *
     * @return the predicate's last value
     * @throws PyAssertionError from {@link #await(Double)} when the lock is not held and a wait is needed
     */
    @Override
    public Object waitFor(Supplier<Object> predicate, Double timeout) {
        Object result = predicate.get();
        if (PyValues.truthy(result)) {
            return result;
        }
        Long endtime = timeout == null ? null : System.nanoTime() + (long) (timeout * 1e9);
        Double waittime = null;
        while (!PyValues.truthy(result)) {
            if (endtime != null) {
                waittime = (endtime - System.nanoTime()) / 1e9;
                if (waittime <= 0) {
                    break;
                }
            }
            await(waittime);
            result = predicate.get();
        }
        return result;
    }

    /** {@code notify()}: {@code notify(1)}. */
    @Override
    public void signal() {
        signal(1);
    }

    /**
     * {@code notify(n)}: wakes at most n waiting threads (of any process) and waits until each of them has woken.
     *
     * @throws PyAssertionError "lock is not owned" when the calling thread does not hold the lock
     */
    @Override
    public void signal(long n) {
        if (!lock.semlock.isMine()) {
            throw new PyAssertionError("lock is not owned");
        }
        if (waitSemaphore.acquire(false)) {
            throw new PyAssertionError("notify: Should not have been able to acquire _wait_semaphore");
        }
        // cancel the waiters that woke by timeout since the last notify
        while (wokenCount.acquire(false)) {
            if (!sleepingCount.acquire(false)) {
                throw new PyAssertionError("notify: Bug in sleeping_count.acquire- res should not be False");
            }
        }
        long sleepers = 0;
        while (sleepers < n && sleepingCount.acquire(false)) {
            waitSemaphore.release();
            sleepers++;
        }
        if (sleepers > 0) {
            for (long i = 0; i < sleepers; i++) {
                wokenCount.acquire();
            }
            // posts left by waiters that timed out meanwhile
            while (waitSemaphore.acquire(false)) {
                // drain
            }
        }
    }

    /** {@code notify_all()}: {@code notify(sys.maxsize)}. */
    @Override
    public void signalAll() {
        signal(Long.MAX_VALUE);
    }

    /**
     * CPython's {@code multiprocessing.Condition} has no {@code notifyAll} alias.
     *
     * @throws AttributeError always
     */
    @Override
    public void notifyAllAlias() {
        throw new AttributeError("'Condition' object has no attribute 'notifyAll'");
    }

    @Override
    public Reduction reduce() {
        Reduction l = lock.reduce();
        return new Reduction(KIND, List.of(l.kind(), l.state(), sleepingCount.name(), wokenCount.name(), waitSemaphore.name()),
                List.of());
    }

    /**
     * Closes the three semaphores (unlinking them in the creating process) and the lock when this condition made it
     * (the default RLock, or the child's copy); a lock passed in stays open.
     */
    @Override
    public void close() {
        sleepingCount.close();
        wokenCount.close();
        waitSemaphore.close();
        if (ownsLock) {
            lock.close();
        }
    }

    @Override
    public String toString() {
        String waiters;
        try {
            waiters = Long.toString(sleepingCount.getValue() - wokenCount.getValue());
        } catch (RuntimeException e) {
            waiters = "unknown";
        }
        return "<Condition(" + lock + ", " + waiters + ")>";
    }
}
