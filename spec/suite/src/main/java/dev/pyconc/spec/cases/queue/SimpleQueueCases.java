package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Cases for {@code queue.SimpleQueue}. */
@PyCase
class SimpleQueueCases {

    /** Items come out of a SimpleQueue in insertion order, not in value order nor reversed. */
    @Test
    @Checks("queue.SimpleQueue/first-in-first-out")
    void firstInFirstOut(QueueModule queue) {
        SimpleQueue q = queue.simpleQueue();
        for (Long v : QueueCases.UNSORTED) {
            q.put(v);
        }
        assertEquals(30L, q.get());
        q.put(60L);
        List<Object> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.get());
        }
        assertEquals(List.of(10L, 40L, 20L, 50L, 60L), out);
    }

    /** put in every form returns promptly and never raises Full, however many items are held. */
    @Test
    @Checks("queue.SimpleQueue.put/never-blocks")
    void putNeverBlocks(QueueModule queue, Harness h) {
        SimpleQueue q = queue.simpleQueue();
        int n = 300;
        double took = h.time(() -> {
            for (long i = 0; i < n; i++) {
                switch ((int) (i % 3)) {
                    case 0 -> q.put(i);
                    case 1 -> q.put(i, false);
                    default -> q.put(i, true, Timing.LONG);
                }
            }
        });
        h.assertPrompt(took);
        assertEquals(n, q.qsize());
        for (long i = 0; i < n; i++) {
            assertEquals(i, q.get(false));
        }
    }

    /** SimpleQueue.put disregards block and timeout: negative and zero timeouts are accepted. */
    @Test
    @Checks("queue.SimpleQueue.put/ignores-block-and-timeout")
    void putIgnoresBlockAndTimeout(QueueModule queue) {
        SimpleQueue q = queue.simpleQueue();
        q.put(1L, true, -1.0);
        q.put(2L, false, -1.0);
        q.put(3L, true, 0.0);
        q.put(4L, false, null);
        q.put(5L, true, null);
        assertEquals(5L, q.qsize());
        for (long i = 1; i <= 5; i++) {
            assertEquals(i, q.get());
        }
    }

    /** put_nowait adds the item like put, in order, without ever failing. */
    @Test
    @Checks("queue.SimpleQueue.put_nowait/same-as-put")
    void putNowait(QueueModule queue) {
        SimpleQueue q = queue.simpleQueue();
        for (long i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        q.put(100L);
        assertEquals(101L, q.qsize());
        for (long i = 0; i <= 100; i++) {
            assertEquals(i, q.getNowait());
        }
    }

    /** get(False) returns an available item or raises Empty at once, disregarding a long or negative timeout. */
    @Test
    @Checks("queue.SimpleQueue.get/nonblocking")
    void nonblockingGet(QueueModule queue, Harness h) {
        SimpleQueue q = queue.simpleQueue();
        assertThrows(Empty.class, () -> q.get(false));
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, () -> q.get(false, Timing.LONG))));
        assertThrows(Empty.class, () -> q.get(false, -1.0), "negative timeout with block=False");
        q.put("a");
        q.put("b");
        assertEquals("a", q.get(false));
        assertEquals("b", q.get(false, -1.0));
        assertTrue(q.empty());
    }

    /** get_nowait() returns an available item or raises Empty at once. */
    @Test
    @Checks("queue.SimpleQueue.get_nowait/same-as-nonblocking-get")
    void getNowait(QueueModule queue, Harness h) {
        SimpleQueue q = queue.simpleQueue();
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, q::getNowait)));
        q.put(null);
        assertEquals(null, q.getNowait(), "None is an item like any other");
        assertThrows(Empty.class, q::getNowait);
    }

    /** A timed get on an empty SimpleQueue raises Empty, no earlier than its timeout. */
    @Test
    @Checks("queue.SimpleQueue.get/timeout-expires-raises-empty")
    void timedGetTimesOut(QueueModule queue, Harness h) {
        SimpleQueue q = queue.simpleQueue();
        long t0 = h.now();
        assertThrows(Empty.class, () -> q.get(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
    }

    private static void assertGetWaitsForPut(Harness h, SimpleQueue q, Function<SimpleQueue, Object> get) {
        AtomicReference<Object> got = new AtomicReference<>(BlockingCases.NONE);
        Thread getter = h.start("getter", () -> got.set(get.apply(q)));
        try {
            h.awaitBlocked(getter);
            assertSame(BlockingCases.NONE, got.get(), "get returned before anything was put");
            assertEquals(0L, q.qsize());
        } finally {
            q.put("item"); // what the getter waits for; also releases it if an assertion failed
        }
        h.join(getter);
        assertEquals("item", got.get());
        assertTrue(q.empty());
    }

    /** get() on an empty SimpleQueue waits for another thread's put and returns its item. */
    @Test
    @Checks("queue.SimpleQueue.get/blocks-until-item")
    void getBlocksUntilItem(QueueModule queue, Harness h) {
        assertGetWaitsForPut(h, queue.simpleQueue(), SimpleQueue::get);
    }

    /** get(True, None) and a timed get on an empty SimpleQueue also return the item another thread puts. */
    @Test
    @Checks("queue.SimpleQueue.get/blocks-until-item")
    void explicitAndTimedGetBlockUntilItem(QueueModule queue, Harness h) {
        assertGetWaitsForPut(h, queue.simpleQueue(), q -> q.get(true, null));
        assertGetWaitsForPut(h, queue.simpleQueue(), q -> q.get(true, Timing.LONG));
    }

    /** A blocking get with a negative timeout raises ValueError, whether or not an item is there. */
    @Test
    @Checks("queue.SimpleQueue.get/negative-timeout-raises-valueerror")
    void negativeTimeoutRaisesValueError(QueueModule queue) {
        SimpleQueue q = queue.simpleQueue();
        assertThrows(ValueError.class, () -> q.get(true, -1.0), "empty");
        q.put(1L);
        assertThrows(ValueError.class, () -> q.get(true, -0.5), "with an item");
        assertEquals(1L, q.qsize(), "the item stays queued");
    }

    /** qsize() follows puts and gets; empty() is True exactly at zero items. */
    @Test
    @Checks("queue.SimpleQueue.qsize/counts-items")
    void qsizeCountsItems(QueueModule queue) {
        SimpleQueue q = queue.simpleQueue();
        assertEquals(0L, q.qsize());
        assertTrue(q.empty());
        for (long i = 1; i <= 4; i++) {
            q.put(i);
            assertEquals(i, q.qsize());
            assertFalse(q.empty());
        }
        for (long i = 3; i >= 0; i--) {
            q.get();
            assertEquals(i, q.qsize());
            assertEquals(i == 0, q.empty());
        }
    }

    /**
     * A SimpleQueue has none of task_done, join, shutdown, full and maxsize, which a Queue has (shutdown from
     * 3.13), while both have put and get.
     */
    @Test
    @Checks("queue.SimpleQueue/no-task-tracking")
    void noTaskTracking(Adapter adapter, QueueModule queue) {
        Builtins b = adapter.builtins();
        SimpleQueue sq = queue.simpleQueue();
        for (String name : List.of("task_done", "join", "shutdown", "full", "maxsize")) {
            assertFalse(b.hasattr(sq, name), "SimpleQueue has " + name);
        }
        for (String name : List.of("task_done", "join", "full", "maxsize")) {
            assertTrue(b.hasattr(queue.queue(), name), "Queue has no " + name);
        }
        assertTrue(b.hasattr(sq, "put") && b.hasattr(sq, "get"), "SimpleQueue lacks put or get");
    }
}
