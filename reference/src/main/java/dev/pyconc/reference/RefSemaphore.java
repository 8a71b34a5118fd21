package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;

/**
 * {@code threading.Semaphore} and {@code threading.BoundedSemaphore} (when {@code bounded}), as CPython writes
 * them: a counter guarded by a {@link RefCondition} over a {@link PrimitiveLock}.
 */
final class RefSemaphore implements BoundedSemaphore {
    private final RefCondition cond;
    private final boolean bounded;
    private final long initialValue;
    private long value; // guarded by cond

    /** Whether this is a BoundedSemaphore (for {@link RefBuiltins}). */
    boolean bounded() {
        return bounded;
    }

    RefSemaphore(RefContext ctx, long value, boolean bounded) {
        if (value < 0) {
            throw new ValueError("semaphore initial value must be >= 0");
        }
        this.cond = new RefCondition(ctx, new PrimitiveLock(ctx));
        this.value = value;
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

    @Override
    public boolean acquire(boolean blocking, Double timeout) {
        if (!blocking && timeout != null) {
            throw new ValueError("can't specify timeout for non-blocking acquire");
        }
        boolean rc = false;
        Double endtime = null;
        try (Held held = cond.enter()) {
            while (true) {
                if (value != 0) {
                    value--;
                    rc = true;
                    break;
                }
                if (!blocking) {
                    break;
                }
                if (timeout != null) {
                    if (endtime == null) {
                        endtime = Timeouts.monotonic() + timeout;
                    } else {
                        timeout = endtime - Timeouts.monotonic();
                        if (timeout <= 0) {
                            break;
                        }
                    }
                }
                cond.await(timeout);
            }
        }
        return rc;
    }

    @Override
    public void release() {
        release(1);
    }

    @Override
    public void release(long n) {
        if (n < 1) {
            throw new ValueError("n must be one or more");
        }
        try (Held held = cond.enter()) {
            if (bounded && value + n > initialValue) {
                throw new ValueError("Semaphore released too many times");
            }
            value += n;
            cond.signal(n);
        }
    }

    @Override
    public Held enter() {
        acquire();
        return Held.of(this::release);
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "<threading." + (bounded ? "BoundedSemaphore" : "Semaphore") + ": value=" + value
                    + (bounded ? "/" + initialValue : "") + ">";
        }
    }
}
