package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cases for Empty and Full: non-blocking, timed and negative-timeout get/put on every Queue object. */
@PyCase
class QueueExceptionCases {

    /** get(False) returns an available item and raises Empty on an empty queue. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/nonblocking")
    void nonblockingGet(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        assertThrows(Empty.class, () -> q.get(false));
        q.put(7L);
        assertEquals(7L, q.get(false));
        assertEquals(0L, q.qsize());
        double took = h.time(() -> assertThrows(Empty.class, () -> q.get(false)));
        h.assertPrompt(took);
    }

    /** put(item, False) adds while there is room and raises Full, changing nothing, when the queue is full. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/nonblocking-full-raises-full")
    void nonblockingPutOnFullRaisesFull(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue, 1);
        q.put(1L, false);
        double took = h.time(() -> assertThrows(Full.class, () -> q.put(2L, false)));
        h.assertPrompt(took);
        assertEquals(1L, q.qsize());
        assertEquals(1L, q.get());
        assertEquals(0L, q.qsize(), "the refused item must not have been added");
    }

    /** get(False, timeout) on an empty queue raises Empty at once, for a long and for a negative timeout. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/nonblocking-ignores-timeout")
    void nonblockingGetIgnoresTimeout(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        double took = h.time(() -> assertThrows(Empty.class, () -> q.get(false, Timing.LONG)));
        h.assertPrompt(took);
        assertThrows(Empty.class, () -> q.get(false, -1.0), "negative timeout with block=False");
        q.put(5L);
        assertEquals(5L, q.get(false, -1.0), "an available item despite a negative timeout");
    }

    /** put(item, False, timeout) on a full queue raises Full at once, for a long and for a negative timeout. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/nonblocking-ignores-timeout")
    void nonblockingPutIgnoresTimeout(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue, 1);
        q.put(-1L, false, -1.0);
        assertEquals(1L, q.qsize(), "room: added despite a negative timeout");
        double took = h.time(() -> assertThrows(Full.class, () -> q.put(2L, false, Timing.LONG)));
        h.assertPrompt(took);
        assertThrows(Full.class, () -> q.put(2L, false, -1.0), "negative timeout with block=False");
        assertEquals(1L, q.qsize());
    }

    /** A timed get on an empty queue raises Empty, no earlier than its timeout. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/timeout-expires-raises-empty")
    void timedGetTimesOut(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        long t0 = h.now();
        assertThrows(Empty.class, () -> q.get(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
    }

    /** A timed put on a full queue raises Full, no earlier than its timeout, and adds nothing. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/timeout-expires-raises-full")
    void timedPutTimesOut(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue, 1);
        q.put(1L);
        long t0 = h.now();
        assertThrows(Full.class, () -> q.put(2L, true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertEquals(1L, q.qsize());
        assertEquals(1L, q.get());
    }

    /** With timeout 0 a blocking get on an empty queue and a blocking put on a full one fail at once. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/zero-timeout-raises-empty-promptly")
    void zeroTimeoutFailsPromptly(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue, 1);
        h.assertPrompt(h.time(() -> assertThrows(Empty.class, () -> q.get(true, 0.0))));
        q.put(1L);
        h.assertPrompt(h.time(() -> assertThrows(Full.class, () -> q.put(2L, true, 0.0))));
        assertEquals(1L, q.get(true, 0.0), "an available item is returned with timeout 0");
    }

    /** A blocking get with a negative timeout raises ValueError, on an empty queue and on one with an item. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/negative-timeout-raises-valueerror")
    void negativeTimeoutGetRaisesValueError(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue);
        assertThrows(ValueError.class, () -> q.get(true, -1.0), "empty queue");
        q.put(1L);
        assertThrows(ValueError.class, () -> q.get(true, -0.5), "queue with an item");
        assertEquals(1L, q.qsize(), "the item stays queued");
    }

    /** On a bounded queue a blocking put with a negative timeout raises ValueError, with room or without. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/negative-timeout-bounded-raises-valueerror")
    void negativeTimeoutPutOnBoundedRaisesValueError(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue, 2);
        assertThrows(ValueError.class, () -> q.put(1L, true, -1.0), "with room");
        assertEquals(0L, q.qsize(), "nothing added");
        q.put(1L);
        q.put(2L);
        assertThrows(ValueError.class, () -> q.put(3L, true, -1.0), "when full");
        assertEquals(2L, q.qsize());
    }

    /** On an unbounded queue a blocking put with a negative timeout just adds the item. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/unbounded-ignores-timeout")
    void negativeTimeoutPutOnUnboundedAdds(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue);
        q.put(1L, true, -1.0);
        q.put(2L, true, 0.0);
        assertEquals(2L, q.qsize());
    }
}
