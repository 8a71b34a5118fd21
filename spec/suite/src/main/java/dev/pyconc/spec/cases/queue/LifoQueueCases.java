package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases for {@code queue.LifoQueue} order, with the queue contract bound to it ({@link QueueContract}). */
@PyCase
@Binding(name = "kind", api = "queue.LifoQueue")
class LifoQueueCases extends QueueModuleContract {

    @Override
    Queue make(QueueModule m) {
        return m.lifoQueue();
    }

    @Override
    Queue make(QueueModule m, long maxsize) {
        return m.lifoQueue(maxsize);
    }

    @Override
    protected QueueOrder order() {
        return QueueOrder.LIFO;
    }


    /** Items come out of a LifoQueue in reverse insertion order, not in value order. */
    @Test
    @Checks("queue.LifoQueue/last-in-first-out")
    void lastInFirstOut(QueueModule queue) {
        Queue q = queue.lifoQueue();
        for (Long v : QueueCases.UNSORTED) {
            q.put(v);
        }
        List<Object> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.get());
        }
        List<Long> expected = new ArrayList<>(QueueCases.UNSORTED);
        java.util.Collections.reverse(expected);
        assertEquals(expected, out);
    }

    /** Interleaved puts and gets on a LifoQueue: each get returns the newest item still held. */
    @Test
    @Checks("queue.LifoQueue/last-in-first-out")
    void lastInFirstOutInterleaved(QueueModule queue) {
        Queue q = queue.lifoQueue(3);
        q.put("a");
        q.put("b");
        assertEquals("b", q.get());
        q.put("c");
        q.put("d");
        assertEquals("d", q.get());
        assertEquals("c", q.get());
        q.put("e");
        assertEquals("e", q.get());
        assertEquals("a", q.get());
        assertTrue(q.empty());
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on LifoQueues of random maxsize behaves like
     * a model list taken newest first, including Full, Empty and the size queries.
     */
    @Test
    @Checks({"queue.LifoQueue/last-in-first-out",
            "queue.Queue.put_nowait/same-as-nonblocking-put", "queue.Queue.get_nowait/same-as-nonblocking-get",
            "queue.Queue.qsize/counts-items", "queue.Queue.empty/no-items", "queue.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(Adapter adapter, Harness h) {
        assertMatchesModel(adapter, h);
    }
}
