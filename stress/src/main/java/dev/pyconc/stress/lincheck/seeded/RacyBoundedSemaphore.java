package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * BUG: {@code release()} checks the bound and increments in two separate atomic steps
 * ({@code get() >= bound}, then {@code incrementAndGet()}), so two racing releases at one below the bound
 * both pass the check and the counter ends above its initial value instead of one release raising
 * ValueError. {@code acquire(blocking=False)} is a correct compare-and-set loop. Lincheck sees the missing
 * ValueError, or an acquire that succeeds on a permit that should not exist.
 */
public final class RacyBoundedSemaphore implements BoundedSemaphore {
    private final long bound;
    private final AtomicLong value;

    /** A bounded semaphore with {@code value} permits. */
    public RacyBoundedSemaphore(long value) {
        this.bound = value;
        this.value = new AtomicLong(value);
    }

    @Override
    public boolean acquire(boolean blocking) {
        if (blocking) {
            throw new UnsupportedOperationException("seeded bug: non-blocking only");
        }
        while (true) {
            long v = value.get();
            if (v == 0) {
                return false;
            }
            if (value.compareAndSet(v, v - 1)) {
                return true;
            }
        }
    }

    @Override
    public boolean acquire() {
        return acquire(true);
    }

    @Override
    public boolean acquire(boolean blocking, Double timeout) {
        return acquire(blocking);
    }

    @Override
    public void release() {
        if (value.get() >= bound) {
            throw new ValueError("Semaphore released too many times");
        }
        value.incrementAndGet();
    }

    @Override
    public void release(long n) {
        for (long i = 0; i < n; i++) {
            release();
        }
    }

    @Override
    public Held enter() {
        throw new UnsupportedOperationException("seeded bug: non-blocking only");
    }
}
