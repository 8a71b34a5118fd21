package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.Lock;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * {@code threading.Lock} ({@code _thread.lock}): a non-reentrant lock without owner, on an
 * {@link AbstractQueuedSynchronizer} whose state is 0 (unlocked) or 1 (locked). Every blocking call of this
 * adapter ends up in {@link #acquireNanos}.
 */
final class PrimitiveLock implements Lock, CondLock {
    private static final class Sync extends AbstractQueuedSynchronizer implements Waits.Acquirer {
        private static final long serialVersionUID = 1L;

        @Override
        public void blockInterruptibly(long arg) throws InterruptedException {
            acquireInterruptibly((int) arg);
        }

        @Override
        public boolean blockNanos(long arg, long nanos) throws InterruptedException {
            return tryAcquireNanos((int) arg, nanos);
        }

        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            if (!compareAndSetState(1, 0)) {
                throw new RuntimeError("release unlocked lock");
            }
            return true;
        }

        boolean isLocked() {
            return getState() != 0;
        }
    }

    private final Sync sync = new Sync();
    private final RefContext ctx;

    PrimitiveLock(RefContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean acquire() {
        return acquireNanos(-1);
    }

    @Override
    public boolean acquire(boolean blocking) {
        return acquireNanos(blocking ? -1 : 0);
    }

    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return acquireNanos(Timeouts.lockTimeout(blocking, timeout));
    }

    /**
     * Acquires: {@code nanos} 0 tries once, negative waits without limit, else at most that long. A Java
     * interrupt does not end the wait (see {@link RefContext#onInterrupt()}); the flag is restored on return.
     */
    boolean acquireNanos(long nanos) {
        if (sync.tryAcquire(1)) {
            return true;
        }
        if (nanos == 0) {
            return false;
        }
        return Waits.acquire(ctx, sync, 1, nanos);
    }

    @Override
    public void release() {
        sync.release(1);
    }

    @Override
    public boolean locked() {
        return sync.isLocked();
    }

    @Override
    public Held enter() {
        acquire();
        return Held.of(this::release);
    }

    // Condition support: CPython's Condition uses its Python fallbacks for a plain Lock.

    @Override
    public Object releaseSave() {
        release();
        return null;
    }

    @Override
    public void acquireRestore(Object saved) {
        acquire();
    }

    @Override
    public boolean isOwned() {
        if (acquire(false)) {
            release();
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "<" + (locked() ? "locked" : "unlocked") + " _thread.lock object>";
    }
}
