package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.spi.PyContextManager;
import java.lang.ref.Cleaner;

/**
 * {@code multiprocessing.synchronize.SemLock}, the Python layer over {@link SemLock}: the base of {@link Lock},
 * {@link RLock}, {@link Semaphore} and {@link BoundedSemaphore}.
 *
 * <p>An object made by a constructor creates a fresh named semaphore ({@code /mp-XXXXXXXX}, up to 100 names tried)
 * and registers the name with this JVM's tracker ({@link SemNames}): the name is unlinked by {@link #close()}, when
 * the object becomes unreachable, or when the JVM exits, whichever comes first, as CPython's {@code util.Finalize}
 * with the resource tracker does. An object {@linkplain dev.pyconc.reference.multiprocessing.Rebuilders rebuilt} in a
 * child from its {@link #reduce()} only opens the name ({@code SemLock._rebuild}), and its {@link #close()} only
 * closes its handle. A child must therefore be given the object while its creator still holds it, as in CPython.
 *
 * <p>Not thread-confined; all methods may be called from any thread and any process that has the object.
 */
public abstract class SemLockObject implements Reducible, PyContextManager, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    final SemLock semlock;
    private final Cleaner.Cleanable unlinker;

    /** Creates a new semaphore, as {@code SemLock.__init__(kind, value, maxvalue)}. */
    SemLockObject(int kind, int value, int maxvalue) {
        this.semlock = SemLock.create(kind, value, maxvalue, null);
        String name = semlock.name();
        SemNames.register(name);
        this.unlinker = CLEANER.register(this, () -> SemNames.cleanup(name));
    }

    /** Wraps a semaphore opened by name in a child ({@code __setstate__}); nothing to unlink here. */
    SemLockObject(SemLock rebuilt) {
        this.semlock = rebuilt;
        this.unlinker = null;
    }

    /** The semaphore's name ({@code _semlock.name}), by which a child opens the same semaphore. */
    public String name() {
        return semlock.name();
    }

    /**
     * {@code locked()} (3.14: {@code _semlock._is_zero()}): whether the value is 0, so that a non-blocking acquire
     * would fail. For a Lock or RLock: whether any thread of any process holds it.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError once closed
     */
    public boolean locked() {
        return semlock.isZero();
    }

    /**
     * {@code acquire()}: blocks until the value is positive and takes one unit (an RLock the calling thread owns
     * is taken again at once); returns true.
     */
    public boolean acquire() {
        return semlock.acquire(true, null);
    }

    /** {@code acquire(block)}: with false, returns false at once where it would wait. */
    public boolean acquire(boolean block) {
        return semlock.acquire(block, null);
    }

    /**
     * {@code acquire(block, timeout)}.
     *
     * @param timeout seconds, null (None) without limit; negative counts as 0 (one more try, as CPython's SemLock);
     *     ignored when {@code block} is false
     * @return whether it was acquired
     * @throws dev.pyconc.spi.exceptions.OSError EINVAL for NaN, infinite or huge timeouts, as CPython
     */
    public boolean acquire(boolean block, Double timeout) {
        return semlock.acquire(block, timeout);
    }

    /** {@code acquire(block, timeout)} for callers whose timeout is never None (threading's Lock interface). */
    public boolean acquire(boolean block, double timeout) {
        return semlock.acquire(block, timeout);
    }

    /**
     * {@code release()}: gives a unit back, waking one waiter of any process; for an RLock, the owner's last
     * release frees it.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError "semaphore or lock released too many times" for an unlocked Lock
     *     or a semaphore at its maxvalue (a BoundedSemaphore at its initial value)
     * @throws dev.pyconc.spi.exceptions.PyAssertionError for an RLock the calling thread does not own
     */
    public void release() {
        semlock.release();
    }

    /**
     * {@code __enter__}: a blocking acquire; the result's {@code exit} is {@code __exit__}, which releases (with
     * release's exceptions) and never suppresses.
     */
    @Override
    public Held enter() {
        semlock.acquire();
        return exc -> {
            semlock.release();
            return false;
        };
    }

    /**
     * Closes this process's handle ({@code sem_close}) and, in the process that created the semaphore, unlinks its
     * name (what the finalizer of {@code synchronize.SemLock} does); later calls on this object raise ValueError,
     * processes that still have the semaphore open keep it. A second call does nothing.
     */
    @Override
    public void close() {
        semlock.close();
        if (unlinker != null) {
            unlinker.clean();
        }
    }
}
