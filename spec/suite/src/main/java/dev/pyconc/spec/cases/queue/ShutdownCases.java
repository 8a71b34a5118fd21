package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.ShutDown;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases for {@code Queue.shutdown} (Python 3.13+). The helper-thread cases hold whichever comes first, the
 * helper's call or the shutdown: a get on a shut-down empty queue, or a put on a shut-down queue, raises
 * ShutDown straight away, so the expected outcome is the same either way.
 */
@PyCase
class ShutdownCases {

    /**
     * The queue module's own forms of put (block=False, timed) raise ShutDown after shutdown, with room and on a
     * full queue (not Full); put and put_nowait are in {@link QueueContract#putAfterShutdownRaises}.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/after-shutdown-raises-shutdown")
    void nonblockingAndTimedPutAfterShutdownRaise(QueueKind kind, QueueModule queue, Harness h) {
        Queue roomy = kind.make(queue, 3);
        roomy.put(1L);
        roomy.shutdown();
        assertThrows(ShutDown.class, () -> roomy.put(2L, false), "put(block=False)");
        assertThrows(ShutDown.class, () -> roomy.put(2L, true, Timing.MEDIUM), "timed put");
        assertEquals(1L, roomy.qsize(), "nothing added");

        Queue full = kind.make(queue, 1);
        full.put(1L);
        full.shutdown();
        assertThrows(ShutDown.class, () -> full.put(2L, false), "put(block=False) on a full queue");
        double took = h.time(() -> assertThrows(ShutDown.class, () -> full.put(2L, true, Timing.LONG),
                "timed put on a full queue"));
        h.assertPrompt(took);
        assertEquals(1L, full.qsize(), "nothing added");
    }

    /** On a shut-down empty queue, non-blocking and timed gets raise ShutDown at once, not Empty. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/shutdown-empty-raises-shutdown-not-empty")
    void emptyShutDownGetRaisesShutDownNotEmpty(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        q.shutdown();
        assertThrows(ShutDown.class, () -> q.get(false), "get(block=False)");
        assertThrows(ShutDown.class, q::getNowait, "get_nowait");
        assertThrows(ShutDown.class, () -> q.get(false, Timing.LONG), "get(block=False, timeout)");
        double took = h.time(() -> assertThrows(ShutDown.class, () -> q.get(true, Timing.LONG), "timed get"));
        h.assertPrompt(took);
    }

    /**
     * After shutdown(immediate=True) the queue module's non-blocking, timed and nowait gets raise ShutDown at
     * once; get() itself is in {@link QueueContract#immediateDropsItems}.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.shutdown/immediate-drops-items")
    void immediateShutdownOtherGetsRaise(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        for (long i = 0; i < 5; i++) {
            q.put(i);
        }
        q.shutdown(true);
        assertEquals(0L, q.qsize());
        assertThrows(ShutDown.class, () -> q.get(false));
        h.assertPrompt(h.time(() -> assertThrows(ShutDown.class, () -> q.get(true, Timing.MEDIUM))));
        assertThrows(ShutDown.class, q::getNowait);
    }

    /** Threads waiting in get() and in a timed get on an empty queue raise ShutDown when it is shut down. */
    @ParameterizedTest(name = "immediate={0}")
    @ValueSource(booleans = {false, true})
    @Checks("queue.Queue.shutdown/unblocks-getters")
    void shutdownUnblocksGetters(boolean immediate, QueueModule queue, Harness h) {
        Queue q = queue.queue();
        Harness.Bunch getters = h.bunch("getter", 2, i -> {
            if (i == 0) {
                assertThrows(ShutDown.class, q::get, "get()");
            } else {
                assertThrows(ShutDown.class, () -> q.get(true, Timing.LONG), "timed get");
            }
        });
        try {
            getters.awaitStarted();
            for (Thread t : getters.threads()) {
                h.awaitBlocked(t);
            }
            assertEquals(0, getters.finishedCount(), "a get returned from an empty queue before shutdown");
        } finally {
            q.shutdown(immediate);
        }
        getters.join();
        assertTrue(q.empty());
    }

