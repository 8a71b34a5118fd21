package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.CaseTimeoutError;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Not conformance cases: one case per outcome the runner must report, run by {@link ConformanceRunnerTest}
 * through the same extension as the spec's cases. Named so that Surefire does not run it by itself.
 */
@PyCase
class RunnerFixtureCases {
    /** How many fixture bodies ran in this JVM. */
    static final AtomicInteger BODIES = new AtomicInteger();

    @Test
    @Checks("threading.Lock.acquire/nonblocking-held-returns-false")
    void passes(ThreadingModule threading) {
        BODIES.incrementAndGet();
        Lock lock = threading.lock();
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        lock.release();
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void failsAnAssertion() {
        BODIES.incrementAndGet();
        assertEquals(1L, 2L, "fixture: one is not two");
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void raisesAnError() {
        BODIES.incrementAndGet();
        throw new IllegalStateException("fixture: adapter exploded");
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void usesAMissingApi(ThreadingModule threading) {
        BODIES.incrementAndGet();
        threading.event();
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void timesOut() {
        BODIES.incrementAndGet();
        throw new CaseTimeoutError("case did not finish within 60.0 s\nJava threads:\n\"main\" RUNNABLE\n");
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void failsInAHelperThread(Harness h) {
        BODIES.incrementAndGet();
        h.join(h.start("failing-helper", () -> {
            throw new AssertionError("fixture: helper saw the wrong value");
        }));
    }

    /** A bridge failure met where a Python exception was expected: the adapter's error, not the implementation's. */
    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void adapterFailsInsideAssertThrows() {
        BODIES.incrementAndGet();
        org.junit.jupiter.api.Assertions.assertThrows(dev.pyconc.spi.exceptions.TimeoutError.class, () -> {
            throw new dev.pyconc.spi.AdapterFailure("fixture: the bridge lost its process");
        });
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void dependsOnABrokenBehaviour(Harness h) {
        BODIES.incrementAndGet();
        h.dependsOn("threading.Lock.release/unlocked-raises-runtimeerror", () -> assertEquals(1L, 2L, "fixture"));
        throw new AssertionError("fixture: must not be reached");
    }

    @Test
    @Checks("threading.Lock.release/any-thread-may-release")
    void isAborted() {
        BODIES.incrementAndGet();
        Assumptions.abort("fixture: precondition not met");
    }

    @Test
    @Disabled("fixture: disabled on purpose")
    @Checks("threading.Lock.release/any-thread-may-release")
    void isDisabled() {
        BODIES.incrementAndGet();
    }

    @Test
    @Checks("threading.Lock.acquire/timeout-expires-returns-false")
    void needsPython32(ThreadingModule threading, Harness h) {
        BODIES.incrementAndGet();
        Lock lock = threading.lock();
        lock.acquire();
        long t0 = h.now();
        assertFalse(lock.acquire(true, 0.01));
        h.assertTimedOut(h.secondsSince(t0), 0.01);
        lock.release();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    @Checks("threading.Lock.acquire/nonblocking-held-returns-false")
    void parameterized(long n, Harness h) {
        BODIES.incrementAndGet();
        h.note("n", Long.toString(n));
        assertTrue(n != 2L, "fixture: two fails");
    }
}
