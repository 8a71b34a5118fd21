package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.Lock}. */
@PyCase
class LockCases {

    /** A non-blocking acquire of a held Lock returns False at once, even from the holder. */
    @Test
    @Checks("threading.Lock.acquire/nonblocking-held-returns-false")
    void nonblockingAcquireOfHeldLockReturnsFalse(ThreadingModule threading) {
        Lock lock = threading.lock();
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        lock.release();
    }

    /** Any thread may release a Lock, not only the thread that acquired it. */
    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void anotherThreadMayRelease(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        assertTrue(lock.acquire());
        h.join(h.start("releaser", lock::release));
        assertFalse(lock.locked());
    }

    /** A timed acquire of a held Lock returns False, no earlier than its timeout. */
    @Test
    @Checks("threading.Lock.acquire/timeout-expires-returns-false")
    void timedAcquireOfHeldLockTimesOut(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        lock.acquire();
        long t0 = h.now();
        assertFalse(lock.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        lock.release();
    }

    /** Releasing an unlocked Lock raises RuntimeError. */
    @Test
    @Checks("threading.Lock.release/unlocked-raises-runtimeerror")
    void releaseUnlockedRaises(ThreadingModule threading) {
        assertThrows(RuntimeError.class, () -> threading.lock().release());
    }
}
