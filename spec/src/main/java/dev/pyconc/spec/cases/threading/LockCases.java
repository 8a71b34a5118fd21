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
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.Lock}. */
@PyCase
class LockCases {

    /** A non-blocking acquire of a held Lock returns False at once, even from the holder. */
    @Test
    @Checks("threading.Lock.acquire/nonblocking-held-returns-false")
    void nonblockingAcquireOfHeldLockReturnsFalse(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        h.join(h.start("other", () -> assertFalse(lock.acquire(false))));
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
        Lock lock = threading.lock();
        assertThrows(RuntimeError.class, lock::release);
        lock.acquire();
        lock.release();
        assertThrows(RuntimeError.class, lock::release);
    }

    /** A new Lock is unlocked. */
    @Test
    @Checks("threading.Lock/created-unlocked")
    void newLockIsUnlocked(ThreadingModule threading) {
        Lock lock = threading.lock();
        assertFalse(lock.locked());
        assertTrue(lock.acquire(false), "a new Lock should be free to take");
        lock.release();
    }

    /** Acquiring a free Lock in each call form returns True promptly and locks it. */
    @Test
    @Checks("threading.Lock.acquire/unlocked-acquires-returns-true")
    void acquireOfFreeLockSucceeds(ThreadingModule threading, Harness h) {
        Lock a = threading.lock();
        Lock b = threading.lock();
        Lock c = threading.lock();
        double took = h.time(() -> {
            assertTrue(a.acquire());
            assertTrue(b.acquire(false));
            assertTrue(c.acquire(true, Timing.LONG));
        });
        h.assertPrompt(took);
        for (Lock l : new Lock[] {a, b, c}) {
            assertTrue(l.locked());
            l.release();
        }
    }

    /** locked() follows acquire and release, and other threads see the same state. */
    @Test
    @Checks("threading.Lock.locked/reflects-state")
    void lockedReflectsState(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        assertFalse(lock.locked());
        lock.acquire();
        assertTrue(lock.locked());
        h.join(h.start("observer", () -> assertTrue(lock.locked())));
        lock.release();
        assertFalse(lock.locked());
        h.join(h.start("observer", () -> assertFalse(lock.locked())));
    }

    /** A blocking acquire of a held Lock does not return until the holder releases, then returns True. */
    @Test
    @Checks("threading.Lock.acquire/blocks-until-released")
    void blockingAcquireWaitsForRelease(ThreadingModule threading, Harness h) {
        blockedAcquirerProceedsAfterRelease(threading, h, Lock::acquire);
    }

    /** A timed acquire returns True when the Lock is released by another thread within the timeout. */
    @Test
    @Checks("threading.Lock.acquire/timeout-acquires-when-released")
    void timedAcquireSucceedsWhenReleased(ThreadingModule threading, Harness h) {
        blockedAcquirerProceedsAfterRelease(threading, h, l -> l.acquire(true, Timing.LONG));
    }

    /** acquire(True, -1) waits without limit and returns True after the release. */
    @Test
    @Checks("threading.Lock.acquire/timeout-minus-one-waits-unbounded")
    void minusOneTimeoutWaitsForRelease(ThreadingModule threading, Harness h) {
        blockedAcquirerProceedsAfterRelease(threading, h, l -> l.acquire(true, -1.0));
    }

    private interface Acquire {
        boolean on(Lock lock);
    }

