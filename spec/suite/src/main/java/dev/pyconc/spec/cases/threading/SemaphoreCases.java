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
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.Semaphore}. */
@PyCase
class SemaphoreCases {

    /** Takes units with non-blocking acquires until one fails; returns how many succeeded (at most {@code max}). */
    static int drainUnits(Semaphore s, int max) {
        int n = 0;
        while (n <= max && s.acquire(false)) {
            n++;
        }
        return n;
    }

    /** Releases {@code s} until every member of {@code bunch} has finished (failure-path cleanup). */
    static void releaseUntilDone(Semaphore s, Harness.Bunch bunch, int members) {
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        while (bunch.finishedCount() < members && System.nanoTime() - deadline < 0) {
            LockCases.quietly(s::release);
            Thread.onSpinWait();
        }
    }

    /** Semaphore() has one unit. */
    @Test
    @Checks("threading.Semaphore/default-value-one")
    void defaultValueIsOne(ThreadingModule threading) {
        assertEquals(1, drainUnits(threading.semaphore(), 5));
    }

    /** A negative initial value raises ValueError; zero is valid and gives no units. */
    @Test
    @Checks("threading.Semaphore/negative-value-raises-valueerror")
    void negativeValueRaises(ThreadingModule threading) {
        assertThrows(ValueError.class, () -> threading.semaphore(-1));
        assertThrows(ValueError.class, () -> threading.semaphore(-100));
        assertEquals(0, drainUnits(threading.semaphore(0), 5));
    }

    /** Semaphore(3) gives three prompt acquires; the next non-blocking one fails and takes nothing. */
    @Test
    @Checks({"threading.Semaphore.acquire/decrements-counter",
            "threading.Semaphore.acquire/nonblocking-at-zero-returns-false"})
    void countsDown(ThreadingModule threading, Harness h) {
        Semaphore s = threading.semaphore(3);
        double took = h.time(() -> {
            assertTrue(s.acquire());
            assertTrue(s.acquire(false));
            assertTrue(s.acquire(true, Timing.LONG));
        });
        h.assertPrompt(took);
        assertFalse(s.acquire(false));
        assertFalse(s.acquire(false, null));
        s.release();
        assertEquals(1, drainUnits(s, 5), "the failed acquires must not have used up the released unit");
    }

    /** A blocking acquire at zero waits for a release by another thread, then takes the unit. */
    @Test
    @Checks("threading.Semaphore.acquire/blocks-at-zero-until-release")
    void blocksUntilRelease(ThreadingModule threading, Harness h) {
        waiterPassesAfterRelease(threading, h, Semaphore::acquire);
    }

    /** A timed acquire at zero returns True when another thread releases within the timeout. */
    @Test
    @Checks("threading.Semaphore.acquire/timeout-acquires-when-released")
    void timedAcquireSucceedsOnRelease(ThreadingModule threading, Harness h) {
        waiterPassesAfterRelease(threading, h, s -> s.acquire(true, Timing.LONG));
    }

    private interface Acquire {
        boolean on(Semaphore s);
    }

