package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.RLock;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;

/**
 * {@code threading.RLock} as CPython's C {@code _thread.RLock}: an owner thread and a recursion count. Here both
 * live in one {@link AbstractQueuedLongSynchronizer} (the count is its state, the owner its exclusive owner
 * thread), as in the nonfair {@code Sync} of {@link java.util.concurrent.locks.ReentrantLock}, instead of in two
 * fields beside a {@link PrimitiveLock}: an uncontended acquire and release is one compare-and-set and one
 * volatile write, and a re-entry by the owner one volatile write. What Python observes is kept: a re-entry never
 * blocks, {@code release} by a thread that does not own the lock raises RuntimeError ("cannot release
 * un-acquired lock") and changes nothing, waiters are woken in no promised order, and the
 * {@code _release_save}/{@code _acquire_restore}/{@code _is_owned} hooks let a Condition release every level
 * while it waits and restore owner and count afterwards.
 *
 * <p>Memory effects: as for {@code Lock}, a release happens-before the acquire that next takes the lock.
 */
final class ReentrantLock implements RLock, CondLock {
    /** What {@link #releaseSave} hands to {@link #acquireRestore}: CPython's {@code (count, owner)} pair. */
    private record Saved(Thread owner, long count) {}

    /** State: the recursion count (0 = unlocked); exclusive owner: the thread holding it. */
    private static final class Sync extends AbstractQueuedLongSynchronizer implements Waits.Acquirer {
        private static final long serialVersionUID = 1L;

        /** Takes the lock with count {@code n} if it is free, or adds {@code n} levels if the caller owns it. */
        @Override
        protected boolean tryAcquire(long n) {
            Thread me = Thread.currentThread();
            long c = getState();
            if (c == 0) {
                if (compareAndSetState(0, n)) {
                    setExclusiveOwnerThread(me);
                    return true;
                }
                return false;
            }
            if (getExclusiveOwnerThread() == me) {
                setState(c + n); // only the owner writes the state while it is held
                return true;
            }
            return false;
        }

        /** Drops {@code n} levels; frees the lock at 0. Only the owner may: CPython's RuntimeError otherwise. */
        @Override
        protected boolean tryRelease(long n) {
            if (getExclusiveOwnerThread() != Thread.currentThread()) {
                throw new RuntimeError("cannot release un-acquired lock");
            }
            long c = getState() - n;
            if (c == 0) {
                setExclusiveOwnerThread(null);
                setState(0); // the volatile write that publishes everything done under the lock
                return true;
            }
            setState(c);
            return false;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getExclusiveOwnerThread() == Thread.currentThread();
        }

        @Override
        public void blockInterruptibly(long n) throws InterruptedException {
            acquireInterruptibly(n);
        }

        @Override
        public boolean blockNanos(long n, long nanos) throws InterruptedException {
            return tryAcquireNanos(n, nanos);
        }

        long count() {
            return getState();
        }

        /** The owner, or null when unlocked (read after the state, as j.u.c.ReentrantLock's getOwner). */
        Thread owner() {
            return getState() == 0 ? null : getExclusiveOwnerThread();
        }

        void restoreOwner(Thread owner) {
            setExclusiveOwnerThread(owner);
        }
    }

    private final Sync sync = new Sync();
    private final RefContext ctx;

    ReentrantLock(RefContext ctx) {
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

    /** As {@link PrimitiveLock#acquireNanos}: 0 tries once, negative waits without limit, else at most that. */
    private boolean acquireNanos(long nanos) {
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
        return sync.count() != 0;
    }

    @Override
    public Held enter() {
        acquire();
        return Held.of(this::release);
    }

    /**
     * CPython's {@code _release_save}: frees the lock whatever the recursion depth and returns owner and count.
     * Condition calls it only after {@link #isOwned()}, so the caller is the owner.
     *
     * @throws RuntimeError when the lock is not held (or, unlike CPython, held by another thread)
     */
    @Override
    public Object releaseSave() {
        long c = sync.count();
        if (c == 0) {
            throw new RuntimeError("cannot release un-acquired lock");
        }
        Saved s = new Saved(sync.owner(), c);
        sync.release(c);
        return s;
    }

    /** CPython's {@code _acquire_restore}: waits for the lock, then takes back the saved count and owner. */
    @Override
    public void acquireRestore(Object saved) {
        Saved s = (Saved) saved;
        if (!sync.tryAcquire(s.count())) {
            Waits.acquire(ctx, sync, s.count(), -1);
        }
        sync.restoreOwner(s.owner());
    }

    @Override
    public boolean isOwned() {
        return sync.isHeldExclusively();
    }

    @Override
    public String toString() {
        Thread o = sync.owner();
        long c = sync.count();
        return "<" + (c != 0 ? "locked" : "unlocked") + " _thread.RLock object owner="
                + (o == null ? 0 : o.getId()) + " count=" + c + ">";
    }
}
