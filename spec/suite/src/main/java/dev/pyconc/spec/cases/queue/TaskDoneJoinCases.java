package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cases for task tracking: {@code task_done()} and {@code join()} on every Queue object. */
@PyCase
class TaskDoneJoinCases {

    /** join() returns at once on a new queue and on one whose every item was got and marked done. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.join/no-unfinished-returns-at-once")
    void joinWithNothingUnfinishedReturnsAtOnce(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        h.assertPrompt(h.time(q::join));
        q.put(1L);
        q.put(2L);
        q.get();
        q.taskDone();
        q.get();
        q.taskDone();
        h.assertPrompt(h.time(q::join));
    }

    /**
     * A join waiting on three items got by the main thread does not return after two task_done calls, and does
     * after the third.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.join/waits-for-every-task-done")
    void joinWaitsForEveryTaskDone(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        for (long i = 1; i <= 3; i++) {
            q.put(i);
        }
        AtomicBoolean joined = new AtomicBoolean();
        Thread joiner = h.start("joiner", () -> {
            q.join();
            joined.set(true);
        });
        int done = 0;
        try {
            for (int i = 0; i < 3; i++) {
                q.get();
            }
            assertTrue(q.empty());
            q.taskDone();
            done++;
            q.taskDone();
            done++;
            h.awaitBlocked(joiner);
            // One task is still unfinished whether or not the joiner has called join yet.
            assertFalse(joined.get(), "join returned with all items got but one not marked done");
            q.taskDone();
            done++;
        } finally {
            for (; done < 3; done++) {
                q.taskDone(); // lets the joiner finish even when an assertion failed
            }
        }
        h.join(joiner);
        assertTrue(joined.get());
    }

    /** task_done() on a new queue, or once more than items were put, raises ValueError. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.task_done/too-many-raises-valueerror")
    void tooManyTaskDoneRaisesValueError(QueueKind kind, QueueModule queue) {
        Queue q = kind.make(queue);
        assertThrows(ValueError.class, q::taskDone, "new queue");
        q.put(1L);
        q.put(2L);
        q.get();
        q.taskDone();
        q.get();
        q.taskDone();
        assertThrows(ValueError.class, q::taskDone, "third task_done after two puts");
        assertThrows(ValueError.class, q::taskDone, "and again");
        q.put(3L);
        q.taskDone(); // the failed calls did not push the count below zero
    }

    /**
     * task_done() is counted against puts, not gets: it is accepted for items still queued, and once it has
     * been called for each, join returns though the items are still there.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.task_done/counted-against-puts")
    void taskDoneCountedAgainstPuts(QueueKind kind, QueueModule queue, Harness h) {
        Queue q = kind.make(queue);
        q.put(1L);
        q.put(2L);
        q.taskDone();
        q.taskDone();
        h.assertPrompt(h.time(q::join));
        assertEquals(2L, q.qsize());
        assertThrows(ValueError.class, q::taskDone);
        assertEquals(2L, q.qsize());
    }
}
