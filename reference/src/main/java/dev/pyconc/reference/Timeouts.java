package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.ValueError;

/**
 * Timeout conversions with CPython's checks ({@code _PyTime_FromSecondsObject}, {@code lock_acquire_parse_args})
 * and the monotonic clock the Python-level layers use.
 */
final class Timeouts {
    /** {@code threading.TIMEOUT_MAX} on CPython/Linux (64-bit), in seconds. */
    static final double TIMEOUT_MAX = 9223372036.0;
    /** CPython's {@code PY_TIMEOUT_MAX} in microseconds. */
    private static final long TIMEOUT_MAX_MICROS = Long.MAX_VALUE / 1000;
    /** The "no timeout" value of a lock acquire, -1 s, in nanoseconds. */
    static final long UNSET_NANOS = -1_000_000_000L;
    /** Waits longer than this are treated as unlimited (avoids deadline overflow; ~146 years). */
    static final long FOREVER_NANOS = Long.MAX_VALUE / 2;

    private static final long EPOCH = System.nanoTime();

    private Timeouts() {}

    /** Python's {@code time.monotonic()} equivalent used by the Python-level layers, in seconds. */
    static double monotonic() {
        return (System.nanoTime() - EPOCH) / 1e9;
    }

    /**
     * Seconds to nanoseconds, rounding up, as CPython converts a timeout object to its internal time.
     *
     * @throws ValueError for NaN
     * @throws OverflowError when the value does not fit in 64-bit nanoseconds
     */
    static long toNanos(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new ValueError("Invalid value NaN (not a number)");
        }
        double ns = Math.ceil(seconds * 1e9);
        if (!(ns >= -9.223372036854775808e18 && ns < 9.223372036854775808e18)) {
            throw new OverflowError("timestamp out of range for platform time_t");
        }
        return (long) ns;
    }

    /**
     * Validates the arguments of {@code Lock.acquire}/{@code RLock.acquire} like CPython and returns the wait
     * in nanoseconds: 0 for a non-blocking call, {@code -1} for no limit.
     */
    static long lockTimeout(boolean blocking, double timeout) {
        long ns = toNanos(timeout);
        if (!blocking && ns != UNSET_NANOS) {
            throw new ValueError("can't specify a timeout for a non-blocking call");
        }
        if (ns < 0 && ns != UNSET_NANOS) {
            throw new ValueError("timeout value must be a non-negative number");
        }
        if (!blocking) {
            return 0;
        }
        if (ns == UNSET_NANOS) {
            return -1;
        }
        long micros = ns / 1000 + (ns % 1000 == 0 ? 0 : 1);
        if (micros > TIMEOUT_MAX_MICROS) {
            throw new OverflowError("timeout value is too large");
        }
        return ns;
    }
}
