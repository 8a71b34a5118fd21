package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The three "Queue objects" of the docs, for cases that hold for each of them. */
enum QueueKind {
    /** {@code queue.Queue}. */
    FIFO {
        @Override
        Queue make(QueueModule m) {
            return m.queue();
        }

        @Override
        Queue make(QueueModule m, long maxsize) {
            return m.queue(maxsize);
        }
    },
    /** {@code queue.LifoQueue}. */
    LIFO {
        @Override
        Queue make(QueueModule m) {
            return m.lifoQueue();
        }

        @Override
        Queue make(QueueModule m, long maxsize) {
            return m.lifoQueue(maxsize);
        }
    },
    /** {@code queue.PriorityQueue}. */
    PRIORITY {
        @Override
        Queue make(QueueModule m) {
            return m.priorityQueue();
        }

        @Override
        Queue make(QueueModule m, long maxsize) {
            return m.priorityQueue(maxsize);
        }
    };

    /** Where the item a get must return is in {@code held} (insertion order) under this kind's order. */
    int nextIndex(List<Long> held) {
        return switch (this) {
            case FIFO -> 0;
            case LIFO -> held.size() - 1;
            case PRIORITY -> held.indexOf(Collections.min(held));
        };
    }

    /**
     * Property: a seeded random sequence of put_nowait/get_nowait calls on queues of this kind (random maxsize,
     * 0 for unbounded) behaves like a model list: every get returns the item at {@link #nextIndex} or raises Empty exactly when
     * the model is empty, every put raises Full exactly when a bounded model is at maxsize, and qsize, empty and
     * full agree with the model after each call.
     */
    void assertMatchesModel(QueueModule m, Harness h) {
        Random rnd = h.random();
        for (int round = 0; round < 20; round++) {
            long maxsize = rnd.nextInt(6);
            Queue q = make(m, maxsize);
            List<Long> held = new ArrayList<>();
            int ops = rnd.nextInt(60);
            for (int i = 0; i < ops; i++) {
                String at = this + " maxsize " + maxsize + ", round " + round + ", op " + i + ", holding " + held;
                if (rnd.nextInt(5) < 3) {
                    long v = rnd.nextInt(21) - 10L;
                    if (maxsize > 0 && held.size() == maxsize) {
                        assertThrows(Full.class, () -> q.putNowait(v), at);
                    } else {
                        q.putNowait(v);
                        held.add(v);
                    }
                } else if (held.isEmpty()) {
                    assertThrows(Empty.class, q::getNowait, at);
                } else {
                    Long want = held.remove(nextIndex(held));
                    assertEquals(want, q.getNowait(), at);
                }
                assertEquals(held.size(), q.qsize(), at + ": qsize");
                assertEquals(held.isEmpty(), q.empty(), at + ": empty");
                assertEquals(maxsize > 0 && held.size() == maxsize, q.full(), at + ": full");
            }
        }
    }

    /** The constructor with its default maxsize (0: unbounded). */
    abstract Queue make(QueueModule m);

    /** The constructor with a maxsize. */
    abstract Queue make(QueueModule m, long maxsize);

    /** Long items in ascending order, to compare multisets whatever the retrieval order. */
    static List<Long> sorted(List<?> items) {
        List<Long> out = new ArrayList<>();
        for (Object o : items) {
            out.add((Long) o);
        }
        Collections.sort(out);
        return out;
    }

    /**
     * Checks that {@code q}, built with maxsize 3, takes three items and then refuses a fourth without
     * changing; the items then come back out (in some order) and it has room again.
     */
    static void assertHoldsAtMostThree(Queue q) {
        for (long i = 1; i <= 3; i++) {
            assertFalse(q.full(), "full() with " + (i - 1) + " of 3 items");
            q.putNowait(i * 10);
        }
        assertTrue(q.full(), "full() with 3 of 3 items");
        assertThrows(Full.class, () -> q.putNowait(40L));
        assertThrows(Full.class, () -> q.put(40L, false));
        assertEquals(3L, q.qsize());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(q.getNowait());
        }
        assertEquals(List.of(10L, 20L, 30L), sorted(out));
        assertFalse(q.full());
        q.putNowait(40L);
        assertEquals(1L, q.qsize());
    }

    /** Checks that {@code q} takes far more items than any small bound without Full, and never reports full. */
    static void assertUnbounded(Queue q, String label) {
        int n = 256;
        for (long i = 0; i < n; i++) {
            if (i % 2 == 0) {
                q.putNowait(i);
            } else {
                q.put(i, false);
            }
        }
        assertFalse(q.full(), label + ": full() on an unbounded queue");
        assertEquals(n, q.qsize(), label + ": qsize()");
    }
}
