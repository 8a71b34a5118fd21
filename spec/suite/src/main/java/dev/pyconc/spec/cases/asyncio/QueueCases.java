package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.queue.QueueOrder;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.QueueFull;
import dev.pyconc.spi.exceptions.QueueShutDown;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code asyncio.Queue}: the queue contract bound to it ({@link dev.pyconc.spec.cases.queue.QueueContract}:
 * maxsize, the size queries, the nowait forms, task counting, shutdown's immediate effects), its first-in-first-out
 * order, the maxsize attribute, the exact qsize and asyncio's own exception classes.
 */
@PyCase
@Binding(name = "kind", api = "asyncio.Queue")
class QueueCases extends AsyncioQueueContract {
    /** Values whose FIFO, LIFO and sorted orders all differ. */
    static final List<Long> UNSORTED = List.of(30L, 10L, 40L, 20L, 50L);

    @Override
    Queue make(AsyncioModule m) {
        return m.queue();
    }

    @Override
    Queue make(AsyncioModule m, long maxsize) {
        return m.queue(maxsize);
    }

    @Override
    protected QueueOrder order() {
        return QueueOrder.FIFO;
    }

    /** Items added with awaited puts come out of a Queue in insertion order, not in value order nor reversed. */
    @Test
    @Checks("asyncio.Queue/first-in-first-out")
    void firstInFirstOut(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            for (Long v : UNSORTED) {
                Aio.bounded(co, q.put(v), "put");
            }
            List<Object> out = new ArrayList<>();
            while (!q.empty()) {
                out.add(Aio.bounded(co, q.get(), "get"));
            }
            assertEquals(UNSORTED, out);
            return null;
        });
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on Queues of random maxsize behaves like a model
     * list taken in insertion order, including QueueFull, QueueEmpty and the size queries.
     */
    @Test
    @Checks({"asyncio.Queue/first-in-first-out",
            "asyncio.Queue.put_nowait/same-as-nonblocking-put", "asyncio.Queue.get_nowait/same-as-nonblocking-get",
            "asyncio.Queue.qsize/counts-items", "asyncio.Queue.empty/no-items", "asyncio.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(Adapter adapter, Harness h) {
        assertMatchesModel(adapter, h);
    }

    /** maxsize gives the bound the queue was made with, 0 by default, for every class and whatever it holds. */
    @Test
    @Checks("asyncio.Queue.maxsize/reports-bound")
    void maxsizeReportsBound(AsyncioModule m) {
        m.run(co -> {
            assertEquals(0L, m.queue().maxsize());
            assertEquals(0L, m.lifoQueue().maxsize());
            assertEquals(0L, m.priorityQueue().maxsize());
            Queue q = m.queue(5);
            assertEquals(5L, q.maxsize());
            q.putNowait(1L);
            q.putNowait(2L);
            assertEquals(5L, q.maxsize(), "the bound, not the room left");
            assertEquals(2L, m.lifoQueue(2).maxsize());
            assertEquals(3L, m.priorityQueue(3).maxsize());
            return null;
        });
    }

    /**
     * A Queue made while no loop runs is used by the tasks of a loop started later: a task waits in get until
     * the main task puts.
     */
    @Test
    @Checks("asyncio.Queue/created-outside-loop")
    void createdOutsideLoop(AsyncioModule m) {
        Queue q = m.queue(1);
        m.run(co -> {
            Task<Object> getter = co.createTask(c -> c.await(q.get()));
            Aio.steps(co, 3);
            Aio.assertPending(getter);
            q.putNowait("x");
            assertEquals("x", Aio.bounded(co, getter, "getter"));
            Aio.bounded(co, q.put("y"), "put with room");
            assertTrue(q.full());
            return null;
        });
    }

    /**
     * With producer tasks adding items between the main task's awaits, the qsize() the main task reads is exact:
     * exactly that many get_nowait calls succeed before QueueEmpty.
     */
    @Test
    @Checks("asyncio.Queue.qsize/exact-between-awaits")
    void qsizeIsExactBetweenAwaits(AsyncioModule m, Harness h) {
        Random rnd = h.random();
        m.run(co -> {
            Queue q = m.queue();
            List<Task<Object>> producers = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                long base = p * 1000L;
                producers.add(co.createTask(c -> {
                    for (long i = 0; ; i++) {
                        q.putNowait(base + i);
                        c.sleep(0);
                    }
                }));
            }
            try {
                for (int round = 0; round < 30; round++) {
                    Aio.steps(co, 1 + rnd.nextInt(4));
                    long n = q.qsize();
                    for (long i = 0; i < n; i++) {
                        q.getNowait();
                    }
                    final int r = round;
                    assertThrows(QueueEmpty.class, q::getNowait, () -> "round " + r + ": more than qsize() = " + n);
                }
            } finally {
                for (Task<Object> t : producers) {
                    t.cancel();
                }
            }
            co.gather(producers, true);
            return null;
        });
    }

    /**
     * get_nowait on an empty queue and put_nowait on a full one raise asyncio's own QueueEmpty and QueueFull; an
     * adapter that raised the queue module's Empty or Full would not match.
     */
    @Test
    @Checks({"asyncio.QueueEmpty/asyncio-own-class", "asyncio.QueueFull/asyncio-own-class"})
    void emptyAndFullAreAsyncioOwn(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue(1);
            assertThrows(QueueEmpty.class, q::getNowait);
            q.putNowait(1L);
            assertThrows(QueueFull.class, () -> q.putNowait(2L));
            return null;
        });
    }

    /**
     * put and get on a shut-down queue raise asyncio's own QueueShutDown; an adapter that raised the queue
     * module's ShutDown would not match.
     */
    @Test
    @Checks("asyncio.QueueShutDown/asyncio-own-class")
    void shutDownIsAsyncioOwn(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue(1);
            q.putNowait(1L);
            q.shutdown(false);
            assertThrows(QueueShutDown.class, () -> Aio.bounded(co, q.put(2L), "put"));
            assertEquals(1L, Aio.bounded(co, q.get(), "get"));
            assertThrows(QueueShutDown.class, () -> Aio.bounded(co, q.get(), "get"));
            return null;
        });
    }
}
