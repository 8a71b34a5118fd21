package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code threading.Semaphore}: the shared {@link SemaphoreContract} bound to it, plus what only
 * {@code threading}'s Semaphore promises (literal ids).
 */
@PyCase
@Binding(name = "semaphore", api = "threading.Semaphore")
class SemaphoreCases extends SemaphoreContract {

    @Override
    protected Semaphore newSemaphore(Adapter adapter) {
        return adapter.module(ThreadingModule.class).semaphore();
    }

    @Override
    protected Semaphore newSemaphore(Adapter adapter, long value) {
        return adapter.module(ThreadingModule.class).semaphore(value);
    }

    /** A negative initial value raises ValueError; zero is valid and gives no units. */
    @Test
    @Checks("threading.Semaphore/negative-value-raises-valueerror")
    void negativeValueRaises(ThreadingModule threading) {
        assertThrows(ValueError.class, () -> threading.semaphore(-1));
        assertThrows(ValueError.class, () -> threading.semaphore(-100));
        assertEquals(0, drainUnits(threading.semaphore(0), 5));
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

}
