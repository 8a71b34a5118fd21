package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.TimeoutError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases for cancellation around asyncio queues, where most of their bugs live: a cancelled get or put changes
 * nothing, and {@code wait_for} and {@code asyncio.timeout} (the docs' substitute for a timeout parameter) leave
 * the queue as it was. Only the timeout cases wait on wall time.
 */
@PyCase
class QueueCancelCases {

    /**
     * A getter cancelled after an item arrived for it but before it resumed takes nothing: the item stays queued
     * with no other getter, and goes to the next waiting getter when there is one; a getter cancelled while
     * nothing had arrived takes nothing either.
     */
    @Test
    @Checks("asyncio.Queue.get/cancelled-getter-loses-no-item")
    void cancelledGetterLosesNoItem(AsyncioModule m) {
        m.run(co -> {
            Queue alone = m.queue();
            Task<Object> only = co.createTask(c -> c.await(alone.get()));
            Aio.steps(co, 3);
            Aio.assertPending(only);
            alone.putNowait("kept");
            only.cancel(); // before it resumed to take the item
            assertThrows(AsyncioCancelledError.class, () -> Aio.bounded(co, only, "cancelled getter"));
            assertEquals(1L, alone.qsize(), "the cancelled getter took the item");
            assertEquals("kept", alone.getNowait());

            Queue q = m.queue();
            Task<Object> first = co.createTask(c -> c.await(q.get()));
            Aio.steps(co, 2);
            Task<Object> second = co.createTask(c -> c.await(q.get()));
            Aio.steps(co, 3);
            Aio.assertPending(first, second);
            q.putNowait("x");
            first.cancel();
            assertEquals("x", Aio.bounded(co, second, "the next getter"), "the item went to the next getter");
            assertThrows(AsyncioCancelledError.class, () -> Aio.bounded(co, first, "cancelled getter"));
            assertTrue(first.cancelled());
            assertTrue(q.empty());

            Task<Object> waiting = co.createTask(c -> c.await(q.get()));
            Task<Object> next = co.createTask(c -> c.await(q.get()));
            Aio.steps(co, 3);
            waiting.cancel();
            Aio.steps(co, 3);
            assertTrue(waiting.cancelled());
            q.putNowait("y");
            assertEquals("y", Aio.bounded(co, next, "the remaining getter"));
            assertTrue(q.empty());
            return null;
        });
    }

    /**
     * A putter cancelled after a slot was freed for it but before it resumed adds nothing, and the slot goes to
     * the next waiting putter; a putter cancelled while the queue stayed full adds nothing either.
     */
    @Test
    @Checks("asyncio.Queue.put/cancelled-putter-adds-nothing")
    void cancelledPutterAddsNothing(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue(1);
            q.putNowait("a");
            Task<Object> first = co.createTask(c -> c.await(q.put("b")));
            Aio.steps(co, 2);
            Task<Object> second = co.createTask(c -> c.await(q.put("c")));
            Aio.steps(co, 3);
            Aio.assertPending(first, second);
            assertEquals("a", q.getNowait());
            first.cancel(); // before it resumed to use the slot
            Aio.bounded(co, second, "the next putter");
            assertThrows(AsyncioCancelledError.class, () -> Aio.bounded(co, first, "cancelled putter"));
            assertEquals(1L, q.qsize());
            assertEquals("c", q.getNowait(), "only the next putter's item was added");

            q.putNowait("d");
            Task<Object> stuck = co.createTask(c -> c.await(q.put("e")));
            Aio.steps(co, 3);
            stuck.cancel();
            assertThrows(AsyncioCancelledError.class, () -> Aio.bounded(co, stuck, "cancelled putter"));
            assertEquals(1L, q.qsize());
            assertEquals("d", q.getNowait());
            assertTrue(q.empty());
            return null;
        });
    }

    /** wait_for around a get on an empty queue raises TimeoutError no earlier than its timeout; a later item stays. */
    @Test
    @Checks({"asyncio.Queue.get/wait-for-timeout", "asyncio.Queue/no-timeout-use-wait-for"})
    void waitForGetTimesOut(AsyncioModule m, Harness h) {
        m.run(co -> {
            Queue q = m.queue();
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.waitFor(q.get(), Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            q.putNowait("late");
            Aio.steps(co, 3);
            assertEquals(1L, q.qsize(), "the timed-out get took the item put afterwards");
            assertEquals("late", Aio.bounded(co, q.get(), "get"));
            return null;
        });
    }

    /** wait_for around a put on a full queue raises TimeoutError no earlier than its timeout, adding nothing. */
    @Test
    @Checks({"asyncio.Queue.put/wait-for-timeout", "asyncio.Queue/no-timeout-use-wait-for"})
    void waitForPutTimesOut(AsyncioModule m, Harness h) {
        m.run(co -> {
            Queue q = m.queue(1);
            q.putNowait("a");
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.waitFor(q.put("b"), Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertEquals("a", q.getNowait());
            Aio.steps(co, 3);
            assertTrue(q.empty(), "the timed-out put added its item");
            return null;
        });
    }

    /** A get inside async with asyncio.timeout(SHORT) on an empty queue ends the block with TimeoutError; no item is taken. */
    @Test
    @Checks("asyncio.Queue.get/timeout-block")
    void timeoutBlockAroundGet(AsyncioModule m, Harness h) {
        m.run(co -> {
            Queue q = m.queue();
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.timeout(Timing.SHORT, () -> co.await(q.get())));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            q.putNowait("late");
            Aio.steps(co, 3);
            assertEquals("late", q.getNowait());
            return null;
        });
    }

    /** wait_for around a waiting get returns the item another task puts in time. */
    @Test
    @Checks("asyncio.Queue.get/wait-for-returns-item-in-time")
    void waitForReturnsItemInTime(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            co.createTask(c -> {
                Aio.steps(c, 3);
                q.putNowait("x");
                return null;
            });
            assertEquals("x", co.waitFor(q.get(), Timing.LONG));
            assertTrue(q.empty());
            return null;
        });
    }

    /**
     * Property: producer and consumer tasks on a queue of the given maxsize (0: unbounded), while the main task
     * steps the loop and cancels producers and consumers at seeded random points and starts new ones. Every put
     * that returned added its item and every get that returned removed one; a cancelled put or get changed
     * nothing. So the items got, followed by those left in the queue, are exactly the items whose put returned,
     * in the same order: none lost, none duplicated, first in first out.
     */
    @ParameterizedTest(name = "maxsize={0}")
    @ValueSource(longs = {0, 1, 3})
    @Checks({"asyncio.Queue.get/cancelled-getter-loses-no-item", "asyncio.Queue.put/cancelled-putter-adds-nothing",
            "asyncio.Queue/first-in-first-out"})
    void randomCancellationsLoseNothing(long maxsize, AsyncioModule m, Harness h) {
        Random rnd = h.random();
        m.run(co -> {
            Queue q = m.queue(maxsize);
            List<Object> added = new ArrayList<>();
            List<Object> removed = new ArrayList<>();
            List<Task<Object>> live = new ArrayList<>();
            List<Task<Object>> all = new ArrayList<>();
            int cancels = 0;
            long nextProducer = 0;
            for (int op = 0; op < 200; op++) {
                int r = rnd.nextInt(10);
                if (r < 2 || live.isEmpty()) {
                    long base = ++nextProducer * 1000;
                    Task<Object> t = co.createTask(c -> {
                        for (long i = 0; ; i++) {
                            c.await(q.put(base + i));
                            added.add(base + i); // no await between the put returning and this
                            c.sleep(0);
                        }
                    });
                    live.add(t);
                    all.add(t);
                } else if (r < 4) {
                    Task<Object> t = co.createTask(c -> {
                        while (true) {
                            Object v = c.await(q.get());
                            removed.add(v); // no await between the get returning and this
                            c.sleep(0);
                        }
                    });
                    live.add(t);
                    all.add(t);
                } else if (r < 6) {
                    live.remove(rnd.nextInt(live.size())).cancel();
                    cancels++;
                } else {
                    Aio.steps(co, 1 + rnd.nextInt(3));
                }
            }
            for (Task<Object> t : all) {
                t.cancel();
            }
            Aio.bounded(co, co.coroutine(c -> c.gather(all, true)), "cancelled tasks");
            List<Object> rest = new ArrayList<>();
            while (true) {
                try {
                    rest.add(q.getNowait());
                } catch (QueueEmpty e) {
                    break;
                }
            }
            List<Object> out = new ArrayList<>(removed);
            out.addAll(rest);
            assertEquals(added, out, "items got then left (" + removed.size() + " got, " + rest.size() + " left, "
                    + cancels + " cancellations) versus items whose put returned");
            assertTrue(added.size() > 0, "the schedule put nothing");
            return null;
        });
    }
}
