package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.RLock;

/**
 * {@code threading.RLock} as CPython's C {@code _thread.RLock}: an owner thread and a recursion count over a
 * {@link PrimitiveLock}.
 */
final class ReentrantLock implements RLock, CondLock {
    private record Saved(Thread owner, long count) {}

    private final PrimitiveLock lock;
    // Written only by the thread holding {@code lock}; read by others only to compare with themselves.
    private volatile Thread owner;
    private volatile long count;

    ReentrantLock(RefContext ctx) {
        this.lock = new PrimitiveLock(ctx);
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

    private boolean acquireNanos(long nanos) {
        Thread me = Thread.currentThread();
        if (owner == me && count > 0) {
            count++;
            return true;
        }
        if (!lock.acquireNanos(nanos)) {
            return false;
        }
        owner = me;
        count = 1;
        return true;
    }

    @Override
    public void release() {
        if (count == 0 || owner != Thread.currentThread()) {
            throw new RuntimeError("cannot release un-acquired lock");
        }
        if (--count == 0) {
            owner = null;
            lock.release();
        }
    }

    @Override
    public boolean locked() {
        return lock.locked();
    }

    @Override
    public Held enter() {
        acquire();
        return Held.of(this::release);
    }

    @Override
    public Object releaseSave() {
        if (count == 0) {
            throw new RuntimeError("cannot release un-acquired lock");
        }
        Saved s = new Saved(owner, count);
        count = 0;
        owner = null;
        lock.release();
        return s;
    }

    @Override
    public void acquireRestore(Object saved) {
        lock.acquire();
        Saved s = (Saved) saved;
        owner = s.owner();
        count = s.count();
    }

    @Override
    public boolean isOwned() {
        return count > 0 && owner == Thread.currentThread();
    }

    @Override
    public String toString() {
        Thread o = owner;
        return "<" + (locked() ? "locked" : "unlocked") + " _thread.RLock object owner="
                + (o == null ? 0 : o.getId()) + " count=" + count + ">";
    }
}
