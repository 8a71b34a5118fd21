package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.threading.Semaphore;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of a counting semaphore, as {@code threading.Semaphore} and {@code multiprocessing.Semaphore} (its
 * close analog) both promise it: units, waiting at zero, timeouts, and at most value holders. One suite, several
 * bindings: each concrete subclass makes the semaphores ({@link #newSemaphore}) and binds the {@code {semaphore}}
 * placeholder with {@link Binding}. What differs between them stays in the bindings with literal ids:
 * {@code release(n)}, the errors for a negative value or a timeout with blocking=False, and {@code TIMEOUT_MAX}.
 * See CONTRIBUTING.md, "One suite, several bindings".
 */
@PyCase
public abstract class SemaphoreContract {

    /** {@code Semaphore()} of the binding under test (value 1). */
    protected abstract Semaphore newSemaphore(Adapter adapter);

    /** {@code Semaphore(value)} of the binding under test. */
    protected abstract Semaphore newSemaphore(Adapter adapter, long value);

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
            LockContract.quietly(s::release);
            Thread.onSpinWait();
        }
    }

    /** Semaphore() has one unit. */
    @Test
    @Checks("{semaphore}/default-value-one")
    public void defaultValueIsOne(Adapter adapter) {
        assertEquals(1, drainUnits(newSemaphore(adapter), 5));
    }

    /** Semaphore(3) gives three prompt acquires; the next non-blocking one fails and takes nothing. */
    @Test
    @Checks({"{semaphore}.acquire/decrements-counter",
            "{semaphore}.acquire/nonblocking-at-zero-returns-false"})
    public void countsDown(Adapter adapter, Harness h) {
        Semaphore s = newSemaphore(adapter, 3);
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
    @Checks("{semaphore}.acquire/blocks-at-zero-until-release")
    public void blocksUntilRelease(Adapter adapter, Harness h) {
        waiterPassesAfterRelease(adapter, h, Semaphore::acquire);
    }

    /** A timed acquire at zero returns True when another thread releases within the timeout. */
    @Test
    @Checks("{semaphore}.acquire/timeout-acquires-when-released")
    public void timedAcquireSucceedsOnRelease(Adapter adapter, Harness h) {
        waiterPassesAfterRelease(adapter, h, s -> s.acquire(true, Timing.LONG));
    }

    private interface Acquire {
        boolean on(Semaphore s);
    }

    private void waiterPassesAfterRelease(Adapter adapter, Harness h, Acquire how) {
        Semaphore s = newSemaphore(adapter, 0);
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
    @Checks("{semaphore}.acquire/timeout-expires-returns-false")
    public void timedAcquireTimesOut(Adapter adapter, Harness h) {
        Semaphore s = newSemaphore(adapter, 0);
        long t0 = h.now();
        assertFalse(s.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        h.assertPrompt(h.time(() -> assertFalse(s.acquire(true, 0.0))));
    }

    /** With three threads blocked at zero, each release lets exactly one through. */
    @Test
    @Checks("{semaphore}.release/increments-and-wakes-one")
    public void eachReleaseWakesOne(Adapter adapter, Harness h) {
        Semaphore s = newSemaphore(adapter, 0);
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

    /** With a Semaphore(k) around a section, random numbers of threads never exceed k inside at once. */
    @Test
    @Checks("{semaphore}/at-most-value-holders")
    public void atMostKHolders(Adapter adapter, Harness h) {
        Random rnd = h.random();
        int k = 1 + rnd.nextInt(3);
        int n = k + 1 + rnd.nextInt(4);
        int rounds = 5 + rnd.nextInt(11);
        h.note("k", Integer.toString(k));
        h.note("threads", Integer.toString(n));
        Semaphore s = newSemaphore(adapter, k);
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
