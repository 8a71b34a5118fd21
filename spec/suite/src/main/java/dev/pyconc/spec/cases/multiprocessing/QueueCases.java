package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.PipeCases.closeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.Queue}: order, bounds, blocking and non-blocking put and get, close and the
 * feeder thread, and items crossing processes. Same-process behaviour is checked with threads; children are
 * started where the behaviour is about processes.
 */
@PyCase
class QueueCases {
    /** An item larger than any pipe buffer, so that the feeder thread cannot write it until somebody reads. */
    static PyBytes bigItem(Harness h) {
        byte[] b = new byte[1 << 20];
        h.random().nextBytes(b);
        return PyBytes.of(b);
    }

    /** Gets an item without blocking, or null (as a poll condition: whether an item could be got). */
    private static boolean tryGetNowait(Queue q, AtomicReference<Object> into) {
        try {
            into.set(q.getNowait());
            return true;
        } catch (Empty e) {
            return false;
        }
    }

    // --- order and processes ------------------------------------------------------------------------------

    /** Items come out of a Queue in the order they were put, not in value order. */
    @Test
    @Checks("multiprocessing.Queue/fifo")
    void fifo(MultiprocessingModule mp) {
        Queue q = mp.queue();
        List<Object> in = List.of(30L, 10L, 40L, 20L, 50L);
        for (Object v : in) {
            q.put(v);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(Procs.next(q));
        }
        assertEquals(in, out);
    }

    /**
     * Two child processes and two threads put on one Queue while a child process and the main thread get from it
     * at the same time: every item put is got exactly once.
     */
    @Test
    @Checks("multiprocessing.Queue/process-and-thread-safe")
    void processAndThreadSafe(MultiprocessingModule mp, Harness h) {
        int k = 25;
        int relayed = 40;
        Queue q = mp.queue();
        Queue out = mp.queue();
        List<Object> expected = new ArrayList<>();
        try (Procs procs = new Procs()) {
            List<PyProcess> children = new ArrayList<>();
            for (String producer : List.of("c0", "c1")) {
                List<Object> args = new ArrayList<>();
                args.add(q);
                for (long i = 0; i < k; i++) {
                    args.add(PyTuple.of(producer, i));
                    expected.add(PyTuple.of(producer, i));
                }
                children.add(procs.start(mp, mp, Routine.PUT, args.toArray()));
            }
            children.add(procs.start(mp, mp, Routine.RELAY, q, out, (long) relayed));
            List<Thread> threads = new ArrayList<>();
            for (String producer : List.of("t0", "t1")) {
                for (long i = 0; i < k; i++) {
                    expected.add(PyTuple.of(producer, i));
                }
                threads.add(h.start("producer-" + producer, () -> {
                    for (long i = 0; i < k; i++) {
                        q.put(PyTuple.of(producer, i));
                    }
                }));
            }
            List<Object> got = new ArrayList<>();
            for (int i = 0; i < expected.size() - relayed; i++) {
                got.add(Procs.next(q));
            }
            for (int i = 0; i < relayed; i++) {
                got.add(Procs.next(out));
            }
            for (Thread t : threads) {
                h.join(t);
            }
            for (PyProcess p : children) {
                assertEquals(0L, Procs.joined(p));
            }
            assertEquals(counts(expected), counts(got), "items got, with their counts");
        }
    }

    private static Map<Object, Integer> counts(List<Object> items) {
        Map<Object, Integer> m = new HashMap<>();
        for (Object o : items) {
            m.merge(o, 1, Integer::sum);
        }
        return m;
    }

