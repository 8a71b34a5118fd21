package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import java.util.List;

/**
 * {@code multiprocessing.BoundedSemaphore}: {@code synchronize.BoundedSemaphore}, a {@link SemLock} of kind
 * SEMAPHORE whose maxvalue is its initial value, so {@link #release()} at that value raises ValueError ("semaphore
 * or lock released too many times"). As in CPython the check reads the value before posting and is not atomic with
 * the post: two racing releases at value maxvalue-1 may both succeed. Otherwise as {@link Semaphore}.
 *
 * <p>Reduces to kind {@code "mp.BoundedSemaphore"}: the name and maxvalue.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.BoundedSemaphore">multiprocessing.BoundedSemaphore</a>
 */
public final class BoundedSemaphore extends Semaphore implements dev.pyconc.spi.multiprocessing.BoundedSemaphore {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.BoundedSemaphore";

    static {
        Rebuilders.register(KIND, state -> new BoundedSemaphore(SemLock.rebuild(SemLock.SEMAPHORE,
                ((Number) state.get(1)).intValue(), (String) state.get(0))));
    }

    /** {@code BoundedSemaphore()}: value 1. */
    public BoundedSemaphore() {
        this(1);
    }

    /** {@code BoundedSemaphore(value)}: value and maxvalue {@code value}. */
    public BoundedSemaphore(long value) {
        super(value, value);
    }

    private BoundedSemaphore(SemLock rebuilt) {
        super(rebuilt);
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(semlock.name(), (long) semlock.maxvalue()), List.of());
    }

    @Override
    public String toString() {
        String value;
        try {
            value = Long.toString(getValue());
        } catch (RuntimeException e) {
            value = "unknown";
        }
        return "<BoundedSemaphore(value=" + value + ", maxvalue=" + semlock.maxvalue() + ")>";
    }
}
