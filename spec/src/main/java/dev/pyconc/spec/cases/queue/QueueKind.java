package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
