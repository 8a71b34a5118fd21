package dev.pyconc.spec.cases.asyncio;

import static dev.pyconc.spec.cases.asyncio.Aio.assertPending;
import static dev.pyconc.spec.cases.asyncio.Aio.bounded;
import static dev.pyconc.spec.cases.asyncio.Aio.started;
import static dev.pyconc.spec.cases.asyncio.Aio.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Task;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.Event}. */
@PyCase
class EventCases {

    /** A new Event is clear. */
    @Test
    @Checks("asyncio.Event/initially-clear")
    void initiallyClear(AsyncioModule m) {
        Event e = m.event();
        assertFalse(e.isSet());
        m.run(co -> {
            assertFalse(m.event().isSet());
            return null;
        });
    }

    /** is_set() is True after set() and False after clear(), repeatedly. */
    @Test
    @Checks("asyncio.Event.is_set/reflects-state")
    void isSetReflectsState(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            for (int i = 0; i < 2; i++) {
                e.set();
                assertTrue(e.isSet());
                e.set();
                assertTrue(e.isSet());
                e.clear();
                assertFalse(e.isSet());
            }
            return null;
        });
    }

    /** wait() on a set Event gives True without another task having to run. */
    @Test
    @Checks("asyncio.Event.wait/set-returns-true-at-once")
    void setReturnsTrueAtOnce(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            e.set();
            assertEquals(Boolean.TRUE, bounded(co, e.await(), "wait on a set event"));
            Task<Boolean> t = co.createTask(e.await());
            steps(co, 3);
            assertTrue(t.done(), "a task waiting on a set event should not stay suspended");
            assertEquals(Boolean.TRUE, t.result());
            return null;
        });
    }

    /** A wait on a clear Event stays suspended until set(), then gives True. */
    @Test
    @Checks("asyncio.Event.wait/waits-until-set")
    void waitsUntilSet(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            Task<Boolean> t = started(co, e.await());
            steps(co, 10);
            assertPending(t);
            e.set();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter after set()"));
            return null;
        });
    }

    /** set() wakes every waiting task. */
    @Test
    @Checks("asyncio.Event.set/wakes-all-waiters")
    void setWakesAll(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            List<Task<Boolean>> ts = Stream.of(1, 2, 3).map(i -> started(co, e.await())).toList();
            assertPending(ts.toArray(Task[]::new));
            e.set();
            steps(co, 5);
            for (Task<Boolean> t : ts) {
                assertTrue(t.done(), "every waiter should be woken by set()");
                assertEquals(Boolean.TRUE, t.result());
            }
            return null;
        });
    }

    /** Waiters woken by set() finish with True even when clear() comes before they run. */
    @Test
    @Checks("asyncio.Event.set/waiters-wake-even-if-cleared-at-once")
    void setThenClearStillWakes(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            List<Task<Boolean>> ts = Stream.of(1, 2, 3).map(i -> started(co, e.await())).toList();
            e.set();
            e.clear();
            steps(co, 5);
            for (Task<Boolean> t : ts) {
                assertTrue(t.done(), "a waiter present at set() should be woken even if clear() followed");
                assertEquals(Boolean.TRUE, t.result());
            }
            assertFalse(e.isSet());
            return null;
        });
    }

    /** After set() then clear(), a new wait suspends until the next set(). */
    @Test
    @Checks("asyncio.Event.clear/later-waits-wait")
    void clearLaterWaitsWait(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            e.set();
            e.clear();
            Task<Boolean> t = started(co, e.await());
            steps(co, 5);
            assertPending(t);
            e.set();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter after the second set()"));
            return null;
        });
    }

    /** An Event made before asyncio.run works for the loop's tasks. */
    @Test
    @Checks("asyncio.Event/created-outside-loop")
    void createdOutsideLoop(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            Task<Boolean> t = started(co, e.await());
            assertPending(t);
            e.set();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter"));
            return null;
        });
    }
}
