package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.JoinableQueue;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.JoinableQueue}: a Queue with task_done() and join(). */
@PyCase
class JoinableQueueCases {

    /** Calls task_done() until it raises ValueError, so that a join() left waiting by a failed case returns. */
    private static void releaseJoin(JoinableQueue q) {
        for (int i = 0; i < 1000; i++) {
            try {
                q.taskDone();
            } catch (ValueError e) {
                return;
            }
        }
    }

    /** A JoinableQueue(2) behaves as a Queue: first in first out, Full when full, Empty when empty, with a timeout too. */
    @Test
    @Checks("multiprocessing.JoinableQueue/queue-with-task-done-and-join")
    void behavesAsQueue(MultiprocessingModule mp, Harness h) {
        JoinableQueue q = mp.joinableQueue(2);
        q.put("a");
        q.put("b");
        assertTrue(q.full(), "full() with maxsize items");
        assertThrows(Full.class, () -> q.putNowait("c"));
        assertEquals("a", Procs.next(q));
        assertEquals("b", Procs.next(q));
        double took = h.time(() -> assertThrows(Empty.class, () -> q.get(true, Timing.SHORT)));
        h.assertTimedOut(took, Timing.SHORT);
        q.taskDone();
        q.taskDone();
        q.join();
    }

    /** task_done() called once more than items were put raises ValueError. */
    @Test
    @Checks("multiprocessing.JoinableQueue.task_done/too-many-valueerror")
    void taskDoneTooMany(MultiprocessingModule mp) {
        JoinableQueue q = mp.joinableQueue();
        assertThrows(ValueError.class, q::taskDone, "with nothing put");
        q.put(1L);
        assertEquals(1L, Procs.next(q));
        q.taskDone();
        assertThrows(ValueError.class, q::taskDone, "after the only item was marked done");
    }

    /** join() in a thread waits while one of two items put is not marked done, and returns after the last task_done(). */
    @Test
    @Checks({"multiprocessing.JoinableQueue.join/blocks-until-all-done",
        "multiprocessing.JoinableQueue.task_done/last-one-releases-join"})
    void joinWaitsForLastTaskDone(MultiprocessingModule mp, Harness h) {
        JoinableQueue q = mp.joinableQueue();
        q.put(1L);
        q.put(2L);
        AtomicBoolean returned = new AtomicBoolean();
        Thread t = h.start("joiner", () -> {
            q.join();
            returned.set(true);
        });
        try {
            assertEquals(1L, Procs.next(q));
            q.taskDone();
            h.awaitBlocked(t);
            assertFalse(returned.get(), "join() returned with one item not marked done");
            assertEquals(2L, Procs.next(q));
            q.taskDone();
            h.join(t);
            assertTrue(returned.get());
        } finally {
            if (t.isAlive()) {
                releaseJoin(q);
            }
        }
    }

    /** join() returns once a child process has got every item and marked each done. */
    @Test
    @Checks("multiprocessing.JoinableQueue.task_done/last-one-releases-join")
    void childTaskDoneReleasesJoin(MultiprocessingModule mp, Harness h) {
        JoinableQueue q = mp.joinableQueue();
        for (long i = 0; i < 5; i++) {
            q.put(i);
        }
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.CONSUME, q, 5L);
            Thread t = h.start("joiner", q::join);
            try {
                h.join(t);
            } finally {
                if (t.isAlive()) {
                    releaseJoin(q);
                }
            }
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** join() returns at once when nothing was put, and when every item put was marked done. */
    @Test
    @Checks("multiprocessing.JoinableQueue.join/no-pending-returns-at-once")
    void joinWithNothingPending(MultiprocessingModule mp, Harness h) {
        JoinableQueue q = mp.joinableQueue();
        Thread t = h.start("join-empty", q::join);
        try {
            h.join(t);
            q.put(1L);
            assertEquals(1L, Procs.next(q));
            q.taskDone();
            Thread t2 = h.start("join-all-done", q::join);
            try {
                h.join(t2);
            } finally {
                if (t2.isAlive()) {
                    releaseJoin(q);
                }
            }
        } finally {
            if (t.isAlive()) {
                releaseJoin(q);
            }
        }
    }
}
