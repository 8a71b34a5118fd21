package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.List;

/**
 * {@code multiprocessing.Semaphore}: {@code synchronize.Semaphore}, a {@link SemLock} of kind SEMAPHORE with the
 * given value and maxvalue {@link SemLock#SEM_VALUE_MAX}, shared by processes by name. Differences from
 * {@code threading.Semaphore}, as CPython's: {@code acquire}'s first argument is {@code block}; a timeout with
 * {@code block} false is ignored rather than refused; a negative timeout counts as 0; {@code release()} takes no
 * count ({@link #release(long)} raises TypeError); it adds {@link #getValue()} and {@link #locked()}.
 *
 * <p>Reduces to kind {@code "mp.Semaphore"}: the semaphore's name.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Semaphore">multiprocessing.Semaphore</a>
 */
public class Semaphore extends SemLockObject implements dev.pyconc.spi.multiprocessing.Semaphore {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.Semaphore";

    static {
        Rebuilders.register(KIND, state -> new Semaphore(SemLock.rebuild(SemLock.SEMAPHORE, SemLock.SEM_VALUE_MAX,
                (String) state.get(0))));
    }

    /** {@code Semaphore()}: value 1. */
    public Semaphore() {
        this(1);
    }

    /**
     * {@code Semaphore(value)}.
     *
     * @param value the initial value
     * @throws dev.pyconc.spi.exceptions.OSError EINVAL for a negative value or one above {@link SemLock#SEM_VALUE_MAX},
     *     as CPython's {@code sem_open}
     */
    public Semaphore(long value) {
        super(SemLock.SEMAPHORE, checkedInt(value), SemLock.SEM_VALUE_MAX);
    }

    /** For {@link BoundedSemaphore}. */
    Semaphore(long value, long maxvalue) {
        super(SemLock.SEMAPHORE, checkedInt(value), checkedInt(maxvalue));
    }

    Semaphore(SemLock rebuilt) {
        super(rebuilt);
    }

    private static int checkedInt(long v) {
        // C's int: CPython's argument parsing raises OverflowError beyond it; sem_open refuses negatives (EINVAL).
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new dev.pyconc.spi.exceptions.OverflowError("signed integer is greater than maximum");
        }
        return (int) v;
    }

    /**
     * {@code release(n)}: CPython's multiprocessing semaphores take no count.
     *
     * @throws TypeError always, "SemLock.release() takes no arguments (1 given)", as Python for the extra argument
     */
    @Override
    public void release(long n) {
        throw new TypeError("SemLock.release() takes no arguments (1 given)");
    }

    /** {@code get_value()}: the value now ({@code sem_getvalue}). */
    @Override
    public long getValue() {
        return semlock.getValue();
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(semlock.name()), List.of());
    }

    @Override
    public String toString() {
        String value;
        try {
            value = Long.toString(getValue());
        } catch (RuntimeException e) {
            value = "unknown";
        }
        return "<Semaphore(value=" + value + ")>";
    }
}
