package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.RLock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * BUG: {@code release()} checks only that the lock is held, not that the calling thread holds it, so a
 * thread that never acquired it can release another thread's hold (CPython raises RuntimeError). Lincheck's
 * thread-aware model expects RuntimeError there. Acquisition itself is correct (compare-and-set of the owner).
 */
public final class NonOwnerReleaseRLock implements RLock {
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private volatile long count;

    @Override
    public boolean acquire(boolean blocking) {
        if (blocking) {
            throw new UnsupportedOperationException("seeded bug: non-blocking only");
        }
        Thread me = Thread.currentThread();
        if (owner.get() == me) {
            count++;
            return true;
        }
        if (owner.compareAndSet(null, me)) {
            count = 1;
            return true;
        }
        return false;
    }

    @Override
    public boolean acquire() {
        return acquire(true);
    }

    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return acquire(blocking);
    }

    @Override
    public synchronized void release() {
        if (owner.get() == null) {
            throw new RuntimeError("cannot release un-acquired lock");
        }
        if (--count == 0) {
            owner.set(null);
        }
    }

    @Override
    public boolean locked() {
        return owner.get() != null;
    }

    @Override
    public Held enter() {
        throw new UnsupportedOperationException("seeded bug: non-blocking only");
    }
}
