package dev.pyconc.reference.asyncio;

import static dev.pyconc.reference.asyncio.PrimTesting.assertCancelled;
import static dev.pyconc.reference.asyncio.PrimTesting.bounded;
import static dev.pyconc.reference.asyncio.PrimTesting.run;
import static dev.pyconc.reference.asyncio.PrimTesting.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RefSemaphore} and {@link RefBoundedSemaphore}: the scenarios of CPython's {@code test_locks.SemaphoreTests}. */
class RefPrimSemaphoreTest {
    @Test
    void valuesAndBounds() {
        assertEquals("Semaphore initial value must be >= 0",
                assertThrows(ValueError.class, () -> new RefSemaphore(-1)).getMessage());
        assertThrows(ValueError.class, () -> new RefBoundedSemaphore(-1));
        run(co -> {
            RefSemaphore sem = new RefSemaphore(2);
            assertFalse(sem.locked());
            co.await(sem.acquire());
            co.await(sem.acquire());
            assertTrue(sem.locked());
            sem.release();
            sem.release();
            sem.release(); // a plain Semaphore goes above its initial value
            assertTrue(sem.toString().endsWith("[unlocked, value:3]>"), sem.toString());

            RefBoundedSemaphore bounded = new RefBoundedSemaphore(1);
            ValueError e = assertThrows(ValueError.class, bounded::release);
            assertEquals("BoundedSemaphore released too many times", e.getMessage());
            co.await(bounded.acquire());
            bounded.release();
            assertThrows(ValueError.class, bounded::release);
            return null;
        });
    }

    /** test_acquire_fifo_order_3: released units go to the waiters in order, skipping a cancelled one. */
    @Test
    void unitsGoToWaitersInOrderSkippingCancelled() {
        run(co -> {
            RefSemaphore sem = new RefSemaphore(0);
            List<Integer> result = new ArrayList<>();
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                tasks.add(co.createTask(c -> {
                    c.await(sem.acquire());
                    result.add(id);
                    return null;
                }));
            }
            steps(co, 1);
            tasks.get(0).cancel();
            steps(co, 1);
            sem.release();
            sem.release();
            bounded(co, co.coroutine(c -> c.gather(tasks, true)));
            assertEquals(List.of(2, 3), result);
            assertTrue(tasks.get(0).cancelled());
            return null;
        });
    }

    /** test_acquire_cancel_before_awoken: cancelled waiters ahead do not swallow a release. */
    @Test
    void cancelledWaitersAheadDoNotSwallowARelease() {
        run(co -> {
            RefSemaphore sem = new RefSemaphore(0);
            List<Task<Boolean>> t = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                t.add(co.createTask(sem.acquire()));
            }
            steps(co, 1);
            t.get(0).cancel();
            t.get(1).cancel();
            sem.release();
            steps(co, 2);
            assertTrue(t.get(2).done());
            assertFalse(t.get(3).done());
            t.get(3).cancel();
            assertCancelled(co, t.get(3));
            return null;
        });
    }

    /** test_acquire_hang: a waiter woken and then cancelled gives its unit to the next waiter. */
    @Test
    void wokenWaiterCancelledGivesItsUnitOn() {
        run(co -> {
            RefSemaphore sem = new RefSemaphore(0);
            Task<Boolean> t1 = co.createTask(sem.acquire());
            Task<Boolean> t2 = co.createTask(sem.acquire());
            steps(co, 1);
            sem.release(); // wakes t1 (its unit taken for it)
            t1.cancel();
            steps(co, 2);
            assertTrue(t1.cancelled());
            assertEquals(true, bounded(co, t2));
            assertTrue(sem.locked());
            return null;
        });
    }

    /** test_acquire_no_hang: a task cancelled while queued for the unit that is then released leaves it usable. */
    @Test
    void cancelledQueuedTaskLeavesTheUnit() {
        run(co -> {
            RefSemaphore sem = new RefSemaphore(1);
            List<Task<Object>> t = new ArrayList<>();
            t.add(co.createTask(c -> {
                c.asyncWith(sem, () -> c.sleep(0));
                t.get(1).cancel();
                return null;
            }));
            t.add(co.createTask(c -> {
                c.asyncWith(sem, () -> {
                    throw new AssertionError("the cancelled task must not get the unit");
                });
                return null;
            }));
            List<Object> r = bounded(co, co.coroutine(c -> c.gather(t, true)));
            assertEquals(null, r.get(0));
            assertTrue(r.get(1) instanceof dev.pyconc.spi.exceptions.AsyncioCancelledError, String.valueOf(r.get(1)));
            assertEquals(true, bounded(co, sem.acquire()));
            return null;
        });
    }

    /** A newcomer finding units but a (not cancelled) waiter queued counts as locked and queues behind it (FIFO). */
    @Test
    void newcomerDoesNotOvertakeAWokenWaiter() {
        run(co -> {
            RefSemaphore sem = new RefSemaphore(0);
            List<String> order = new ArrayList<>();
            Task<Object> waiter = co.createTask(c -> {
                c.await(sem.acquire());
                order.add("waiter");
                return null;
            });
            steps(co, 1);
            sem.release();
            sem.release(); // one unit for the woken waiter, one free
            assertTrue(sem.locked(), "a woken waiter is still queued");
            Task<Object> newcomer = co.createTask(c -> {
                c.await(sem.acquire());
                order.add("newcomer");
                return null;
            });
            bounded(co, waiter);
            bounded(co, newcomer);
            assertEquals(List.of("waiter", "newcomer"), order);
            assertTrue(sem.locked());
            return null;
        });
    }
}
