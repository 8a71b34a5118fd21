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
import dev.pyconc.spi.threading.Event;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of an event, as {@code threading.Event} and {@code multiprocessing.Event} (documented as its
 * clone) both promise it: one suite, several bindings. Each concrete subclass makes the events
 * ({@link #newEvent}) and binds the {@code {event}} placeholder of the ids with {@link Binding}. The bound on
 * timeouts ({@code TIMEOUT_MAX}) is {@code threading}'s alone and stays in {@link EventCases}. See
 * CONTRIBUTING.md, "One suite, several bindings".
 */
@PyCase
public abstract class EventContract {

    /** A new, clear event of the binding under test. */
    protected abstract Event newEvent(Adapter adapter);

    /** A new Event is not set. */
    @Test
    @Checks("{event}/initially-false")
    public void initiallyClear(Adapter adapter) {
        assertFalse(newEvent(adapter).isSet());
    }

    /** set() sets the flag; setting again keeps it set. */
    @Test
    @Checks("{event}.set/sets-flag")
    public void setSetsFlag(Adapter adapter, Harness h) {
        Event e = newEvent(adapter);
        e.set();
        assertTrue(e.isSet());
        e.set();
        assertTrue(e.isSet());
        h.join(h.start("observer", () -> assertTrue(e.isSet())));
    }

    /** clear() resets the flag (idempotently), and a later timed wait times out again. */
    @Test
    @Checks("{event}.clear/resets-flag")
    public void clearResetsFlag(Adapter adapter, Harness h) {
        Event e = newEvent(adapter);
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
    @Checks("{event}.wait/set-returns-true-at-once")
    public void waitOnSetEventReturnsAtOnce(Adapter adapter, Harness h) {
        Event e = newEvent(adapter);
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
    @Checks({"{event}.wait/blocks-until-set", "{event}.set/wakes-all-waiters"})
    public void setReleasesAllWaiters(Adapter adapter, Harness h) {
        int w = 3 + h.random().nextInt(4);
        Event e = newEvent(adapter);
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
    @Checks("{event}.wait/timeout-returns-false")
    public void waitTimesOut(Adapter adapter, Harness h) {
        Event e = newEvent(adapter);
        long t0 = h.now();
        assertFalse(e.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        h.assertPrompt(h.time(() -> assertFalse(e.await(0.0))));
        assertFalse(e.isSet());
    }
}
