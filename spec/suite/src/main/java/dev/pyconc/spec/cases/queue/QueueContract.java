package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The contract of the queue classes as both {@code queue} ({@code Queue}, {@code LifoQueue},
 * {@code PriorityQueue}) and {@code asyncio} (the same three names) document them: one suite, several bindings.
 * Only what the two modules' docs both promise is here, through calls that need no other thread or task: the
 * nowait forms and their exceptions, the size queries, maxsize, the unfinished-task count and what shutdown
 * does at once. Waiting, timeouts and cancellation differ between the modules and stay in each module's classes.
 *
 * <p>A binding class supplies the queues ({@link #withQueues}, which for asyncio runs the body inside
 * {@code asyncio.run}, since asyncio queues are used from a running loop), the get order of its class
 * ({@link #order}) and its module's exception classes ({@code queue.Empty} or {@code asyncio.QueueEmpty}, ...).
 * Two placeholders are bound: {@code {queue}} to the class whose methods the docs describe for all three
 * ({@code queue.Queue} or {@code asyncio.Queue}, bound once per module) and {@code {kind}} to the class under test
 * ({@code queue.LifoQueue}, ...). See CONTRIBUTING.md, "One suite, several bindings".
 */
@PyCase
public abstract class QueueContract {

    /** Makes queues of the binding's class. */
    public interface Maker {
        /** The constructor without arguments (maxsize 0: unbounded). */
        SharedQueue make();

        /** The constructor with a maxsize. */
        SharedQueue make(long maxsize);
    }

    /** Runs {@code body} where the binding's queues may be made and used (inside a running loop for asyncio). */
    protected abstract void withQueues(Adapter adapter, Consumer<Maker> body);

    /** The get order of the class under test. */
    protected abstract QueueOrder order();

    /** {@code queue.Empty} or {@code asyncio.QueueEmpty}. */
    protected abstract Class<? extends BaseException> emptyError();

    /** {@code queue.Full} or {@code asyncio.QueueFull}. */
    protected abstract Class<? extends BaseException> fullError();

    /** {@code queue.ShutDown} or {@code asyncio.QueueShutDown}. */
    protected abstract Class<? extends BaseException> shutDownError();

    /** Long items in ascending order, to compare multisets whatever the retrieval order. */
    static List<Long> sorted(List<?> items) {
        return QueueKind.sorted(items);
    }

    /** A queue with maxsize 3 takes three items, then is full and refuses put_nowait, unchanged; a get makes room. */
    @Test
    @Checks("{kind}/maxsize-limits-items")
    public void maxsizeLimitsItems(Adapter adapter) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make(3);
            for (long i = 1; i <= 3; i++) {
                assertFalse(q.full(), "full() with " + (i - 1) + " of 3 items");
                q.putNowait(i * 10);
            }
            assertTrue(q.full(), "full() with 3 of 3 items");
            assertThrows(fullError(), () -> q.putNowait(40L));
            assertEquals(3L, q.qsize());
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                out.add(q.getNowait());
            }
            assertEquals(List.of(10L, 20L, 30L), sorted(out));
            assertFalse(q.full());
            q.putNowait(40L);
            assertEquals(1L, q.qsize());
        });
    }

    /** A queue with default, zero or negative maxsize takes far more items than any small bound and is never full. */
    @Test
    @Checks("{kind}/nonpositive-maxsize-unbounded")
    public void nonpositiveMaxsizeIsUnbounded(Adapter adapter) {
        withQueues(adapter, m -> {
            assertUnbounded(m.make(), "no maxsize");
            assertUnbounded(m.make(0), "maxsize 0");
            assertUnbounded(m.make(-1), "maxsize -1");
            assertUnbounded(m.make(Long.MIN_VALUE / 2), "maxsize -huge");
        });
    }

    private void assertUnbounded(SharedQueue q, String label) {
        int n = 256;
        for (long i = 0; i < n; i++) {
            if (i % 2 == 0) {
                q.putNowait(i);
            } else {
                q.put(i);
            }
        }
        assertFalse(q.full(), label + ": full() on an unbounded queue");
        assertEquals(n, q.qsize(), label + ": qsize()");
    }

    /** qsize() follows puts and gets one by one. */
    @Test
    @Checks("{queue}.qsize/counts-items")
    public void qsizeCountsItems(Adapter adapter) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            assertEquals(0L, q.qsize());
            for (long i = 1; i <= 5; i++) {
                q.put(i);
                assertEquals(i, q.qsize());
            }
            for (long i = 4; i >= 0; i--) {
                q.get();
                assertEquals(i, q.qsize());
            }
        });
    }

    /** empty() is True exactly when nothing is held. */
    @Test
    @Checks("{queue}.empty/no-items")
    public void emptyMeansNoItems(Adapter adapter) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make(2);
            assertTrue(q.empty());
            q.put(1L);
            assertFalse(q.empty());
            q.put(2L);
            assertFalse(q.empty());
            q.get();
            assertFalse(q.empty());
            q.get();
            assertTrue(q.empty());
        });
    }

    /** full() of a bounded queue is True exactly at maxsize items. */
    @Test
    @Checks("{queue}.full/maxsize-reached")
    public void fullMeansMaxsizeItems(Adapter adapter) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make(2);
            assertFalse(q.full());
            q.put(1L);
            assertFalse(q.full());
            q.put(2L);
            assertTrue(q.full());
            q.get();
            assertFalse(q.full());
            q.put(3L);
            assertTrue(q.full());
        });
    }

    /** get_nowait() returns an available item and raises Empty (QueueEmpty) at once on an empty queue. */
    @Test
    @Checks("{queue}.get_nowait/same-as-nonblocking-get")
    public void getNowait(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            assertThrows(emptyError(), q::getNowait);
            q.putNowait("x");
            assertEquals("x", q.getNowait());
            h.assertPrompt(h.time(() -> assertThrows(emptyError(), q::getNowait)));
            assertTrue(q.empty());
        });
    }

    /** put_nowait() adds while there is room and raises Full (QueueFull) at once on a full queue, adding nothing. */
    @Test
    @Checks("{queue}.put_nowait/same-as-nonblocking-put")
    public void putNowait(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make(2);
            q.putNowait(1L);
            q.putNowait(2L);
            h.assertPrompt(h.time(() -> assertThrows(fullError(), () -> q.putNowait(3L))));
            assertEquals(2L, q.qsize());
            assertEquals(List.of(1L, 2L), sorted(List.of(q.getNowait(), q.getNowait())));
            assertTrue(q.empty(), "the refused item must not have been added");
        });
    }

    /**
     * Property, for the binding classes' own {@code randomOperationsMatchModel} case (which also claims its class's
     * order): a seeded random mix of put_nowait and get_nowait on queues of random maxsize (0 for unbounded)
     * behaves like a model list: each get returns the item the class's order picks, or raises Empty exactly when
     * the model is empty; each put raises Full exactly when a bounded model is at maxsize; and qsize, empty and
     * full agree with the model after every call.
     */
    protected void assertMatchesModel(Adapter adapter, Harness h) {
        Random rnd = h.random();
        withQueues(adapter, m -> assertMatchesModel(m, rnd));
    }

    private void assertMatchesModel(Maker m, Random rnd) {
        QueueOrder order = order();
        for (int round = 0; round < 20; round++) {
            long maxsize = rnd.nextInt(6);
            SharedQueue q = m.make(maxsize);
            List<Long> held = new ArrayList<>();
            int ops = rnd.nextInt(60);
            for (int i = 0; i < ops; i++) {
                String at = order + " maxsize " + maxsize + ", round " + round + ", op " + i + ", holding " + held;
                if (rnd.nextInt(5) < 3) {
                    long v = rnd.nextInt(21) - 10L;
                    if (maxsize > 0 && held.size() == maxsize) {
                        assertThrows(fullError(), () -> q.putNowait(v), at);
                    } else {
                        q.putNowait(v);
                        held.add(v);
                    }
                } else if (held.isEmpty()) {
                    assertThrows(emptyError(), q::getNowait, at);
                } else {
                    Long want = held.remove(order.nextIndex(held));
                    assertEquals(want, q.getNowait(), at);
                }
                assertEquals(held.size(), q.qsize(), at + ": qsize");
                assertEquals(held.isEmpty(), q.empty(), at + ": empty");
                assertEquals(maxsize > 0 && held.size() == maxsize, q.full(), at + ": full");
            }
        }
    }

    /** join() returns without help on a new queue and on one whose every item was got and marked done. */
    @Test
    @Checks("{queue}.join/no-unfinished-returns-at-once")
    public void joinWithNothingUnfinishedReturnsAtOnce(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            h.assertPrompt(h.time(q::join));
            q.put(1L);
            q.put(2L);
            q.get();
            q.taskDone();
            q.get();
            q.taskDone();
            h.assertPrompt(h.time(q::join));
        });
    }

    /** task_done() on a new queue, or once more than items were put, raises ValueError without changing the count. */
    @Test
    @Checks("{queue}.task_done/too-many-raises-valueerror")
    public void tooManyTaskDoneRaisesValueError(Adapter adapter) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            assertThrows(ValueError.class, q::taskDone, "new queue");
            q.put(1L);
            q.put(2L);
            q.get();
            q.taskDone();
            q.get();
            q.taskDone();
            assertThrows(ValueError.class, q::taskDone, "third task_done after two puts");
            assertThrows(ValueError.class, q::taskDone, "and again");
            q.put(3L);
            q.taskDone(); // the failed calls did not push the count below zero
        });
    }

    /**
     * task_done() is counted against puts, not gets: it is accepted for items still queued, and once it has
     * been called for each, join returns though the items are still there.
     */
    @Test
    @Checks("{queue}.task_done/counted-against-puts")
    public void taskDoneCountedAgainstPuts(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            q.put(1L);
            q.put(2L);
            q.taskDone();
            q.taskDone();
            h.assertPrompt(h.time(q::join));
            assertEquals(2L, q.qsize());
            assertThrows(ValueError.class, q::taskDone);
            assertEquals(2L, q.qsize());
        });
    }

    /** After shutdown, put and put_nowait raise ShutDown, with room and on a full queue (not Full), adding nothing. */
    @Test
    @Checks("{queue}.put/after-shutdown-raises-shutdown")
    public void putAfterShutdownRaises(Adapter adapter) {
        withQueues(adapter, m -> {
            SharedQueue roomy = m.make(3);
            roomy.put(1L);
            roomy.shutdown(false);
            assertThrows(shutDownError(), () -> roomy.put(2L), "put");
            assertThrows(shutDownError(), () -> roomy.putNowait(2L), "put_nowait");
            assertEquals(1L, roomy.qsize(), "nothing added");

            SharedQueue full = m.make(1);
            full.put(1L);
            full.shutdown(false);
            assertThrows(shutDownError(), () -> full.putNowait(2L), "put_nowait on a full queue");
            assertThrows(shutDownError(), () -> full.put(2L), "put on a full queue");
            assertEquals(1L, full.qsize(), "nothing added");

            SharedQueue unbounded = m.make();
            unbounded.shutdown(true);
            assertThrows(shutDownError(), () -> unbounded.put(1L), "put after shutdown(immediate=True)");
            assertTrue(unbounded.empty());
        });
    }

    /** After a plain shutdown the queued items are still got, then get raises ShutDown, and again. */
    @Test
    @Checks("{queue}.get/shutdown-drains-then-raises")
    public void getDrainsThenRaises(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            q.put(2L);
            q.put(3L);
            q.put(1L);
            q.shutdown(false);
            assertEquals(3L, q.qsize(), "a plain shutdown keeps the items");
            List<Object> got = new ArrayList<>();
            got.add(q.get());
            got.add(q.getNowait());
            got.add(q.get());
            assertEquals(List.of(1L, 2L, 3L), sorted(got));
            h.assertPrompt(h.time(() -> assertThrows(shutDownError(), q::get)));
            assertThrows(shutDownError(), q::get, "and again");
        });
    }

    /** shutdown(immediate=True) drops the queued items, so the queue is empty and get raises ShutDown at once. */
    @Test
    @Checks("{queue}.shutdown/immediate-drops-items")
    public void immediateDropsItems(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            for (long i = 0; i < 5; i++) {
                q.put(i);
            }
            q.shutdown(true);
            assertEquals(0L, q.qsize());
            assertTrue(q.empty());
            h.assertPrompt(h.time(() -> assertThrows(shutDownError(), q::get)));
        });
    }

    /** Items dropped by shutdown(immediate=True) count as done: a later join returns without any task_done. */
    @Test
    @Checks("{queue}.shutdown/immediate-releases-join")
    public void immediateShutdownCountsDroppedItemsDone(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            q.put(1L);
            q.put(2L);
            q.shutdown(true);
            h.assertPrompt(h.time(q::join));
        });
    }

    /**
     * After shutdown(immediate=True), task_done is accepted once per item got before it, then raises
     * ValueError: the dropped items were already counted done.
     */
    @Test
    @Checks("{queue}.task_done/after-immediate-shutdown")
    public void taskDoneAfterImmediateShutdown(Adapter adapter, Harness h) {
        withQueues(adapter, m -> {
            SharedQueue q = m.make();
            q.put(1L);
            q.put(2L);
            q.put(3L);
            q.get();
            q.get();
            q.shutdown(true);
            q.taskDone();
            q.taskDone();
            assertThrows(ValueError.class, q::taskDone);
            h.assertPrompt(h.time(q::join));

            SharedQueue untouched = m.make();
            untouched.put(1L);
            untouched.put(2L);
            untouched.shutdown(true);
            assertThrows(ValueError.class, untouched::taskDone, "every item was dropped and counted done");
        });
    }
}
