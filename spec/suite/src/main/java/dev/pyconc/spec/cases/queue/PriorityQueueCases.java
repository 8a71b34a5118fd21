package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cases for {@code queue.PriorityQueue} order, with the queue contract bound to it ({@link QueueContract}). */
@PyCase
@Binding(name = "kind", api = "queue.PriorityQueue")
class PriorityQueueCases extends QueueModuleContract {

    @Override
    Queue make(QueueModule m) {
        return m.priorityQueue();
    }

    @Override
    Queue make(QueueModule m, long maxsize) {
        return m.priorityQueue(maxsize);
    }

    @Override
    protected QueueOrder order() {
        return QueueOrder.PRIORITY;
    }


    /** Fixed unsorted values come out of a PriorityQueue in ascending order. */
    @Test
    @Checks("queue.PriorityQueue/lowest-first")
    void lowestFirst(QueueModule queue) {
        Queue q = queue.priorityQueue();
        for (Long v : QueueCases.UNSORTED) {
            q.put(v);
        }
        List<Object> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.get());
        }
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L), out);
    }

    /**
     * Property: for a seeded random sequence of puts (of a multiset with repeats and negatives) and gets, every
     * get returns the minimum of what is held, and the rest drains in ascending order.
     */
    @Test
    @Checks("queue.PriorityQueue/lowest-first")
    void anyMultisetDrainsSorted(QueueModule queue, Harness h) {
        Random rnd = h.random();
        for (int round = 0; round < 20; round++) {
            Queue q = queue.priorityQueue();
            List<Long> held = new ArrayList<>(); // the model: what the queue should hold
            int ops = rnd.nextInt(60);
            for (int i = 0; i < ops; i++) {
                if (held.isEmpty() || rnd.nextInt(3) > 0) {
                    long v = rnd.nextInt(41) - 20L;
                    q.put(v);
                    held.add(v);
                } else {
                    Long min = Collections.min(held);
                    assertEquals(min, q.get(), "round " + round + " op " + i + ": get with " + held + " held");
                    held.remove(min);
                }
            }
            Collections.sort(held);
            List<Object> rest = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                rest.add(q.get(false));
            }
            assertEquals(held, rest, "round " + round + ": drain");
            assertTrue(q.empty(), "round " + round + ": empty after draining");
        }
    }

    /**
     * (priority, data) tuples come out by priority, ties broken by the data; they come back as tuples. Tuples
     * and lists are not mixed in one queue (Python cannot order a tuple against a list).
     */
    @Test
    @Checks("queue.PriorityQueue/priority-data-tuples")
    void priorityDataTuples(QueueModule queue) {
        Queue q = queue.priorityQueue();
        q.put(PyTuple.of(2L, "b"));
        q.put(PyTuple.of(1L, "z"));
        q.put(PyTuple.of(3L, "a"));
        q.put(PyTuple.of(1L, "a"));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(q.get());
        }
        assertEquals(List.of(PyTuple.of(1L, "a"), PyTuple.of(1L, "z"), PyTuple.of(2L, "b"), PyTuple.of(3L, "a")), out);
        for (Object o : out) {
            assertTrue(o instanceof PyTuple, "a tuple put comes out as a tuple: " + o + " (" + o.getClass() + ")");
        }
    }

    /** Items that cannot be ordered with {@code <} make the PriorityQueue raise TypeError. */
    @Test
    @Checks("queue.PriorityQueue/incomparable-items-raise-typeerror")
    void incomparableItemsRaiseTypeError(QueueModule queue) {
        Queue ints = queue.priorityQueue();
        assertThrows(TypeError.class, () -> {
            ints.put(1L);
            ints.put("one");
            ints.get();
            ints.get();
        }, "an int and a str");
        Queue dicts = queue.priorityQueue();
        assertThrows(TypeError.class, () -> {
            dicts.put(PyTuple.of(1L, Map.of("a", 1L)));
            dicts.put(PyTuple.of(1L, Map.of("b", 2L)));
            dicts.get();
            dicts.get();
        }, "equal priorities with dict data");
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on PriorityQueues of random maxsize behaves like
     * a model list taken smallest first, including Full, Empty and the size queries.
     */
    @Test
    @Checks({"queue.PriorityQueue/lowest-first",
            "queue.Queue.put_nowait/same-as-nonblocking-put", "queue.Queue.get_nowait/same-as-nonblocking-get",
            "queue.Queue.qsize/counts-items", "queue.Queue.empty/no-items", "queue.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(Adapter adapter, Harness h) {
        assertMatchesModel(adapter, h);
    }
}
