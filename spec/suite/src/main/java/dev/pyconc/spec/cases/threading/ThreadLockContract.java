package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Lock;
import org.junit.jupiter.api.Test;

/**
 * The part of the lock contract that {@code threading.Lock} and {@code _thread}'s lock objects promise and
 * {@code multiprocessing.Lock} does not: RuntimeError for an unlocked release, -1 as the unbounded timeout,
 * ValueError for a timeout with blocking=False or a negative one, and the {@code TIMEOUT_MAX} bound. The
 * bindings of {@code threading} and {@code _thread} extend this class; {@code multiprocessing.Lock} extends
 * {@link LockContract} directly and checks its own rules with literal ids.
 */
@PyCase
public abstract class ThreadLockContract extends LockContract {

    /** The binding's {@code TIMEOUT_MAX}, in seconds. */
    protected abstract double timeoutMax(Adapter adapter);

    /** Releasing an unlocked Lock raises RuntimeError. */
    @Test
    @Checks("{lock}.release/unlocked-raises-runtimeerror")
    public void releaseUnlockedRaises(Adapter adapter) {
        Lock lock = newLock(adapter);
        assertThrows(RuntimeError.class, lock::release);
        lock.acquire();
        lock.release();
        assertThrows(RuntimeError.class, lock::release);
    }

    /** acquire(True, -1) waits without limit and returns True after the release. */
    @Test
    @Checks("{lock}.acquire/timeout-minus-one-waits-unbounded")
    public void minusOneTimeoutWaitsForRelease(Adapter adapter, Harness h) {
        blockedAcquirerProceedsAfterRelease(adapter, h, l -> l.acquire(true, -1.0));
    }

    /** blocking=False with any timeout but -1 (0 included) raises ValueError; -1 is accepted. */
    @Test
    @Checks("{lock}.acquire/nonblocking-with-timeout-raises-valueerror")
    public void nonblockingWithTimeoutRaises(Adapter adapter) {
        Lock lock = newLock(adapter);
        assertThrows(ValueError.class, () -> lock.acquire(false, 1.0));
        assertThrows(ValueError.class, () -> lock.acquire(false, 0.0));
        assertFalse(lock.locked(), "a rejected call must not take the Lock");
        lock.acquire();
        assertThrows(ValueError.class, () -> lock.acquire(false, Timing.SHORT));
        lock.release();
        assertTrue(lock.acquire(false, -1.0));
        lock.release();
    }

    /** A negative timeout other than -1 raises ValueError, on a free and on a held Lock. */
    @Test
    @Checks("{lock}.acquire/negative-timeout-raises-valueerror")
    public void negativeTimeoutRaises(Adapter adapter) {
        Lock lock = newLock(adapter);
        assertThrows(ValueError.class, () -> lock.acquire(true, -2.0));
        assertThrows(ValueError.class, () -> lock.acquire(true, -0.5));
        assertFalse(lock.locked());
        lock.acquire();
        assertThrows(ValueError.class, () -> lock.acquire(true, -2.0));
        lock.release();
    }

    /** Timeouts above TIMEOUT_MAX (and infinity) raise OverflowError on a free and on a held Lock. */
    @Test
    @Checks("{lock}.acquire/timeout-above-max-raises-overflowerror")
    public void timeoutAboveMaxRaises(Adapter adapter) {
        double max = timeoutMax(adapter);
        Lock lock = newLock(adapter);
        assertThrows(OverflowError.class, () -> lock.acquire(true, max + 1.0));
        assertThrows(OverflowError.class, () -> lock.acquire(true, max * 2));
        assertThrows(OverflowError.class, () -> lock.acquire(true, Double.POSITIVE_INFINITY));
        assertFalse(lock.locked(), "a rejected call must not take the Lock");
        lock.acquire();
        assertThrows(OverflowError.class, () -> lock.acquire(true, max * 2));
        lock.release();
    }

    /** TIMEOUT_MAX itself is a valid timeout. */
    @Test
    @Checks("{lock}.acquire/timeout-max-accepted")
    public void timeoutMaxAccepted(Adapter adapter) {
        Lock lock = newLock(adapter);
        assertTrue(lock.acquire(true, timeoutMax(adapter)));
        assertTrue(lock.locked());
        lock.release();
    }
}
