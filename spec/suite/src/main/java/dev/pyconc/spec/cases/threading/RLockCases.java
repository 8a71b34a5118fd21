package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.RLock}. */
@PyCase
class RLockCases {

    /**
     * Whether another thread could take {@code lock} right now: a helper tries a non-blocking acquire and
     * gives the lock back if it got it. Works on every Python version (unlike RLock.locked()).
     */
    static boolean freeForOthers(Harness h, LockLike lock) {
        return freeForOthers(h, () -> lock.acquire(false), lock::release);
    }

    /** Whether another thread can take the Condition's lock at once (it gives it back if so). */
    static boolean freeForOthers(Harness h, dev.pyconc.spi.threading.Condition c) {
        return freeForOthers(h, () -> c.acquire(false), c::release);
    }

    private static boolean freeForOthers(Harness h, java.util.function.BooleanSupplier tryAcquire, Runnable release) {
        AtomicBoolean got = new AtomicBoolean();
        h.join(h.start("prober", () -> {
            if (tryAcquire.getAsBoolean()) {
                got.set(true);
                release.run();
            }
        }));
        return got.get();
    }

    /** The owner's further acquires, in every call form, return True without blocking. */
    @Test
    @Checks("threading.RLock.acquire/owner-reacquires-without-blocking")
    void ownerReacquires(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        double took = h.time(() -> {
            assertTrue(lock.acquire());
            assertTrue(lock.acquire());
            assertTrue(lock.acquire(false));
            assertTrue(lock.acquire(true, Timing.LONG));
            assertTrue(lock.acquire(true, -1.0));
        });
        h.assertPrompt(took);
        for (int i = 0; i < 5; i++) {
            lock.release();
        }
        assertTrue(freeForOthers(h, lock), "five releases should undo five acquires");
    }

    /** A non-owner's blocking acquire waits until the owner's last release, then returns True. */
    @Test
    @Checks("threading.RLock.acquire/other-thread-blocks-until-released")
    void otherThreadBlocksUntilFullyReleased(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        lock.acquire();
        lock.acquire();
        int held = 2;
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean result = new AtomicBoolean();
        Thread t = h.start("acquirer", () -> {
            entering.set(true);
            result.set(lock.acquire());
            returned.set(true);
            lock.release();
        });
        try {
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertFalse(returned.get(), "acquire returned while another thread owned the RLock");
            lock.release();
            held--;
            h.awaitBlocked(t);
            assertFalse(returned.get(), "acquire returned while the owner still had one level");
            lock.release();
            held--;
            h.join(t);
        } finally {
            for (; held > 0; held--) {
                LockCases.quietly(lock::release);
            }
        }
        assertTrue(result.get());
    }

    /** A non-blocking acquire by a non-owner returns False while another thread owns the RLock. */
    @Test
    @Checks("threading.RLock.acquire/nonblocking-other-owner-returns-false")
    void nonblockingByNonOwnerFails(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        lock.acquire();
        try {
            AtomicBoolean result = new AtomicBoolean(true);
            h.join(h.start("other", () -> result.set(lock.acquire(false))));
            assertFalse(result.get());
        } finally {
            lock.release();
        }
    }

    /** A non-owner's timed acquire returns False, no earlier than its timeout. */
    @Test
    @Checks("threading.RLock.acquire/timeout-expires-returns-false")
    void timedAcquireByNonOwnerTimesOut(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        lock.acquire();
        try {
            h.join(h.start("other", () -> {
                long t0 = h.now();
                assertFalse(lock.acquire(true, Timing.SHORT));
                h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            }));
        } finally {
            lock.release();
        }
    }

    /** blocking=False with a timeout other than -1 raises ValueError, for the owner too. */
    @Test
    @Checks("threading.RLock.acquire/nonblocking-with-timeout-raises-valueerror")
    void nonblockingWithTimeoutRaises(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        assertThrows(ValueError.class, () -> lock.acquire(false, 1.0));
        assertThrows(ValueError.class, () -> lock.acquire(false, 0.0));
        assertTrue(freeForOthers(h, lock), "a rejected call must not take the RLock");
        assertTrue(lock.acquire(false, -1.0));
        assertThrows(ValueError.class, () -> lock.acquire(false, 1.0));
        lock.release();
        assertTrue(freeForOthers(h, lock), "the rejected call must not have added a level");
    }

