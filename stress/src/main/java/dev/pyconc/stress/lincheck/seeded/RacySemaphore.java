package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.threading.Semaphore;

/**
 * BUG: {@code acquire(blocking=False)} decrements the counter without atomicity (test {@code value > 0},
 * then {@code value--} as separate plain reads and writes), so two threads can both take the last permit.
 * {@code release()} is synchronized and correct. Lincheck finds two successful acquires of one permit.
 */
public class RacySemaphore implements Semaphore {
    /** The counter. */
    protected long value;

    /** A semaphore with {@code value} permits. */
    public RacySemaphore(long value) {
        this.value = value;
    }

    @Override
    public boolean acquire(boolean blocking) {
        if (blocking) {
            throw new UnsupportedOperationException("seeded bug: non-blocking only");
        }
        if (value > 0) {
            value--;
            return true;
        }
        return false;
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
    public synchronized void release() {
        value++;
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
