package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.QueueShutDown;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases for {@code asyncio.Queue.shutdown} (Python 3.13+) with tasks waiting on the queue; what shutdown does to
 * a queue nobody waits on is in the queue contract ({@link dev.pyconc.spec.cases.queue.QueueContract}).
 */
@PyCase
class QueueShutdownCases {

    /** Awaiting get() on a shut-down queue with nothing in it raises QueueShutDown at once, plain or immediate. */
    @Test
    @Checks("asyncio.Queue.get/shutdown-empty-raises-shutdown")
    void getOnShutDownEmptyQueueRaises(AsyncioModule m) {
        m.run(co -> {
            Queue plain = m.queue();
            plain.shutdown(false);
            assertThrows(QueueShutDown.class, () -> Aio.bounded(co, plain.get(), "get"));
            Queue immediate = m.queue();
            immediate.putNowait(1L);
            immediate.shutdown(true);
            assertThrows(QueueShutDown.class, () -> Aio.bounded(co, immediate.get(), "get"));
            return null;
        });
    }

    /** get_nowait() on a shut-down empty queue raises QueueShutDown, not QueueEmpty. */
    @Test
    @Checks("asyncio.Queue.get_nowait/shutdown-empty-raises-shutdown")
    void getNowaitOnShutDownEmptyQueueRaises(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            q.putNowait(1L);
            q.shutdown(false);
            assertEquals(1L, q.getNowait(), "a queued item is still returned");
            assertThrows(QueueShutDown.class, q::getNowait);
            return null;
        });
    }

    /** Two tasks waiting in put on a full queue raise QueueShutDown when it is shut down, adding nothing. */
    @ParameterizedTest(name = "immediate={0}")
    @ValueSource(booleans = {false, true})
    @Checks("asyncio.Queue.shutdown/unblocks-putters")
    void shutdownUnblocksPutters(boolean immediate, AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue(1);
            q.putNowait("held");
            List<Task<Object>> putters = List.of(
                    co.createTask(c -> c.await(q.put("late1"))), co.createTask(c -> c.await(q.put("late2"))));
            Aio.steps(co, 3);
            Aio.assertPending(putters.toArray(new Task<?>[0]));
            q.shutdown(immediate);
            for (Task<Object> t : putters) {
                assertThrows(QueueShutDown.class, () -> Aio.bounded(co, t, "putter"));
            }
            if (immediate) {
                assertTrue(q.empty(), "the immediate shutdown dropped the held item");
            } else {
                assertEquals(1L, q.qsize(), "only the item held before the shutdown");
                assertEquals("held", q.getNowait());
            }
            return null;
        });
    }

    /** Two tasks waiting in get on an empty queue raise QueueShutDown on shutdown(immediate=True). */
    @Test
    @Checks("asyncio.Queue.shutdown/immediate-unblocks-getters")
    void immediateShutdownUnblocksGetters(AsyncioModule m) {
        assertGettersRaiseOnShutdown(m, true);
    }

    /** Two tasks waiting in get on an empty queue raise QueueShutDown on a plain shutdown() as well. */
    @Test
    @Checks("asyncio.Queue.shutdown/plain-unblocks-getters")
    void plainShutdownUnblocksGetters(AsyncioModule m) {
        assertGettersRaiseOnShutdown(m, false);
    }

    private static void assertGettersRaiseOnShutdown(AsyncioModule m, boolean immediate) {
        m.run(co -> {
            Queue q = m.queue();
            List<Task<Object>> getters = List.of(co.createTask(c -> c.await(q.get())), co.createTask(c -> c.await(q.get())));
            Aio.steps(co, 3);
            Aio.assertPending(getters.toArray(new Task<?>[0]));
            q.shutdown(immediate);
            for (Task<Object> t : getters) {
                assertThrows(QueueShutDown.class, () -> Aio.bounded(co, t, "getter"));
            }
            return null;
        });
    }

    /** A task awaiting join() on two queued items resumes when shutdown(immediate=True) drops them. */
    @Test
    @Checks("asyncio.Queue.shutdown/immediate-releases-join")
    void immediateShutdownReleasesWaitingJoin(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            q.putNowait(1L);
            q.putNowait(2L);
            Task<Object> joiner = co.createTask(c -> c.await(q.join()));
            Aio.steps(co, 3);
            Aio.assertPending(joiner);
            q.shutdown(true);
            Aio.bounded(co, joiner, "joiner after shutdown(immediate=True)");
            return null;
        });
    }

    /** An item got before shutdown(immediate=True) and not marked done keeps join waiting until its task_done. */
    @Test
    @Checks("asyncio.Queue.shutdown/immediate-keeps-fetched-tasks")
    void immediateShutdownKeepsFetchedTasks(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            q.putNowait(1L);
            q.putNowait(2L);
            q.putNowait(3L);
            q.getNowait(); // fetched, not marked done
            Task<Object> joiner = co.createTask(c -> c.await(q.join()));
            Aio.steps(co, 3);
            q.shutdown(true);
            assertEquals(0L, q.qsize());
            Aio.steps(co, 5);
            Aio.assertPending(joiner);
            q.taskDone();
            Aio.bounded(co, joiner, "joiner after the fetched item's task_done");
            return null;
        });
    }

    /** After a plain shutdown a task awaiting join resumes only once the queued item is got and marked done. */
    @Test
    @Checks("asyncio.Queue.shutdown/plain-keeps-items-unfinished")
    void plainShutdownKeepsItemsUnfinished(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            q.putNowait("only");
            q.shutdown(false);
            Task<Object> joiner = co.createTask(c -> c.await(q.join()));
            Aio.steps(co, 5);
            Aio.assertPending(joiner);
            assertEquals("only", Aio.bounded(co, q.get(), "get after a plain shutdown"));
            Aio.steps(co, 5);
            Aio.assertPending(joiner);
            q.taskDone();
            Aio.bounded(co, joiner, "joiner after task_done");
            return null;
        });
    }
}
