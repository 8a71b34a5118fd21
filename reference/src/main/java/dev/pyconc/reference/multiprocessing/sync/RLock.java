package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import java.util.List;

/**
 * {@code multiprocessing.RLock}: {@code synchronize.RLock}, a {@link SemLock} of kind RECURSIVE_MUTEX with value 1,
 * shared by processes by name. The owner is one thread of one process; it may acquire again, which only counts up,
 * and the semaphore is posted when its releases match its acquires. Differences from {@code threading.RLock}, as
 * CPython's: {@code acquire}'s first argument is {@code block}; a timeout of None waits without limit and a negative
 * one counts as 0; a release by a thread that does not own it (or of an unowned RLock) raises AssertionError, not
 * RuntimeError. {@link #locked()} is {@code _is_zero()}: held by any thread of any process.
 *
 * <p>Reduces to kind {@code "mp.RLock"}: the semaphore's name; the child's object starts with count 0.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.RLock">multiprocessing.RLock</a>
 */
public final class RLock extends SemLockObject implements dev.pyconc.spi.threading.RLock {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.RLock";

    static {
        Rebuilders.register(KIND, state -> new RLock(SemLock.rebuild(SemLock.RECURSIVE_MUTEX, 1, (String) state.get(0))));
    }

    /** {@code RLock()}: a new, unowned recursive lock (a new named semaphore; see {@link SemLockObject}). */
    public RLock() {
        super(SemLock.RECURSIVE_MUTEX, 1, 1);
    }

    private RLock(SemLock rebuilt) {
        super(rebuilt);
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(semlock.name()), List.of());
    }

    @Override
    public String toString() {
        if (semlock.isMine()) {
            return "<RLock(MainProcess|" + Thread.currentThread().getName() + ", " + semlock.count() + ")>";
        } else if (!semlock.isZero()) {
            return "<RLock(None, 0)>";
        }
        return semlock.count() > 0 ? "<RLock(SomeOtherThread, nonzero)>" : "<RLock(SomeOtherProcess, nonzero)>";
    }
}
