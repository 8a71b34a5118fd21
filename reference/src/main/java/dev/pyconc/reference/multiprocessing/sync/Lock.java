package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import java.util.List;

/**
 * {@code multiprocessing.Lock}: {@code synchronize.Lock}, a {@link SemLock} of kind SEMAPHORE with value 1 and
 * maxvalue 1, shared by every process that has it (by name). Like {@code threading.Lock} it has no owner: any thread
 * of any process may release it. Differences from {@code threading.Lock}, as CPython's: {@code acquire}'s first
 * argument is {@code block}; a timeout of None waits without limit and a negative timeout counts as 0 (one more
 * try), so {@code acquire(true, -1)} does not wait; a timeout with {@code block} false is ignored; releasing an
 * unlocked Lock raises ValueError, not RuntimeError.
 *
 * <p>Reduces to kind {@code "mp.Lock"}: the semaphore's name, which the child opens.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Lock">multiprocessing.Lock</a>
 */
public final class Lock extends SemLockObject implements dev.pyconc.spi.threading.Lock {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.Lock";

    static {
        Rebuilders.register(KIND, state -> new Lock(SemLock.rebuild(SemLock.SEMAPHORE, 1, (String) state.get(0))));
    }

    /** {@code Lock()}: a new, unlocked lock (a new named semaphore; see {@link SemLockObject}). */
    public Lock() {
        super(SemLock.SEMAPHORE, 1, 1);
    }

    private Lock(SemLock rebuilt) {
        super(rebuilt);
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(semlock.name()), List.of());
    }

    @Override
    public String toString() {
        String owner;
        if (semlock.isMine()) {
            owner = "MainProcess|" + Thread.currentThread().getName();
        } else if (!semlock.isZero()) {
            owner = "None";
        } else if (semlock.count() > 0) {
            owner = "SomeOtherThread";
        } else {
            owner = "SomeOtherProcess";
        }
        return "<Lock(owner=" + owner + ")>";
    }
}
