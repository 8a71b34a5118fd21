package dev.pyconc.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The edges of the synchronizer-based RLock and Semaphore (see the package's "Fast paths") that the spec cases
 * do not pin down: what a refused call leaves behind, the hooks Condition uses, and the timeout forms CPython's
 * Python loop treats specially. Helper threads are joined with a deadline; a blocked thread is recognised by
 * polling {@link ReferenceAdapter#isBlocked}, never by sleeping.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FastPathTest {
    private static final long JOIN_MILLIS = (long) (Timing.LONG * 1000);
    private ReferenceAdapter adapter;
    private ThreadingModule threading;

    @BeforeEach
    void create() {
        adapter = new ReferenceAdapter();
        threading = adapter.module(ThreadingModule.class);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    /** Starts {@code body} on a thread and returns once that thread is blocked in one of the adapter's waits. */
    private Thread startBlocked(Runnable body, AtomicReference<Throwable> failure) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fast-path-test-helper");
        t.setDaemon(true);
        t.start();
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        while (!adapter.isBlocked(t)) {
            assertTrue(t.isAlive(), "the helper ended instead of blocking: " + failure.get());
            assertTrue(System.nanoTime() < deadline, "the helper did not block within " + Timing.LONG + " s");
            Thread.onSpinWait();
        }
        return t;
    }

    private static void join(Thread t, AtomicReference<Throwable> failure) throws InterruptedException {
        t.join(JOIN_MILLIS);
        assertFalse(t.isAlive(), "the helper did not end within " + JOIN_MILLIS + " ms");
        if (failure.get() != null) {
            throw new AssertionError("the helper failed", failure.get());
        }
    }

    @Test
    void rlockReleaseByNonOwnerRaisesAndChangesNothing() throws InterruptedException {
        RLock r = threading.rlock();
        r.acquire();
        r.acquire();
        AtomicReference<Throwable> raised = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                r.release();
            } catch (Throwable e) {
                raised.set(e);
            }
        });
        t.start();
        t.join(JOIN_MILLIS);
        assertFalse(t.isAlive());
        assertTrue(raised.get() instanceof RuntimeError, "RuntimeError, got " + raised.get());
        assertEquals("cannot release un-acquired lock", raised.get().getMessage());
        assertTrue(r.toString().contains("count=2"), r.toString());
        r.release();
        r.release();
        assertFalse(r.locked());
        assertThrows(RuntimeError.class, r::release);
    }

    @Test
    void conditionWaitOnRLockReleasesEveryLevelAndRestoresThem() throws InterruptedException {
        RLock r = threading.rlock();
        Condition c = threading.condition(r);
        r.acquire();
        r.acquire();
        r.acquire();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = startBlocked(() -> {
            r.acquire(); // possible only if the waiter released all three levels
            try {
                c.signal();
            } finally {
                r.release();
            }
        }, failure);
        // the helper blocks on r; our wait releases all levels, lets it in, and it notifies us
        assertTrue(c.await(30.0));
        join(t, failure);
        assertTrue(r.toString().contains("count=3"), r.toString());
        assertTrue(((ReentrantLock) r).isOwned());
        r.release();
        r.release();
        r.release();
        assertFalse(r.locked());
    }

    @Test
    void boundedReleaseRefusedLeavesCounter() {
        BoundedSemaphore s = threading.boundedSemaphore(3);
        s.acquire();
        s.acquire();
        ValueError e = assertThrows(ValueError.class, () -> s.release(3));
        assertEquals("Semaphore released too many times", e.getMessage());
        assertTrue(s.toString().contains("value=1/3"), s.toString());
        s.release(2);
        assertTrue(s.toString().contains("value=3/3"), s.toString());
        assertThrows(ValueError.class, s::release);
    }

    @Test
    void semaphoreTimeoutForms() {
        Semaphore s = threading.semaphore(0);
        assertThrows(ValueError.class, () -> s.acquire(false, 1.0));
        assertFalse(s.acquire(true, 0.0));
        assertFalse(s.acquire(true, -5.0));
        assertThrows(OverflowError.class, () -> s.acquire(true, 1e300));
        assertFalse(s.acquire(true, 0.01));
        s.release();
        assertTrue(s.acquire(true, 1e300), "a unit is there: no wait, so no check of the timeout (as CPython)");
    }

    @Test
    void semaphoreNanTimeoutWaitsForARelease() throws InterruptedException {
        Semaphore s = threading.semaphore(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> got = new AtomicReference<>();
        Thread t = startBlocked(() -> got.set(s.acquire(true, Double.NaN)), failure);
        s.release();
        join(t, failure);
        assertEquals(Boolean.TRUE, got.get());
    }

    @Test
    void semaphoreReleaseNLetsNWaitersThroughAndKeepsTheRestWaiting() throws InterruptedException {
        Semaphore s = threading.semaphore(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = startBlocked(s::acquire, failure);
        }
        s.release(2);
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        int ended;
        do {
            ended = 0;
            for (Thread w : waiters) {
                ended += w.isAlive() ? 0 : 1;
            }
            assertTrue(System.nanoTime() < deadline, "two waiters did not get through within " + Timing.LONG + " s");
            Thread.onSpinWait();
        } while (ended < 2);
        for (Thread w : waiters) {
            if (w.isAlive()) {
                long d = System.nanoTime() + Timing.nanos(Timing.LONG);
                while (!adapter.isBlocked(w)) {
                    assertTrue(System.nanoTime() < d, "the third waiter is neither done nor blocked");
                    Thread.onSpinWait();
                }
            }
        }
        assertTrue(s.toString().contains("value=0"), s.toString());
        s.release();
        for (Thread w : waiters) {
            join(w, failure);
        }
    }

    @Test
    void semaphoreCounterBeyondLongRaisesOverflowErrorAndKeepsTheValue() {
        Semaphore s = threading.semaphore(Long.MAX_VALUE - 1);
        s.release();
        assertThrows(OverflowError.class, s::release);
        assertTrue(s.toString().contains("value=" + Long.MAX_VALUE), s.toString());
    }
}