    private static void blockedAcquirerProceedsAfterRelease(ThreadingModule threading, Harness h, Acquire how) {
        Lock lock = threading.lock();
        lock.acquire();
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean result = new AtomicBoolean();
        boolean released = false;
        Thread t = h.start("acquirer", () -> {
            entering.set(true);
            result.set(how.on(lock));
            returned.set(true);
        });
        try {
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertFalse(returned.get(), "acquire returned while the Lock was held by another thread");
            lock.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                quietly(lock::release);
            }
        }
        assertTrue(result.get(), "acquire should return True once the Lock is released");
        assertTrue(lock.locked(), "the acquirer should now hold the Lock");
        lock.release();
    }

    /** The holder's own timed re-acquire blocks until its timeout: a Lock is not reentrant. */
    @Test
    @Checks("threading.Lock.acquire/not-reentrant")
    void holderReacquireBlocks(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        assertTrue(lock.acquire());
        long t0 = h.now();
        assertFalse(lock.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked(), "one release undoes the single successful acquire");
    }

    /** blocking=False with any timeout but -1 (0 included) raises ValueError; -1 is accepted. */
    @Test
    @Checks("threading.Lock.acquire/nonblocking-with-timeout-raises-valueerror")
    void nonblockingWithTimeoutRaises(ThreadingModule threading) {
        Lock lock = threading.lock();
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
    @Checks("threading.Lock.acquire/negative-timeout-raises-valueerror")
    void negativeTimeoutRaises(ThreadingModule threading) {
        Lock lock = threading.lock();
        assertThrows(ValueError.class, () -> lock.acquire(true, -2.0));
        assertThrows(ValueError.class, () -> lock.acquire(true, -0.5));
        assertFalse(lock.locked());
        lock.acquire();
        assertThrows(ValueError.class, () -> lock.acquire(true, -2.0));
        lock.release();
    }

    /** A NaN timeout raises ValueError. */
    @Test
    @Checks("threading.Lock.acquire/nan-timeout-raises-valueerror")
    void nanTimeoutRaises(ThreadingModule threading) {
        Lock lock = threading.lock();
        assertThrows(ValueError.class, () -> lock.acquire(true, Double.NaN));
        assertFalse(lock.locked());
    }

    /** Timeouts above TIMEOUT_MAX (and infinity) raise OverflowError on a free and on a held Lock. */
    @Test
    @Checks("threading.Lock.acquire/timeout-above-max-raises-overflowerror")
    void timeoutAboveMaxRaises(ThreadingModule threading) {
        double max = threading.timeoutMax();
        Lock lock = threading.lock();
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
    @Checks("threading.Lock.acquire/timeout-max-accepted")
    void timeoutMaxAccepted(ThreadingModule threading) {
        Lock lock = threading.lock();
        assertTrue(lock.acquire(true, threading.timeoutMax()));
        assertTrue(lock.locked());
        lock.release();
    }

    /** Each release lets exactly one of several blocked acquirers through. */
    @Test
    @Checks("threading.Lock.release/lets-exactly-one-waiter-proceed")
    void releaseLetsOneWaiterThrough(ThreadingModule threading, Harness h) {
        int n = 3;
        Lock lock = threading.lock();
        lock.acquire();
        AtomicInteger entering = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        Harness.Bunch bunch = h.bunch("acquirer", n, i -> {
            entering.incrementAndGet();
            assertTrue(lock.acquire());
            inside.incrementAndGet(); // keeps the Lock; the main thread releases it
        });
        try {
            h.poll("all acquirers started", () -> entering.get() == n);
            for (Thread t : bunch.threads()) {
                h.awaitBlocked(t);
            }
            assertEquals(0, inside.get(), "an acquirer got a held Lock");
            for (int k = 1; k <= n; k++) {
                lock.release();
                int want = k;
                h.poll(k + " acquirer(s) through", () -> inside.get() >= want);
                // The winner keeps the Lock, so this must time out, and nobody else may get in meanwhile.
                assertFalse(lock.acquire(true, Timing.SHORT), "Lock should be held by the acquirer let through");
                assertEquals(k, inside.get(), "one release let more than one acquirer through");
            }
            bunch.join();
            lock.release();
        } finally {
            drain(h, lock, bunch, n);
        }
    }

    /** Releases the Lock until every member of the bunch has finished (cleanup on the failure path). */
    private static void drain(Harness h, Lock lock, Harness.Bunch bunch, int n) {
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        while (bunch.finishedCount() < n && System.nanoTime() - deadline < 0) {
            if (lock.locked()) {
                quietly(lock::release);
            }
            Thread.onSpinWait();
        }
    }

    /** Under random contention, no two threads are ever between acquire and release at the same time. */
    @Test
    @Checks("threading.Lock/mutual-exclusion")
    void mutualExclusion(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        int n = 2 + rnd.nextInt(4);
        int rounds = 10 + rnd.nextInt(21);
        h.note("threads", Integer.toString(n));
        h.note("rounds", Integer.toString(rounds));
        Lock lock = threading.lock();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        AtomicInteger passes = new AtomicInteger();
        h.bunch("worker", n, i -> {
            for (int r = 0; r < rounds; r++) {
                assertTrue(lock.acquire());
                try {
                    maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                    Thread.yield();
                    passes.incrementAndGet();
                    holders.decrementAndGet();
                } finally {
                    lock.release();
                }
            }
        }).join();
        assertEquals(1, maxHolders.get(), "threads inside the Lock at the same time");
        assertEquals(n * rounds, passes.get());
        assertFalse(lock.locked());
    }

    /** When several threads try a non-blocking acquire of a free Lock at once, exactly one succeeds. */
    @Test
    @Checks("threading.Lock/atomic-nonblocking-acquire")
    void concurrentNonblockingAcquireHasOneWinner(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        int rounds = 5 + rnd.nextInt(6);
        for (int r = 0; r < rounds; r++) {
            int n = 2 + rnd.nextInt(5);
            Lock lock = threading.lock();
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger winners = new AtomicInteger();
            Harness.Bunch racers = h.bunch("racer", n, i -> {
                assertTrue(go.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS), "start signal");
                if (lock.acquire(false)) {
                    winners.incrementAndGet();
                }
            }).awaitStarted();
            go.countDown();
            racers.join();
            assertEquals(1, winners.get(), "round " + r + " with " + n + " racers");
            assertTrue(lock.locked());
            lock.release();
        }
    }

    static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // cleanup only
        }
    }
}
