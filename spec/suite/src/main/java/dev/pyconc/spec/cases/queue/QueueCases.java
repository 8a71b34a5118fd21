package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.pyconc.spec.harness.PyCase;

/**
 * Cases for {@code queue.Queue}: the queue contract bound to it ({@link QueueContract}: maxsize, the size queries,
 * the nowait forms, task counting, shutdown's immediate effects) and its first-in-first-out order.
 */
@PyCase
@Binding(name = "kind", api = "queue.Queue")
class QueueCases extends QueueModuleContract {
    @Override
    Queue make(QueueModule m) {
        return m.queue();
    }

    @Override
    Queue make(QueueModule m, long maxsize) {
        return m.queue(maxsize);
    }

    @Override
    protected QueueOrder order() {
        return QueueOrder.FIFO;
    }

    /** Values whose FIFO, LIFO and sorted orders all differ. */
    static final List<Long> UNSORTED = List.of(30L, 10L, 40L, 20L, 50L);

    /** Items come out of a Queue in insertion order, not in value order nor reversed. */
    @Test
    @Checks("queue.Queue/first-in-first-out")
    void firstInFirstOut(QueueModule queue) {
        Queue q = queue.queue();
        for (Long v : UNSORTED) {
            q.put(v);
        }
        List<Object> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.get());
        }
        assertEquals(UNSORTED, out);
    }

    /** Interleaved puts and gets on a Queue: each get returns the oldest item still held. */
    @Test
    @Checks("queue.Queue/first-in-first-out")
    void firstInFirstOutInterleaved(QueueModule queue) {
        Queue q = queue.queue(3);
        q.put("a");
        q.put("b");
        assertEquals("a", q.get());
        q.put("c");
        q.put("d");
        assertEquals("b", q.get());
        assertEquals("c", q.get());
        q.put("e");
        assertEquals("d", q.get());
        assertEquals("e", q.get());
        assertTrue(q.empty());
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on Queues of random maxsize behaves like
     * a model list taken in insertion order, including Full, Empty and the size queries.
     */
    @Test
    @Checks({"queue.Queue/first-in-first-out",
            "queue.Queue.put_nowait/same-as-nonblocking-put", "queue.Queue.get_nowait/same-as-nonblocking-get",
            "queue.Queue.qsize/counts-items", "queue.Queue.empty/no-items", "queue.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(Adapter adapter, Harness h) {
        assertMatchesModel(adapter, h);
    }
}
