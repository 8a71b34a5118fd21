package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cases for task tracking: {@code task_done()} and {@code join()} on every Queue object. */
@PyCase
class TaskDoneJoinCases {

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
}