    /** A value of every plain type put in this process, got by a child and sent back through a pipe, is equal to the one put. */
    @Test
    @Checks("multiprocessing.Queue/items-pickled")
    void itemsPickledAcrossProcesses(MultiprocessingModule mp) {
        List<Object> values = PlainValues.all();
        Queue q = mp.queue();
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            for (Object v : values) {
                q.put(v);
            }
            PyProcess p = procs.start(mp, mp, Routine.RELAY, q, ends.get(1), (long) values.size());
            for (Object v : values) {
                assertEquals(v, Procs.next(ends.get(0)));
            }
            assertEquals(0L, Procs.joined(p));
        } finally {
            closeAll(ends);
        }
    }

    /** Two child processes each put a numbered run of items on one Queue: each producer's items arrive in the order it put them. */
    @Test
    @Checks("multiprocessing.Queue/one-producer-order-kept")
    void oneProducerOrderKept(MultiprocessingModule mp) {
        int k = 30;
        Queue q = mp.queue();
        try (Procs procs = new Procs()) {
            List<PyProcess> children = new ArrayList<>();
            for (String producer : List.of("p0", "p1")) {
                List<Object> args = new ArrayList<>();
                args.add(q);
                for (long i = 0; i < k; i++) {
                    args.add(PyTuple.of(producer, i));
                }
                children.add(procs.start(mp, mp, Routine.PUT, args.toArray()));
            }
            Map<Object, Long> nextOf = new HashMap<>(Map.of("p0", 0L, "p1", 0L));
            for (int i = 0; i < 2 * k; i++) {
                List<?> item = (List<?>) Procs.next(q);
                Object producer = item.get(0);
                assertEquals(nextOf.get(producer), item.get(1), "next item of " + producer);
                nextOf.put(producer, (Long) item.get(1) + 1);
            }
            for (PyProcess p : children) {
                assertEquals(0L, Procs.joined(p));
            }
        }
    }

    /**
     * A child that put an item too big for the pipe does not end while nobody has got it, and ends once the
     * item is got.
     */
    @Test
    @Checks("multiprocessing.Queue/producer-exit-waits-for-flush")
    void producerExitWaitsForFlush(MultiprocessingModule mp, Harness h) {
        PyBytes big = bigItem(h);
        Queue q = mp.queue();
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.PUT, q, big);
            // The feeder thread has begun writing the item: the routine's put() has returned.
            h.poll("the child's item reaching the pipe", () -> !q.empty());
            double waited = 10 * Timing.SHORT;
            double took = h.time(() -> p.join(waited));
            assertNull(p.exitcode(), "the child ended although its item was not flushed");
            h.assertTimedOut(took, waited);
            assertEquals(big, Procs.next(q));
            assertEquals(0L, Procs.joined(p));
        }
    }

    // --- the standard exceptions and maxsize --------------------------------------------------------------

    /** Non-blocking get on an empty Queue raises queue.Empty and non-blocking put on a full one queue.Full. */
    @Test
    @Checks("multiprocessing.Queue/uses-queue-empty-and-full")
    void usesQueueEmptyAndFull(MultiprocessingModule mp) {
        Queue q = mp.queue(1);
        assertThrows(Empty.class, q::getNowait);
        q.put(1L);
        assertThrows(Full.class, () -> q.putNowait(2L));
    }

    /** Queue(2) holds two items: then full() is True and put_nowait raises Full; after a get there is room again. */
    @Test
    @Checks("multiprocessing.Queue/maxsize-bounds")
    void maxsizeBounds(MultiprocessingModule mp) {
        Queue q = mp.queue(2);
        q.put(1L);
        q.put(2L);
        assertTrue(q.full(), "full() with maxsize items");
        assertThrows(Full.class, () -> q.putNowait(3L));
        assertEquals(1L, Procs.next(q));
        q.putNowait(3L);
        assertEquals(2L, Procs.next(q));
        assertEquals(3L, Procs.next(q));
    }

    /** Queue(0) and Queue(-3) are unbounded: full() stays False and put_nowait never raises Full. */
    @Test
    @Checks("multiprocessing.Queue/nonpositive-maxsize-unbounded")
    void nonpositiveMaxsizeUnbounded(MultiprocessingModule mp) {
        for (long maxsize : new long[] {0, -3}) {
            Queue q = mp.queue(maxsize);
            for (long i = 0; i < 50; i++) {
                q.putNowait(i);
            }
            assertFalse(q.full(), "full() of Queue(" + maxsize + ") holding 50 items");
            for (long i = 0; i < 50; i++) {
                assertEquals(i, Procs.next(q));
            }
        }
    }

    // --- qsize, empty, full ---------------------------------------------------------------------------------

    /** With nobody else using the queue, qsize() settles on the number of items held, after puts and after a get. */
    @Test
    @Checks("multiprocessing.Queue.qsize/approximate-count")
    void qsizeCountsItems(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        assertEquals(0L, q.qsize());
        q.put(1L);
        q.put(2L);
        q.put(3L);
        h.poll("qsize() == 3", () -> q.qsize() == 3);
        assertEquals(1L, Procs.next(q));
        h.poll("qsize() == 2", () -> q.qsize() == 2);
    }

    /** qsize() counts an item as soon as put() returns, and still answers after close(). */
    @Test
    @Checks("multiprocessing.Queue.qsize/counts-put-at-once")
    void qsizeCountsAtOnce(MultiprocessingModule mp) {
        Queue q = mp.queue();
        q.put(1L);
        assertEquals(1L, q.qsize(), "right after put()");
        q.put(2L);
        assertEquals(2L, q.qsize(), "right after the second put()");
        q.close();
        assertEquals(2L, q.qsize(), "after close()");
    }

    /** empty() is True for a new Queue, becomes False after a put, and is True again once the item was got. */
    @Test
    @Checks("multiprocessing.Queue.empty/reports-emptiness")
    void emptyReportsEmptiness(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        assertTrue(q.empty(), "a new queue");
        q.put("x");
        h.poll("empty() False after a put", () -> !q.empty());
        assertEquals("x", Procs.next(q));
        assertTrue(q.empty(), "after the only item was got");
    }

    /** After close() and join_thread() of a queue that was put to, empty() raises OSError. */
    @Test
    @Checks("multiprocessing.Queue.empty/closed-may-raise-oserror")
    void emptyOnClosedRaises(MultiprocessingModule mp) {
        Queue q = mp.queue();
        q.put("x");
        q.close();
        q.joinThread();
        assertThrows(OSError.class, q::empty);
    }

    /** full() is False for a Queue(1) with room, True once it holds an item, and False again after a get. */
    @Test
    @Checks("multiprocessing.Queue.full/reports-fullness")
    void fullReportsFullness(MultiprocessingModule mp) {
        Queue q = mp.queue(1);
        assertFalse(q.full(), "empty Queue(1)");
        q.put("x");
        assertTrue(q.full(), "Queue(1) holding an item");
        assertEquals("x", Procs.next(q));
        assertFalse(q.full(), "after the item was got");
    }

    // --- put ------------------------------------------------------------------------------------------------

    /** A blocking put on a full Queue waits until another thread gets an item, then adds its item. */
    @Test
    @Checks("multiprocessing.Queue.put/blocks-until-room")
    void putBlocksUntilRoom(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue(1);
        q.put("first");
        AtomicBoolean returned = new AtomicBoolean();
        Thread t = h.start("putter", () -> {
            q.put("second");
            returned.set(true);
        });
        try {
            h.awaitBlocked(t);
            assertFalse(returned.get(), "put() on a full queue returned before any get");
        } finally {
            assertEquals("first", Procs.next(q));
        }
        h.join(t);
        assertEquals("second", Procs.next(q));
    }

    /** put(item, True, timeout) on a full Queue raises Full after about timeout seconds. */
    @Test
    @Checks("multiprocessing.Queue.put/timeout-raises-full")
    void putTimeoutRaisesFull(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue(1);
        q.put("first");
        double took = h.time(() -> assertThrows(Full.class, () -> q.put("second", true, Timing.SHORT)));
        h.assertTimedOut(took, Timing.SHORT);
    }

    /** put(item, False) on a full Queue raises Full at once, also when a long timeout is given. */
    @Test
    @Checks("multiprocessing.Queue.put/nonblocking-full-raises-at-once")
    void putNonblockingOnFull(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue(1);
        q.put("first");
        h.assertPrompt(h.time(() -> assertThrows(Full.class, () -> q.put("second", false))));
        h.assertPrompt(h.time(() -> assertThrows(Full.class, () -> q.put("second", false, Timing.LONG))));
    }

    /** put on a closed Queue raises ValueError. */
    @Test
    @Checks("multiprocessing.Queue.put/closed-raises-valueerror")
    void putOnClosedRaises(MultiprocessingModule mp) {
        Queue q = mp.queue();
        q.close();
        assertThrows(ValueError.class, () -> q.put("x"));
    }

    /** put with a negative timeout on a full Queue raises Full at once instead of ValueError. */
    @Test
    @Checks("multiprocessing.Queue.put/negative-timeout-is-zero")
    void putNegativeTimeout(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue(1);
        q.put("first");
        h.assertPrompt(h.time(() -> assertThrows(Full.class, () -> q.put("second", true, -1.0))));
    }

    /** put_nowait adds an item when there is room and raises Full at once when the Queue is full. */
    @Test
    @Checks("multiprocessing.Queue.put_nowait/same-as-nonblocking-put")
    void putNowait(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue(1);
        q.putNowait("first");
        h.assertPrompt(h.time(() -> assertThrows(Full.class, () -> q.putNowait("second"))));
        assertEquals("first", Procs.next(q));
    }

    // --- get ------------------------------------------------------------------------------------------------

    /** A blocking get on an empty Queue waits until another thread puts an item, and returns it. */
    @Test
    @Checks("multiprocessing.Queue.get/blocks-until-item")
    void getBlocksUntilItem(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        AtomicReference<Object> got = new AtomicReference<>("nothing yet");
        Thread t = h.start("getter", () -> got.set(q.get()));
        try {
            h.awaitBlocked(t);
            assertEquals("nothing yet", got.get(), "get() on an empty queue returned");
        } finally {
            q.put("item");
        }
        h.join(t);
        assertEquals("item", got.get());
    }

    /** get(True, timeout) on an empty Queue raises Empty after about timeout seconds. */
    @Test
    @Checks("multiprocessing.Queue.get/timeout-raises-empty")
    void getTimeoutRaisesEmpty(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        double took = h.time(() -> assertThrows(Empty.class, () -> q.get(true, Timing.SHORT)));
        h.assertTimedOut(took, Timing.SHORT);
    }

    /** get(False) on an empty Queue raises Empty at once, also when a long timeout is given. */
    @Test
    @Checks("multiprocessing.Queue.get/nonblocking-empty-raises-at-once")
    void getNonblockingOnEmpty(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, () -> q.get(false))));
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, () -> q.get(false, Timing.LONG))));
    }

    /** get on a closed Queue raises ValueError. */
    @Test
    @Checks("multiprocessing.Queue.get/closed-raises-valueerror")
    void getOnClosedRaises(MultiprocessingModule mp) {
        Queue q = mp.queue();
        q.close();
        assertThrows(ValueError.class, q::get);
    }

    /** get with a negative timeout on an empty Queue raises Empty at once instead of ValueError. */
    @Test
    @Checks("multiprocessing.Queue.get/negative-timeout-is-zero")
    void getNegativeTimeout(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, () -> q.get(true, -1.0))));
    }

    /** get_nowait raises Empty at once on an empty Queue, and returns an item once one has been put. */
    @Test
    @Checks("multiprocessing.Queue.get_nowait/same-as-nonblocking-get")
    void getNowait(MultiprocessingModule mp, Harness h) {
        Queue q = mp.queue();
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, q::getNowait)));
        q.put("item");
        AtomicReference<Object> got = new AtomicReference<>();
        h.poll("get_nowait() returning the item put", () -> tryGetNowait(q, got));
        assertEquals("item", got.get());
    }

    // --- close, join_thread, cancel_join_thread --------------------------------------------------------------

    /** Items put just before close() still reach a child process that gets them, in order. */
    @Test
    @Checks("multiprocessing.Queue.close/buffered-items-still-delivered")
    void closeDeliversBufferedItems(MultiprocessingModule mp) {
        Queue q = mp.queue();
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            // started first: a queue whose feeder has flushed and quit after close() can no longer be pickled
            PyProcess p = procs.start(mp, mp, Routine.RELAY, q, ends.get(1), 5L);
            for (long i = 0; i < 5; i++) {
                q.put(i);
            }
            q.close();
            for (long i = 0; i < 5; i++) {
                assertEquals(i, Procs.next(ends.get(0)));
            }
            assertEquals(0L, Procs.joined(p));
        } finally {
            closeAll(ends);
        }
    }

    /** A second close() raises nothing. */
    @Test
    @Checks("multiprocessing.Queue.close/idempotent")
    void closeTwice(MultiprocessingModule mp) {
        Queue q = mp.queue();
        q.put(1L);
        q.close();
        q.close();
    }

    /** After close(), join_thread() waits while an item too big for the pipe is unread, and returns once a child got it. */
    @Test
    @Checks("multiprocessing.Queue.join_thread/waits-for-flush")
    void joinThreadWaitsForFlush(MultiprocessingModule mp, Harness h) {
        PyBytes big = bigItem(h);
        Queue q = mp.queue();
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            q.put(big);
            q.close();
            AtomicBoolean returned = new AtomicBoolean();
            Thread t = h.start("join_thread", () -> {
                q.joinThread();
                returned.set(true);
            });
            PyProcess p;
            try {
                h.awaitBlocked(t);
                assertFalse(returned.get(), "join_thread() returned while the item was not flushed");
            } finally {
                p = procs.start(mp, mp, Routine.RELAY, q, ends.get(1), 1L);
            }
            assertEquals(big, Procs.next(ends.get(0)));
            h.join(t);
            assertTrue(returned.get());
            assertEquals(0L, Procs.joined(p));
        } finally {
            closeAll(ends);
        }
    }

    /** join_thread() before close() raises AssertionError. */
    @Test
    @Checks("multiprocessing.Queue.join_thread/before-close-assertionerror")
    void joinThreadBeforeClose(MultiprocessingModule mp) {
        Queue q = mp.queue();
        q.put(1L);
        assertThrows(PyAssertionError.class, q::joinThread);
    }

    /** After cancel_join_thread() and close(), join_thread() returns at once although an item too big for the pipe is unread. */
    @Test
    @Checks("multiprocessing.Queue.cancel_join_thread/join-thread-returns-at-once")
    void cancelJoinThread(MultiprocessingModule mp, Harness h) {
        PyBytes big = bigItem(h);
        Queue q = mp.queue();
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            q.put(big);
            q.cancelJoinThread();
            q.close();
            Thread t = h.start("join_thread", q::joinThread);
            try {
                h.join(t);
            } finally {
                // drain the pipe so that the feeder thread (and join_thread, if it waits) can finish
                PyProcess p = procs.start(mp, mp, Routine.RELAY, q, ends.get(1), 1L);
                assertEquals(big, Procs.next(ends.get(0)));
                assertEquals(0L, Procs.joined(p));
            }
        } finally {
            closeAll(ends);
        }
    }
}
