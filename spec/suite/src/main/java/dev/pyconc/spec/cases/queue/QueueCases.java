package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.pyconc.spec.harness.PyCase;

/** Cases for {@code queue.Queue} construction and order, and the size queries of every Queue object. */
@PyCase
class QueueCases {
    /** Values whose FIFO, LIFO and sorted orders all differ. */
    static final List<Long> UNSORTED = List.of(30L, 10L, 40L, 20L, 50L);

    /** A Queue with maxsize 3 takes three items, then is full and refuses a non-blocking put. */
    @Test
    @Checks("queue.Queue/maxsize-limits-items")
    void maxsizeLimitsItems(QueueModule queue) {
        QueueKind.assertHoldsAtMostThree(queue.queue(3));
    }

    /** A Queue with default, zero or negative maxsize is never full. */
    @Test
    @Checks("queue.Queue/nonpositive-maxsize-unbounded")
    void nonpositiveMaxsizeIsUnbounded(QueueModule queue) {
        QueueKind.assertUnbounded(queue.queue(), "Queue()");
        QueueKind.assertUnbounded(queue.queue(0), "Queue(0)");
        QueueKind.assertUnbounded(queue.queue(-1), "Queue(-1)");
        QueueKind.assertUnbounded(queue.queue(Long.MIN_VALUE / 2), "Queue(-huge)");
    }

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

    /** qsize() follows puts and gets one by one on every queue type. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.qsize/counts-items")
    void qsizeCountsItems(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue);
        assertEquals(0L, q.qsize());
        for (long i = 1; i <= 5; i++) {
            q.put(i);
            assertEquals(i, q.qsize());
        }
        for (long i = 4; i >= 0; i--) {
            q.get();
            assertEquals(i, q.qsize());
        }
    }

    /** empty() is True exactly when nothing is held, on every queue type. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.empty/no-items")
    void emptyMeansNoItems(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue, 2);
        assertTrue(q.empty());
        q.put(1L);
        assertFalse(q.empty());
        q.put(2L);
        assertFalse(q.empty());
        q.get();
        assertFalse(q.empty());
        q.get();
        assertTrue(q.empty());
    }

    /** full() of a bounded queue is True exactly at maxsize items, on every queue type. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.full/maxsize-reached")
    void fullMeansMaxsizeItems(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue, 2);
        assertFalse(q.full());
        q.put(1L);
        assertFalse(q.full());
        q.put(2L);
        assertTrue(q.full());
        q.get();
        assertFalse(q.full());
        q.put(3L);
        assertTrue(q.full());
    }

    /**
     * Property: any seeded random mix of put_nowait and get_nowait on Queues of random maxsize behaves like
     * a model list taken in insertion order, including Full, Empty and the size queries.
     */
    @Test
    @Checks({"queue.Queue/first-in-first-out",
            "queue.Queue.put_nowait/same-as-nonblocking-put", "queue.Queue.get_nowait/same-as-nonblocking-get",
            "queue.Queue.qsize/counts-items", "queue.Queue.empty/no-items", "queue.Queue.full/maxsize-reached"})
    void randomOperationsMatchModel(QueueModule queue, Harness h) {
        QueueKind.FIFO.assertMatchesModel(queue, h);
    }
}
