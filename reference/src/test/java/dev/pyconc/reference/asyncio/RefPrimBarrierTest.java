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
import dev.pyconc.spi.exceptions.AsyncioBrokenBarrierError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link RefBarrier}: the states of CPython's {@code test_locks.BarrierTests} (filling, draining, resetting, broken). */
class RefPrimBarrierTest {
    static final int N = 5;

    @Test
    void partiesMustBePositive() {
        assertEquals("parties must be >= 1", assertThrows(ValueError.class, () -> new RefBarrier(0)).getMessage());
    }

    /** The N-th arrival releases everyone; the indexes are 0..N-1; the barrier is reusable. */
    @Test
    void fillsReleasesAndCyclesTwice() {
        run(co -> {
            RefBarrier barrier = new RefBarrier(N);
            for (int round = 0; round < 2; round++) {
                List<Task<Long>> tasks = new ArrayList<>();
                for (int i = 0; i < N - 1; i++) {
                    tasks.add(co.createTask(barrier.await()));
                    steps(co, 1);
                    assertEquals(i + 1, barrier.nWaiting());
                }
                assertTrue(barrier.toString().endsWith("[filling, waiters:" + (N - 1) + "/" + N + "]>"),
                        barrier.toString());
                tasks.forEach(t -> assertFalse(t.done()));
                tasks.add(co.createTask(barrier.await()));
                TreeSet<Long> indexes = new TreeSet<>();
                for (Task<Long> t : tasks) {
                    indexes.add(bounded(co, t));
                }
                assertEquals(List.of(0L, 1L, 2L, 3L, 4L), List.copyOf(indexes));
                assertEquals(0, barrier.nWaiting());
                assertFalse(barrier.broken());
            }
            return null;
        });
    }

    /** test_blocking_tasks_while_draining: a task arriving while the others drain waits for the next cycle. */
    @Test
    void arrivalWhileDrainingWaitsForTheNextCycle() {
        run(co -> {
            RefBarrier barrier = new RefBarrier(2);
            Task<Long> a = co.createTask(barrier.await());
            steps(co, 1);
            Task<Long> b = co.createTask(barrier.await());
            Task<Long> late = co.createTask(barrier.await()); // starts right after b, while a has not left yet
            assertEquals(1L + 0L, bounded(co, a) + bounded(co, b));
            steps(co, 2);
            assertFalse(late.done());
            assertEquals(1, barrier.nWaiting());
            Task<Long> partner = co.createTask(barrier.await());
            assertEquals(1L, bounded(co, late) + bounded(co, partner));
            return null;
        });
    }

    /** A reset breaks the current waiters' wait but not the barrier; it works again afterwards. */
    @Test
    void resetRaisesInWaitersAndLeavesTheBarrierUsable() {
        run(co -> {
            RefBarrier barrier = new RefBarrier(3);
            Task<Long> a = co.createTask(barrier.await());
            Task<Long> b = co.createTask(barrier.await());
            steps(co, 1);
            assertEquals(2, barrier.nWaiting());
            bounded(co, barrier.reset());
            for (Task<Long> t : List.of(a, b)) {
                AsyncioBrokenBarrierError e = assertThrows(AsyncioBrokenBarrierError.class, () -> bounded(co, t));
                assertEquals("Abort or reset of barrier", e.getMessage());
            }
            assertFalse(barrier.broken());
            assertEquals(0, barrier.nWaiting());
            List<Task<Long>> again = List.of(co.createTask(barrier.await()), co.createTask(barrier.await()),
                    co.createTask(barrier.await()));
            long sum = 0;
            for (Task<Long> t : again) {
                sum += bounded(co, t);
            }
            assertEquals(3L, sum);
            return null;
        });
    }

    /** abort(): waiters and later arrivals raise until a reset; after the reset the barrier fills again. */
    @Test
    void abortBreaksUntilReset() {
        run(co -> {
            RefBarrier barrier = new RefBarrier(2);
            Task<Long> a = co.createTask(barrier.await());
            steps(co, 1);
            bounded(co, barrier.abort());
            assertTrue(barrier.broken());
            assertTrue(barrier.toString().endsWith("[broken]>"), barrier.toString());
            assertEquals("Abort or reset of barrier",
                    assertThrows(AsyncioBrokenBarrierError.class, () -> bounded(co, a)).getMessage());
            assertEquals("Barrier aborted",
                    assertThrows(AsyncioBrokenBarrierError.class, () -> bounded(co, barrier.await())).getMessage());
            bounded(co, barrier.reset());
            assertFalse(barrier.broken());
            Task<Long> x = co.createTask(barrier.await());
            Task<Long> y = co.createTask(barrier.await());
            assertEquals(1L, bounded(co, x) + bounded(co, y));
            return null;
        });
    }

    /**
     * test_filling_tasks_cancel_one: a cancelled arrival counts itself out, and the next arrival takes the count
     * as its index, so an index repeats within the cycle (CPython 3.14 prints 1 1 2 for b, c, d here).
     */
    @Test
    void cancelledArrivalCountsItselfOut() {
        run(co -> {
            RefBarrier barrier = new RefBarrier(3);
            Task<Long> a = co.createTask(barrier.await());
            Task<Long> b = co.createTask(barrier.await());
            steps(co, 1);
            assertEquals(2, barrier.nWaiting());
            a.cancel();
            assertCancelled(co, a);
            assertEquals(1, barrier.nWaiting());
            Task<Long> c = co.createTask(barrier.await());
            Task<Long> d = co.createTask(barrier.await());
            assertEquals(List.of(1L, 1L, 2L), List.of(bounded(co, b), bounded(co, c), bounded(co, d)));
            return null;
        });
    }

    /** {@code async with barrier} enters through wait(). */
    @Test
    void asyncWithWaits() {
        run(co -> {
            RefBarrier barrier = new RefBarrier(1);
            assertEquals(0L, co.await(barrier.aenter()));
            assertEquals(false, co.await(barrier.aexit(null)));
            return null;
        });
    }
}
