package dev.pyconc.spec.cases.threading;

import static dev.pyconc.spec.cases.threading.SemaphoreCases.drainUnits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.BoundedSemaphore}. */
@PyCase
class BoundedSemaphoreCases {

    /** BoundedSemaphore() has one unit and a bound of one. */
    @Test
    @Checks("threading.BoundedSemaphore/default-value-one")
    void defaultValueIsOne(ThreadingModule threading) {
        BoundedSemaphore s = threading.boundedSemaphore();
        assertEquals(1, drainUnits(s, 5), "a default BoundedSemaphore should hold exactly one unit");
        s.release();
        assertEquals(1, drainUnits(s, 5));
        s.release();
    }

    /** A negative initial value raises ValueError; zero is valid (and then any release overshoots). */
    @Test
    @Checks("threading.BoundedSemaphore/negative-value-raises-valueerror")
    void negativeValueRaises(ThreadingModule threading) {
        assertThrows(ValueError.class, () -> threading.boundedSemaphore(-1));
        BoundedSemaphore zero = threading.boundedSemaphore(0);
        assertEquals(0, drainUnits(zero, 5));
    }

    /** Releasing above the initial value raises ValueError, also for BoundedSemaphore(0). */
    @Test
    @Checks("threading.BoundedSemaphore.release/over-release-raises-valueerror")
    void overReleaseRaises(ThreadingModule threading) {
        BoundedSemaphore s = threading.boundedSemaphore(2);
        assertThrows(ValueError.class, s::release);
        assertTrue(s.acquire());
        s.release();
        assertThrows(ValueError.class, s::release);
        assertThrows(ValueError.class, () -> threading.boundedSemaphore(0).release());
    }

    /** release(2) with room for only one more raises ValueError. */
    @Test
    @Checks("threading.BoundedSemaphore.release/over-release-n-raises-valueerror")
    void overReleaseNRaises(ThreadingModule threading) {
        BoundedSemaphore s = threading.boundedSemaphore(2);
        assertTrue(s.acquire());
        assertThrows(ValueError.class, () -> s.release(2));
        assertTrue(s.acquire());
        s.release(2);
        assertThrows(ValueError.class, () -> s.release(1));
    }

    /** A refused release(n) leaves the counter unchanged. */
    @Test
    @Checks("threading.BoundedSemaphore.release/failed-release-keeps-counter")
    void failedReleaseKeepsCounter(ThreadingModule threading) {
        BoundedSemaphore s = threading.boundedSemaphore(3);
        assertTrue(s.acquire());
        assertTrue(s.acquire());
        assertThrows(ValueError.class, () -> s.release(3));
        assertEquals(1, drainUnits(s, 5), "the counter should still be 1");
        s.release(3);
        assertEquals(3, drainUnits(s, 5));
    }

    /** Within its bound it counts down, blocks at zero, and a release lets a blocked thread through. */
    @Test
    @Checks("threading.BoundedSemaphore/counts-like-semaphore")
    void countsLikeSemaphore(ThreadingModule threading, Harness h) {
        BoundedSemaphore s = threading.boundedSemaphore(2);
        assertTrue(s.acquire());
        assertTrue(s.acquire(false));
        assertFalse(s.acquire(false));
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        Thread t = h.start("acquirer", () -> {
            entering.set(true);
            assertTrue(s.acquire());
            returned.set(true);
            s.release();
        });
        boolean released = false;
        try {
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertFalse(returned.get(), "acquire returned at zero");
            s.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                s.release();
            }
        }
        s.release();
        assertEquals(2, drainUnits(s, 5));
    }
}