    /** Threads waiting in put() and in a timed put on a full queue raise ShutDown, adding nothing. */
    @ParameterizedTest(name = "immediate={0}")
    @ValueSource(booleans = {false, true})
    @Checks("queue.Queue.shutdown/unblocks-putters")
    void shutdownUnblocksPutters(boolean immediate, QueueModule queue, Harness h) {
        Queue q = queue.queue(1);
        q.put("held");
        Harness.Bunch putters = h.bunch("putter", 2, i -> {
            if (i == 0) {
                assertThrows(ShutDown.class, () -> q.put("late"), "put()");
            } else {
                assertThrows(ShutDown.class, () -> q.put("late", true, Timing.LONG), "timed put");
            }
        });
        try {
            putters.awaitStarted();
            for (Thread t : putters.threads()) {
                h.awaitBlocked(t);
            }
            assertEquals(0, putters.finishedCount(), "a put returned while the queue was full");
        } finally {
            q.shutdown(immediate);
        }
        putters.join();
        if (immediate) {
            assertEquals(0L, q.qsize(), "immediate shutdown dropped the held item");
        } else {
            assertEquals(1L, q.qsize(), "only the item held before shutdown");
            assertEquals("held", q.get());
        }
        assertThrows(ShutDown.class, q::get);
    }

    /** A join waiting only on queued items returns when shutdown(immediate=True) drops them. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.shutdown/immediate-releases-join")
    void immediateShutdownReleasesJoin(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        q.put(1L);
        q.put(2L);
        AtomicBoolean joined = new AtomicBoolean();
        Thread joiner = h.start("joiner", () -> {
            q.join();
            joined.set(true);
        });
        try {
            h.awaitBlocked(joiner);
            assertFalse(joined.get(), "join returned with two unfinished items");
        } finally {
            q.shutdown(true);
        }
        h.join(joiner);
        assertTrue(joined.get());
        h.assertPrompt(h.time(q::join));
    }

    /**
     * An item got before shutdown(immediate=True) but not marked done keeps join waiting after the shutdown;
     * its task_done releases it.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.shutdown/immediate-keeps-fetched-tasks")
    void immediateShutdownKeepsFetchedTasks(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        q.put(1L);
        q.put(2L);
        q.put(3L);
        q.get(); // fetched, not marked done
        AtomicBoolean joined = new AtomicBoolean();
        Thread joiner = h.start("joiner", () -> {
            q.join();
            joined.set(true);
        });
        boolean done = false;
        try {
            q.shutdown(true);
            assertEquals(0L, q.qsize());
            h.awaitBlocked(joiner);
            // The fetched item is unfinished whether the joiner called join before or after the shutdown.
            assertFalse(joined.get(), "join returned though a fetched item was not marked done");
            q.taskDone();
            done = true;
        } finally {
            if (!done) {
                q.taskDone();
            }
        }
        h.join(joiner);
        assertTrue(joined.get());
    }

    /**
     * After a plain shutdown the queued item still counts as unfinished: join waits until it is got and marked
     * done.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.shutdown/plain-keeps-items-unfinished")
    void plainShutdownKeepsItemsUnfinished(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        q.put("only");
        q.shutdown();
        AtomicBoolean joined = new AtomicBoolean();
        Thread joiner = h.start("joiner", () -> {
            q.join();
            joined.set(true);
        });
        boolean got = false;
        boolean done = false;
        try {
            h.awaitBlocked(joiner);
            assertFalse(joined.get(), "join returned with a queued item after a plain shutdown");
            assertEquals("only", q.get());
            got = true;
            assertFalse(joined.get(), "join returned with a got item not marked done");
            q.taskDone();
            done = true;
        } finally {
            if (!got) {
                q.shutdown(true); // drops the item and counts it done
            } else if (!done) {
                q.taskDone();
            }
        }
        h.join(joiner);
        assertTrue(joined.get());
        assertThrows(ShutDown.class, q::get);
    }
}
