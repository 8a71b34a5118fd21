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
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.Event}. */
@PyCase
class EventCases {

    /** A new Event is not set. */
    @Test
    @Checks("threading.Event/initially-false")
    void initiallyClear(ThreadingModule threading) {
        assertFalse(threading.event().isSet());
    }

    /** set() sets the flag; setting again keeps it set. */
    @Test
    @Checks("threading.Event.set/sets-flag")
    void setSetsFlag(ThreadingModule threading, Harness h) {
        Event e = threading.event();
        e.set();
        assertTrue(e.isSet());
        e.set();
        assertTrue(e.isSet());
        h.join(h.start("observer", () -> assertTrue(e.isSet())));
    }

    /** clear() resets the flag (idempotently), and a later timed wait times out again. */
    @Test
    @Checks("threading.Event.clear/resets-flag")
    void clearResetsFlag(ThreadingModule threading, Harness h) {
        Event e = threading.event();
        e.clear();
        assertFalse(e.isSet());
        e.set();
        e.clear();
        assertFalse(e.isSet());
        e.clear();
        assertFalse(e.isSet());
        long t0 = h.now();
        assertFalse(e.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
    }

    /** On a set Event, wait in every form returns True without blocking. */
    @Test
    @Checks("threading.Event.wait/set-returns-true-at-once")
    void waitOnSetEventReturnsAtOnce(ThreadingModule threading, Harness h) {
        Event e = threading.event();
        e.set();
        double took = h.time(() -> {
            assertTrue(e.await());
            assertTrue(e.await(null));
            assertTrue(e.await(0.0));
            assertTrue(e.await(Timing.LONG));
        });
        h.assertPrompt(took);
    }

    /** Threads blocked in wait(), wait(None) and wait(long) all return True after one set(). */
    @Test
    @Checks({"threading.Event.wait/blocks-until-set", "threading.Event.set/wakes-all-waiters"})
    void setReleasesAllWaiters(ThreadingModule threading, Harness h) {
        int w = 3 + h.random().nextInt(4);
        Event e = threading.event();
        AtomicInteger entering = new AtomicInteger();
        AtomicInteger returned = new AtomicInteger();
        AtomicInteger trueResults = new AtomicInteger();
        Harness.Bunch bunch = h.bunch("waiter", w, i -> {
            entering.incrementAndGet();
            boolean r = switch (i % 3) {
                case 0 -> e.await();
                case 1 -> e.await(null);
                default -> e.await(Timing.LONG);
            };
            returned.incrementAndGet();
            if (r) {
                trueResults.incrementAndGet();
            }
        });
        try {
            h.poll("all waiters started", () -> entering.get() == w);
            for (Thread t : bunch.threads()) {
                h.awaitBlocked(t);
            }
            assertEquals(0, returned.get(), "wait returned before set()");
            e.set();
            bunch.join();
        } finally {
            e.set();
        }
        assertEquals(w, trueResults.get());
    }

    /** wait(timeout) on a clear Event returns False after the timeout; wait(0) returns False at once. */
    @Test
    @Checks("threading.Event.wait/timeout-returns-false")
    void waitTimesOut(ThreadingModule threading, Harness h) {
        Event e = threading.event();
        long t0 = h.now();
        assertFalse(e.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        h.assertPrompt(h.time(() -> assertFalse(e.await(0.0))));
        assertFalse(e.isSet());
    }

    /** On a clear Event, a timeout above TIMEOUT_MAX raises OverflowError. */
    @Test
    @Checks("threading.Event.wait/timeout-above-max-raises-overflowerror")
    void waitTimeoutAboveMaxRaises(ThreadingModule threading) {
        Event e = threading.event();
        assertThrows(OverflowError.class, () -> e.await(threading.timeoutMax() * 2));
        assertThrows(OverflowError.class, () -> e.await(Double.POSITIVE_INFINITY));
    }
}
