package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;

/**
 * {@code threading.Semaphore} and {@code threading.BoundedSemaphore} (when {@code bounded}). CPython writes them
 * as a counter guarded by a {@code Condition} over a {@code Lock}; here the counter is the state of an
 * {@link AbstractQueuedLongSynchronizer} in shared mode, as in the nonfair {@code Sync} of
 * {@link java.util.concurrent.Semaphore}: an uncontended acquire or release is one compare-and-set.
 *
 * <p>What Python observes is kept (see the package's "Fast paths"): {@code acquire} takes one unit if the counter
 * is above zero and otherwise blocks, returns False at once ({@code blocking=False}), or waits at most
 * {@code timeout} seconds; {@code release(n)} adds n in one step and lets up to n waiters through (AQS wakes the
 * first, and each one that finds units left wakes the next); a BoundedSemaphore checks its bound in the same
 * compare-and-set loop, so a refused {@code release} raises ValueError and leaves the counter as it was. The
 * argument rules are CPython's: a timeout with {@code blocking=False} is a ValueError, a timeout of zero or less
 * means one try, None waits without limit, and a timeout the lock layer would refuse (above
 * {@code TIMEOUT_MAX}: OverflowError) is refused when the call has to wait. The order in which waiters are woken
 * is not promised by Python, and an acquire may take a unit ahead of a waiter that was just woken, as in CPython.
 *
 * <p>Memory effects: a {@code release} happens-before every {@code acquire} that takes a unit it added.
 */
final class RefSemaphore implements BoundedSemaphore {
    /** State: the counter. {@link #bound} is the BoundedSemaphore's initial value, or none. */
    private static final class Sync extends AbstractQueuedLongSynchronizer implements Waits.Acquirer {
        private static final long serialVersionUID = 1L;
        private static final long NO_BOUND = Long.MAX_VALUE;
        private final long bound;

        Sync(long value, long bound) {
            this.bound = bound;
            setState(value);
        }

        /** Takes one unit if there is one: the units left (0 or more), or -1 when the counter is zero. */
        @Override
        protected long tryAcquireShared(long ignored) {
            while (true) {
                long c = getState();
                if (c == 0) {
                    return -1;
                }
                if (compareAndSetState(c, c - 1)) {
                    return c - 1;
                }
            }
        }

        /** Adds {@code n} units in one step; refuses (nothing changed) what would pass the bound. */
        @Override
        protected boolean tryReleaseShared(long n) {
            while (true) {
                long c = getState();
                if (n > bound - c) {
                    if (bound != NO_BOUND) {
                        throw new ValueError("Semaphore released too many times");
                    }
                    throw new OverflowError("the semaphore's counter would pass 2**63-1"); // CPython has no limit
                }
                if (compareAndSetState(c, c + n)) {
                    return true;
                }
            }
        }

        @Override
        public void blockInterruptibly(long arg) throws InterruptedException {
            acquireSharedInterruptibly(arg);
        }

        @Override
        public boolean blockNanos(long arg, long nanos) throws InterruptedException {
            return tryAcquireSharedNanos(arg, nanos);
        }

        long value() {
            return getState();
        }
    }

    private final RefContext ctx;
    private final Sync sync;
    private final boolean bounded;
    private final long initialValue;

    /** Whether this is a BoundedSemaphore (for {@link RefBuiltins}). */
    boolean bounded() {
        return bounded;
    }

    RefSemaphore(RefContext ctx, long value, boolean bounded) {
        if (value < 0) {
            throw new ValueError("semaphore initial value must be >= 0");
        }
        this.ctx = ctx;
        this.sync = new Sync(value, bounded ? value : Sync.NO_BOUND);
        this.initialValue = value;
        this.bounded = bounded;
    }

    @Override
    public boolean acquire() {
        return acquire(true, null);
    }

    @Override
    public boolean acquire(boolean blocking) {
        return acquire(blocking, null);
    }

    /**
     * CPython's {@code Semaphore.acquire(blocking, timeout)}. A NaN timeout, which never compares as expired in
     * CPython's loop (it keeps re-checking until a release comes), waits here without limit, which is the same
     * outcome without the busy loop.
     */
    @Override
    public boolean acquire(boolean blocking, Double timeout) {
        if (!blocking && timeout != null) {
            throw new ValueError("can't specify timeout for non-blocking acquire");
        }
        if (sync.tryAcquireShared(1) >= 0) {
            return true;
        }
        if (!blocking) {
            return false;
        }
        long nanos;
        if (timeout == null || timeout.isNaN()) {
            nanos = -1;
        } else if (timeout > 0) {
            nanos = Timeouts.lockTimeout(true, timeout); // Condition.wait's lock acquire: OverflowError above max
        } else {
            return false; // CPython's loop: one more look at the counter, then the deadline has passed
        }
        return Waits.acquire(ctx, sync, 1, nanos);
    }

    @Override
    public void release() {
        sync.releaseShared(1);
    }

    @Override
    public void release(long n) {
        if (n < 1) {
            throw new ValueError("n must be one or more");
        }
        sync.releaseShared(n);
    }

    @Override
    public Held enter() {
        acquire();
        return Held.of(this::release);
    }

    @Override
    public String toString() {
        return "<threading." + (bounded ? "BoundedSemaphore" : "Semaphore") + ": value=" + sync.value()
                + (bounded ? "/" + initialValue : "") + ">";
    }
}