    /** A negative timeout other than -1 raises ValueError. */
    @Test
    @Checks("threading.RLock.acquire/negative-timeout-raises-valueerror")
    void negativeTimeoutRaises(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        assertThrows(ValueError.class, () -> lock.acquire(true, -2.0));
        assertThrows(ValueError.class, () -> lock.acquire(true, -0.5));
        assertTrue(freeForOthers(h, lock));
    }

    /** A timeout beyond TIMEOUT_MAX raises OverflowError; TIMEOUT_MAX itself works. */
    @Test
    @Checks("threading.RLock.acquire/timeout-above-max-raises-overflowerror")
    void timeoutAboveMaxRaises(ThreadingModule threading, Harness h) {
        double max = threading.timeoutMax();
        RLock lock = threading.rlock();
        assertThrows(OverflowError.class, () -> lock.acquire(true, max + 1.0));
        assertThrows(OverflowError.class, () -> lock.acquire(true, Double.POSITIVE_INFINITY));
        assertTrue(freeForOthers(h, lock), "a rejected call must not take the RLock");
        assertTrue(lock.acquire(true, max));
        assertThrows(OverflowError.class, () -> lock.acquire(true, max * 2));
        lock.release();
        assertTrue(freeForOthers(h, lock), "one release should undo the one successful acquire");
    }

    /** Only the release matching the first acquire frees the RLock for other threads. */
    @Test
    @Checks("threading.RLock.release/nested-only-outermost-unlocks")
    void onlyOutermostReleaseUnlocks(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        for (int i = 0; i < 3; i++) {
            assertTrue(lock.acquire());
        }
        lock.release();
        assertFalse(freeForOthers(h, lock), "still two levels held");
        lock.release();
        assertFalse(freeForOthers(h, lock), "still one level held");
        lock.release();
        assertTrue(freeForOthers(h, lock), "all levels released");
    }

    /** A non-owner's release raises RuntimeError and leaves the owner's levels untouched. */
    @Test
    @Checks("threading.RLock.release/non-owner-raises-runtimeerror")
    void releaseByNonOwnerRaises(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        lock.acquire();
        lock.acquire();
        h.join(h.start("other", () -> assertThrows(RuntimeError.class, lock::release)));
        lock.release();
        assertFalse(freeForOthers(h, lock), "the owner should still hold one level");
        lock.release();
        assertTrue(freeForOthers(h, lock));
    }

    /** Releasing an RLock nobody acquired raises RuntimeError. */
    @Test
    @Checks("threading.RLock.release/unlocked-raises-runtimeerror")
    void releaseUnacquiredRaises(ThreadingModule threading) {
        RLock lock = threading.rlock();
        assertThrows(RuntimeError.class, lock::release);
        lock.acquire();
        lock.release();
        assertThrows(RuntimeError.class, lock::release);
    }

    /** locked() is True while any level is held (also seen from other threads) and False after the last release. */
    @Test
    @Checks("threading.RLock.locked/reflects-state")
    void lockedReflectsState(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        assertFalse(lock.locked());
        lock.acquire();
        lock.acquire();
        assertTrue(lock.locked());
        h.join(h.start("observer", () -> assertTrue(lock.locked())));
        lock.release();
        assertTrue(lock.locked(), "one level is still held");
        lock.release();
        assertFalse(lock.locked());
        h.join(h.start("observer", () -> assertFalse(lock.locked())));
    }

    /** Threads nesting an RLock to random depths never overlap, and all complete. */
    @Test
    @Checks("threading.RLock/mutual-exclusion-with-nesting")
    void mutualExclusionWithNesting(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        int n = 2 + rnd.nextInt(4);
        int rounds = 5 + rnd.nextInt(11);
        int[][] depth = new int[n][rounds];
        for (int[] row : depth) {
            for (int r = 0; r < rounds; r++) {
                row[r] = 1 + rnd.nextInt(3);
            }
        }
        RLock lock = threading.rlock();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        AtomicInteger passes = new AtomicInteger();
        h.bunch("worker", n, i -> {
            for (int r = 0; r < rounds; r++) {
                int d = depth[i][r];
                assertTrue(lock.acquire());
                maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                for (int k = 1; k < d; k++) {
                    assertTrue(lock.acquire(false), "owner re-acquire");
                }
                Thread.yield();
                passes.incrementAndGet();
                holders.decrementAndGet();
                for (int k = 0; k < d; k++) {
                    lock.release();
                }
            }
        }).join();
        assertEquals(1, maxHolders.get(), "threads inside the RLock at the same time");
        assertEquals(n * rounds, passes.get());
        assertTrue(freeForOthers(h, lock));
    }
}
