package dev.pyconc.reference.asyncio;

import static dev.pyconc.reference.asyncio.PrimTesting.assertCancelled;
import static dev.pyconc.reference.asyncio.PrimTesting.bounded;
import static dev.pyconc.reference.asyncio.PrimTesting.run;
import static dev.pyconc.reference.asyncio.PrimTesting.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.QueueFull;
import dev.pyconc.spi.exceptions.QueueShutDown;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link RefQueue} and its LIFO and priority kinds: the scenarios of CPython's {@code test_queues.py}. */
class RefQueueTest {
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("Queue", (LongFunction<RefQueue>) RefQueue::new),
                Arguments.of("LifoQueue", (LongFunction<RefQueue>) RefLifoQueue::new),
                Arguments.of("PriorityQueue", (LongFunction<RefQueue>) RefPriorityQueue::new));
    }

    @Test
    void orderOfTheThreeKinds() {
        List<Object> items = Arrays.asList(1L, 3L, 2L, 3L, 0L);
        assertEquals(List.of(1L, 3L, 2L, 3L, 0L), drainAfterPutting(new RefQueue(0), items));
        assertEquals(List.of(0L, 3L, 2L, 3L, 1L), drainAfterPutting(new RefLifoQueue(0), items));
        assertEquals(List.of(0L, 1L, 2L, 3L, 3L), drainAfterPutting(new RefPriorityQueue(0), items));
        assertEquals(List.of(PyTuple.of(1L, "b"), PyTuple.of(1L, "c"), PyTuple.of(2L, "a")), drainAfterPutting(
                new RefPriorityQueue(0), List.of(PyTuple.of(2L, "a"), PyTuple.of(1L, "c"), PyTuple.of(1L, "b"))));
    }

    private static List<Object> drainAfterPutting(RefQueue q, List<Object> items) {
        return run(co -> {
            for (Object item : items) {
                co.await(q.put(item));
            }
            List<Object> out = new ArrayList<>();
            while (!q.empty()) {
                out.add(co.await(q.get()));
            }
            return out;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void nowaitErrorsAndBounds(String kind, LongFunction<RefQueue> make) {
        RefQueue q = make.apply(2);
        assertEquals(2, q.maxsize());
        assertTrue(q.empty());
        assertThrows(QueueEmpty.class, q::getNowait);
        q.putNowait(1L);
        q.putNowait(2L);
        assertTrue(q.full());
        assertEquals(2, q.qsize());
        assertThrows(QueueFull.class, () -> q.putNowait(3L));
        assertTrue(q.toString().startsWith("<" + kind + " maxsize=2 _queue=["), q.toString());
        assertTrue(q.toString().endsWith(" tasks=2>"), q.toString());
        q.getNowait();
        assertFalse(q.full());
        RefQueue unbounded = make.apply(0);
        for (long i = 0; i < 100; i++) {
            unbounded.putNowait(i);
        }
        assertFalse(unbounded.full());
        assertEquals(100, unbounded.qsize());
    }

    @Test
    void priorityQueueRaisesTypeErrorForIncomparableItems() {
        RefQueue q = new RefPriorityQueue(0);
        q.putNowait(1L);
        assertThrows(TypeError.class, () -> q.putNowait("a"));
    }

    @Test
    void noneIsAnItem() {
        run(co -> {
            RefQueue q = new RefQueue(0);
            q.putNowait(null);
            assertEquals(1, q.qsize());
            assertEquals(null, co.await(q.get()));
            return null;
        });
    }

    /** A blocked get is woken by a put; a blocked put by a get. */
    @Test
    void blockingGetAndPut() {
        run(co -> {
            Queue q = new RefQueue(1);
            Task<Object> getter = co.createTask(q.get());
            steps(co, 1);
            assertFalse(getter.done());
            co.await(q.put("a"));
            assertEquals("a", bounded(co, getter));
            q.putNowait("b");
            Task<Object> putter = co.createTask(q.put("c"));
            steps(co, 1);
            assertFalse(putter.done());
            assertEquals("b", co.await(q.get()));
            bounded(co, putter);
            assertEquals("c", q.getNowait());
            return null;
        });
    }

    /** test_get_cancelled_race: a cancelled getter does not take the wake-up of the one behind it. */
    @Test
    void cancelledGetterDoesNotStealTheNextOnesItem() {
        run(co -> {
            Queue q = new RefQueue(0);
            Task<Object> t1 = co.createTask(q.get());
            Task<Object> t2 = co.createTask(q.get());
            steps(co, 1);
            t1.cancel();
            steps(co, 1);
            assertTrue(t1.done());
            co.await(q.put("a"));
            steps(co, 1);
            assertEquals("a", bounded(co, t2));
            return null;
        });
    }

    /** test_get_cancel_drop_one_pending_reader: a getter woken for an item and then cancelled leaves the item. */
    @Test
    void cancelledWokenGetterLosesNoItem() {
        run(co -> {
            Queue q = new RefQueue(0);
            Task<Object> reader = co.createTask(q.get());
            steps(co, 1);
            q.putNowait(1L);
            q.putNowait(2L);
            reader.cancel();
            assertCancelled(co, reader);
            assertEquals(1L, bounded(co, co.createTask(q.get())));
            assertEquals(2L, q.getNowait());
            return null;
        });
    }

    /** test_get_cancel_drop_many_pending_readers: of several woken getters, a cancelled one hands its wake-up on. */
    @Test
    void cancelledGetterAmongManyHandsOn() {
        run(co -> {
            Queue q = new RefQueue(0);
            List<Task<Object>> readers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                readers.add(co.createTask(q.get()));
            }
            steps(co, 1);
            q.putNowait(1L);
            q.putNowait(2L);
            readers.get(0).cancel();
            assertCancelled(co, readers.get(0));
            List<Object> got = new ArrayList<>(List.of(bounded(co, readers.get(1)), bounded(co, readers.get(2))));
            assertEquals(List.of(1L, 2L), got);
            return null;
        });
    }

    /** test_put_cancelled_race: a cancelled putter adds nothing and does not block the one behind it. */
    @Test
    void cancelledPutterAddsNothing() {
        run(co -> {
            Queue q = new RefQueue(1);
            Task<Object> putA = co.createTask(q.put("a"));
            Task<Object> putB = co.createTask(q.put("b"));
            Task<Object> putC = co.createTask(q.put("X"));
            steps(co, 1);
            assertTrue(putA.done());
            assertFalse(putB.done());
            putC.cancel();
            steps(co, 1);
            assertTrue(putC.done());
            assertEquals("a", q.getNowait());
            steps(co, 1);
            assertEquals("b", q.getNowait());
            bounded(co, putB);
            assertTrue(q.empty());
            return null;
        });
    }

    /** A putter woken for a free slot and then cancelled hands the slot to the next putter. */
    @Test
    void cancelledWokenPutterHandsTheSlotOn() {
        run(co -> {
            Queue q = new RefQueue(1);
            q.putNowait("a");
            Task<Object> putB = co.createTask(q.put("b"));
            Task<Object> putC = co.createTask(q.put("c"));
            steps(co, 1);
            assertEquals("a", q.getNowait()); // wakes putB
            putB.cancel();
            assertCancelled(co, putB);
            bounded(co, putC);
            assertEquals("c", q.getNowait());
            assertTrue(q.empty());
            return null;
        });
    }

    @Test
    void taskDoneAndJoin() {
        run(co -> {
            Queue q = new RefQueue(0);
            ValueError e = assertThrows(ValueError.class, q::taskDone);
            assertEquals("task_done() called too many times", e.getMessage());
            co.await(q.join()); // nothing unfinished: at once
            q.putNowait(1L);
            q.putNowait(2L);
            Task<Object> joiner = co.createTask(q.join());
            q.getNowait();
            q.getNowait();
            steps(co, 1);
            assertFalse(joiner.done(), "items got but not marked done");
            q.taskDone();
            steps(co, 1);
            assertFalse(joiner.done());
            q.taskDone();
            bounded(co, joiner);
            assertThrows(ValueError.class, q::taskDone);
            return null;
        });
    }

    /** test_shutdown_nonempty: puts raise at once, gets drain then raise, join still waits for task_done. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void shutdownLetsGetsDrain(String kind, LongFunction<RefQueue> make) {
        run(co -> {
            RefQueue q = make.apply(1);
            q.putNowait("data");
            Task<Object> join = co.createTask(q.join());
            Task<Object> put = co.createTask(q.put("data2"));
            steps(co, 1);
            assertFalse(put.done());
            q.shutdown();
            assertEquals(1, q.qsize());
            assertThrows(QueueShutDown.class, () -> bounded(co, put));
            assertEquals("data", co.await(q.get()));
            steps(co, 1);
            assertFalse(join.done());
            assertThrows(QueueShutDown.class, () -> co.await(q.put("x")));
            assertThrows(QueueShutDown.class, () -> q.putNowait("x"));
            assertThrows(QueueShutDown.class, () -> co.await(q.get()));
            assertThrows(QueueShutDown.class, q::getNowait);
            q.taskDone();
            bounded(co, join);
            assertThrows(ValueError.class, q::taskDone);
            return null;
        });
    }

    /** A getter waiting on an empty queue raises QueueShutDown when the queue is shut down. */
    @Test
    void shutdownWakesWaitingGetters() {
        run(co -> {
            Queue q = new RefQueue(0);
            List<Task<Object>> getters = List.of(co.createTask(q.get()), co.createTask(q.get()));
            steps(co, 1);
            q.shutdown();
            for (Task<Object> g : getters) {
                assertThrows(QueueShutDown.class, () -> bounded(co, g));
            }
            return null;
        });
    }

    /** test_shutdown_immediate_with_unfinished: the dropped items count as done; items got earlier do not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void immediateShutdownDropsItems(String kind, LongFunction<RefQueue> make) {
        run(co -> {
            RefQueue q = make.apply(0);
            q.putNowait("data");
            q.putNowait("data");
            Task<Object> join = co.createTask(q.join());
            assertEquals("data", co.await(q.get()));
            q.shutdown(true);
            assertEquals(0, q.qsize());
            steps(co, 1);
            assertFalse(join.done());
            assertThrows(QueueShutDown.class, () -> co.await(q.get()));
            assertThrows(QueueShutDown.class, () -> co.await(q.put("x")));
            q.taskDone();
            assertThrows(ValueError.class, q::taskDone);
            bounded(co, join);
            return null;
        });
    }

    /** A queue that waited in one loop refuses to wait in another. */
    @Test
    void boundToTheFirstLoopThatWaits() {
        RefQueue q = new RefQueue(0);
        run(co -> {
            Task<Object> g = co.createTask(q.get());
            steps(co, 1);
            q.putNowait(1L);
            return bounded(co, g);
        });
        run(co -> {
            q.putNowait(2L); // no waiting, no loop needed
            assertEquals(2L, co.await(q.get()));
            assertThrows(dev.pyconc.spi.exceptions.RuntimeError.class, () -> co.await(q.get()));
            return null;
        });
    }
}