    private static void waiterPassesAfterRelease(ThreadingModule threading, Harness h, Acquire how) {
        Semaphore s = threading.semaphore(0);
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean result = new AtomicBoolean();
        boolean released = false;
        Thread t = h.start("acquirer", () -> {
            entering.set(true);
            result.set(how.on(s));
            returned.set(true);
        });
        try {
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertFalse(returned.get(), "acquire returned at zero without a release");
            s.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                s.release();
            }
        }
        assertTrue(result.get());
        assertEquals(0, drainUnits(s, 5), "the waiter should have taken the released unit");
    }

    /** A timed acquire at zero returns False after its timeout; a zero timeout returns False at once. */
    @Test
    @Checks("threading.Semaphore.acquire/timeout-expires-returns-false")
    void timedAcquireTimesOut(ThreadingModule threading, Harness h) {
        Semaphore s = threading.semaphore(0);
        long t0 = h.now();
        assertFalse(s.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        h.assertPrompt(h.time(() -> assertFalse(s.acquire(true, 0.0))));
    }

    /** blocking=False with a timeout raises ValueError; with None it is accepted. */
    @Test
    @Checks("threading.Semaphore.acquire/nonblocking-with-timeout-raises-valueerror")
    void nonblockingWithTimeoutRaises(ThreadingModule threading) {
        Semaphore s = threading.semaphore(1);
        assertThrows(ValueError.class, () -> s.acquire(false, 1.0));
        assertThrows(ValueError.class, () -> s.acquire(false, 0.0));
        assertTrue(s.acquire(false, null), "the rejected calls must not have taken the unit");
        assertThrows(ValueError.class, () -> s.acquire(false, 1.0));
    }

    /** Having to wait with a timeout far above TIMEOUT_MAX raises OverflowError. */
    @Test
    @Checks("threading.Semaphore.acquire/timeout-above-max-raises-overflowerror")
    void timeoutAboveMaxRaises(ThreadingModule threading) {
        Semaphore s = threading.semaphore(0);
        assertThrows(OverflowError.class, () -> s.acquire(true, threading.timeoutMax() * 2));
        assertThrows(OverflowError.class, () -> s.acquire(true, Double.POSITIVE_INFINITY));
        s.release();
        assertEquals(1, drainUnits(s, 5));
    }

    /** With three threads blocked at zero, each release lets exactly one through. */
    @Test
    @Checks("threading.Semaphore.release/increments-and-wakes-one")
    void eachReleaseWakesOne(ThreadingModule threading, Harness h) {
        Semaphore s = threading.semaphore(0);
        s.release();
        assertEquals(1, drainUnits(s, 5), "release() on zero should add exactly one unit");
        int w = 3;
        AtomicInteger entering = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        Harness.Bunch bunch = h.bunch("acquirer", w, i -> {
            entering.incrementAndGet();
            assertTrue(s.acquire());
            passed.incrementAndGet();
        });
        try {
            h.poll("all acquirers started", () -> entering.get() == w);
            for (Thread t : bunch.threads()) {
                h.awaitBlocked(t);
            }
            assertEquals(0, passed.get());
            for (int k = 1; k <= w; k++) {
                s.release();
                int want = k;
                h.poll(k + " acquirer(s) through", () -> passed.get() >= want);
                assertFalse(s.acquire(true, Timing.SHORT), "the one released unit should be taken already");
                assertEquals(k, passed.get(), "one release let more than one acquirer through");
            }
            bunch.join();
        } finally {
            releaseUntilDone(s, bunch, w);
        }
    }

    /** release(3) adds three units. */
    @Test
    @Checks("threading.Semaphore.release/n-increments-by-n")
    void releaseNAddsN(ThreadingModule threading) {
        Semaphore s = threading.semaphore(0);
        s.release(3);
        assertEquals(3, drainUnits(s, 10));
        Semaphore t = threading.semaphore(2);
        t.release(1);
        assertEquals(3, drainUnits(t, 10));
    }

    /** For random w blocked threads and n, release(n) lets min(n, w) through and leaves the surplus as units. */
    @Test
    @Checks("threading.Semaphore.release/n-wakes-n-waiters")
    void releaseNWakesN(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        int w = 1 + rnd.nextInt(5);
        int n = 1 + rnd.nextInt(w + 2);
        h.note("waiters", Integer.toString(w));
        h.note("n", Integer.toString(n));
        Semaphore s = threading.semaphore(0);
        AtomicInteger entering = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        Harness.Bunch bunch = h.bunch("acquirer", w, i -> {
            entering.incrementAndGet();
            assertTrue(s.acquire());
            passed.incrementAndGet();
        });
        try {
            h.poll("all acquirers started", () -> entering.get() == w);
            for (Thread t : bunch.threads()) {
                h.awaitBlocked(t);
            }
            s.release(n);
            int through = Math.min(n, w);
            h.poll(through + " acquirer(s) through", () -> passed.get() >= through);
            if (n > w) {
                bunch.join();
                assertEquals(n - w, drainUnits(s, n), "surplus units after every waiter passed");
            } else {
                assertFalse(s.acquire(true, Timing.SHORT), "no unit should be left over");
                assertEquals(n, passed.get(), "release(" + n + ") let too many through");
                if (w > n) {
                    s.release(w - n);
                }
                bunch.join();
            }
            assertEquals(w, passed.get());
        } finally {
            releaseUntilDone(s, bunch, w);
        }
    }

    /** release(0) and release(-1) raise ValueError and change nothing. */
    @Test
    @Checks("threading.Semaphore.release/n-below-one-raises-valueerror")
    void releaseBelowOneRaises(ThreadingModule threading) {
        Semaphore s = threading.semaphore(1);
        assertThrows(ValueError.class, () -> s.release(0));
        assertThrows(ValueError.class, () -> s.release(-1));
        assertEquals(1, drainUnits(s, 5));
    }

    /** With a Semaphore(k) around a section, random numbers of threads never exceed k inside at once. */
    @Test
    @Checks("threading.Semaphore/at-most-value-holders")
    void atMostKHolders(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        int k = 1 + rnd.nextInt(3);
        int n = k + 1 + rnd.nextInt(4);
        int rounds = 5 + rnd.nextInt(11);
        h.note("k", Integer.toString(k));
        h.note("threads", Integer.toString(n));
        Semaphore s = threading.semaphore(k);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        AtomicInteger passes = new AtomicInteger();
        h.bunch("worker", n, i -> {
            for (int r = 0; r < rounds; r++) {
                assertTrue(s.acquire());
                try {
                    maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                    Thread.yield();
                    passes.incrementAndGet();
                    holders.decrementAndGet();
                } finally {
                    s.release();
                }
            }
        }).join();
        assertTrue(maxHolders.get() <= k, maxHolders.get() + " threads inside a Semaphore(" + k + ")");
        assertEquals(n * rounds, passes.get());
        assertEquals(k, drainUnits(s, k + 5), "all units should be back");
    }
}
