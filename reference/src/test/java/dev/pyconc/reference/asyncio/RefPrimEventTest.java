package dev.pyconc.reference.asyncio;

import static dev.pyconc.reference.asyncio.PrimTesting.assertCancelled;
import static dev.pyconc.reference.asyncio.PrimTesting.bounded;
import static dev.pyconc.reference.asyncio.PrimTesting.run;
import static dev.pyconc.reference.asyncio.PrimTesting.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.asyncio.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RefEvent}: the scenarios of CPython's {@code test_locks.EventTests}. */
class RefPrimEventTest {
    @Test
    void setWakesEveryWaiterAndLaterWaitsReturnAtOnce() {
        run(co -> {
            RefEvent ev = new RefEvent();
            assertFalse(ev.isSet());
            List<Task<Boolean>> waiters = List.of(co.createTask(ev.await()), co.createTask(ev.await()));
            steps(co, 1);
            waiters.forEach(t -> assertFalse(t.done()));
            assertTrue(ev.toString().endsWith("[unset, waiters:2]>"), ev.toString());
            ev.set();
            assertTrue(ev.isSet());
            for (Task<Boolean> t : waiters) {
                assertEquals(true, bounded(co, t));
            }
            assertTrue(ev.toString().endsWith("[set]>"), ev.toString());
            assertEquals(true, co.await(ev.await()));
            return null;
        });
    }

    /** test_clear_with_waiters: a waiter woken by set() returns True even if the flag was cleared before it ran. */
    @Test
    void clearAfterSetDoesNotUnwakeAWaiter() {
        run(co -> {
            RefEvent ev = new RefEvent();
            Task<Boolean> t = co.createTask(ev.await());
            steps(co, 1);
            ev.set();
            ev.clear();
            assertFalse(ev.isSet());
            assertEquals(true, bounded(co, t));
            return null;
        });
    }

    /** test_wait_cancel: a cancelled waiter leaves the event's waiters. */
    @Test
    void cancelledWaiterLeaves() {
        run(co -> {
            RefEvent ev = new RefEvent();
            Task<Boolean> t = co.createTask(ev.await());
            steps(co, 1);
            t.cancel();
            assertCancelled(co, t);
            assertTrue(ev.toString().endsWith("[unset]>"), ev.toString());
            return null;
        });
    }
}
