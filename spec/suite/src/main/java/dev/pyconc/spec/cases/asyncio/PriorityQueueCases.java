package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.queue.QueueOrder;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Queue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.PriorityQueue}: the queue contract bound to it and its lowest-first order. */
@PyCase
@Binding(name = "kind", api = "asyncio.PriorityQueue")
class PriorityQueueCases extends AsyncioQueueContract {

    @Override
    Queue make(AsyncioModule m) {
        return m.priorityQueue();
    }

    @Override
    Queue make(AsyncioModule m, long maxsize) {
        return m.priorityQueue(maxsize);
    }

    @Override
    protected QueueOrder order() {
        return QueueOrder.PRIORITY;
    }

    /** Fixed unsorted values, added with awaited puts, come out of a PriorityQueue in ascending order. */
    @Test
    @Checks("asyncio.PriorityQueue/lowest-first")
    void lowestFirst(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.priorityQueue();
            for (Long v : QueueCases.UNSORTED) {
                Aio.bounded(co, q.put(v), "put");
            }
            List<Object> out = new ArrayList<>();
            while (!q.empty()) {
                out.add(Aio.bounded(co, q.get(), "get"));
            }
            assertEquals(List.of(10L, 20L, 30L, 40L, 50L), out);
            return null;
        });
    }

    /** (priority, data) tuples come out by priority, ties broken by the data, and come back as tuples. */
    @Test
    @Checks("asyncio.PriorityQueue/priority-data-tuples")
    void priorityDataTuples(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.priorityQueue();
            q.putNowait(PyTuple.of(2L, "b"));
            q.putNowait(PyTuple.of(1L, "z"));
            q.putNowait(PyTuple.of(3L, "a"));
            q.putNowait(PyTuple.of(1L, "a"));
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                out.add(q.getNowait());
            }
            assertEquals(List.of(PyTuple.of(1L, "a"), PyTuple.of(1L, "z"), PyTuple.of(2L, "b"), PyTuple.of(3L, "a")),
                    out);
            for (Object o : out) {
                assertTrue(o instanceof PyTuple, "a tuple put comes out as a tuple: " + o + " (" + o.getClass() + ")");
            }
            return null;
        });
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on PriorityQueues of random maxsize behaves
     * like a model list taken smallest first, including QueueFull, QueueEmpty and the size queries.
     */
    @Test
    @Checks({"asyncio.PriorityQueue/lowest-first",
            "asyncio.Queue.put_nowait/same-as-nonblocking-put", "asyncio.Queue.get_nowait/same-as-nonblocking-get",
            "asyncio.Queue.qsize/counts-items", "asyncio.Queue.empty/no-items", "asyncio.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(Adapter adapter, Harness h) {
        assertMatchesModel(adapter, h);
    }
}
