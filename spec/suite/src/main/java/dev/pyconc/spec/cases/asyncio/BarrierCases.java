package dev.pyconc.spec.cases.asyncio;

import static dev.pyconc.spec.cases.asyncio.Aio.assertPending;
import static dev.pyconc.spec.cases.asyncio.Aio.bounded;
import static dev.pyconc.spec.cases.asyncio.Aio.started;
import static dev.pyconc.spec.cases.asyncio.Aio.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Barrier;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioBrokenBarrierError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.Barrier} (3.11+) and {@code asyncio.BrokenBarrierError}. */
@PyCase
class BarrierCases {

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    /** Awaits all the tasks through gather, bounded. */
    private static List<Object> all(Coroutine co, List<? extends Awaitable<?>> tasks, String what) {
        return bounded(co, co.coroutine(c -> c.gather(tasks, false)), what);
    }

    /** CPython refuses fewer than one party with ValueError. */
    @Test
    @Checks("asyncio.Barrier/parties-below-one-raises-valueerror")
    void partiesBelowOne(AsyncioModule m) {
        assertThrows(ValueError.class, () -> m.barrier(0));
        assertThrows(ValueError.class, () -> m.barrier(-1));
    }

    /** parties is the constructor's count. */
    @Test
    @Checks("asyncio.Barrier.parties/value")
    void partiesValue(AsyncioModule m) {
        for (long p : new long[] {1, 2, 7}) {
            assertEquals(p, m.barrier(p).parties());
        }
    }

    /** broken: False when new, True after abort(), False after reset(). */
    @Test
    @Checks("asyncio.Barrier.broken/reflects-state")
    void brokenReflectsState(AsyncioModule m) {
        Barrier b = m.barrier(2);
        m.run(co -> {
            assertFalse(b.broken());
            bounded(co, b.abort(), "abort()");
            assertTrue(b.broken());
            bounded(co, b.reset(), "reset()");
            assertFalse(b.broken());
            return null;
        });
    }

    /**
     * Tasks wait until the last party arrives (n_waiting counting them meanwhile); its arrival releases them all,
     * and n_waiting is 0 after.
     */
    @Test
    @Checks({"asyncio.Barrier.wait/waits-for-all-parties", "asyncio.Barrier.n_waiting/counts-filling"})
    void waitsForAllParties(AsyncioModule m) {
        Barrier b = m.barrier(3);
        m.run(co -> {
            assertEquals(0, b.nWaiting());
            Task<Long> t1 = started(co, b.await());
            assertEquals(1, b.nWaiting());
            Task<Long> t2 = started(co, b.await());
            assertEquals(2, b.nWaiting());
            steps(co, 5);
            assertPending(t1, t2);
            Long mine = bounded(co, b.await(), "the last party's wait()");
            assertEquals(0, b.nWaiting());
            steps(co, 5);
            assertTrue(t1.done() && t2.done(), "the parties already waiting should be released too");
            List<Long> got = new ArrayList<>(List.of(mine, t1.result(), t2.result()));
            Collections.sort(got);
            assertEquals(range(3), got);
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
            return null;
        });
    }

    /** Over several passages with a random number of parties, each passage's indices are 0..parties-1 once each. */
    @Test
    @Checks({"asyncio.Barrier.wait/distinct-indices", "asyncio.Barrier.wait/reusable"})
    void distinctIndicesEveryPassage(AsyncioModule m, Harness h) {
        Random random = h.random();
        int parties = 1 + random.nextInt(5);
        int rounds = 2 + random.nextInt(3);
        h.note("parties", Integer.toString(parties));
        h.note("rounds", Integer.toString(rounds));
        Barrier b = m.barrier(parties);
        Map<Integer, List<Long>> byRound = new ConcurrentHashMap<>();
        m.run(co -> {
            List<Task<Object>> ts = new ArrayList<>();
            for (int p = 0; p < parties; p++) {
                ts.add(co.createTask(c -> {
                    for (int r = 0; r < rounds; r++) {
                        long index = c.await(b.await());
                        byRound.computeIfAbsent(r, k -> Collections.synchronizedList(new ArrayList<>())).add(index);
                    }
                    return null;
                }));
            }
            all(co, ts, "all parties through all passages");
            return null;
        });
        for (int r = 0; r < rounds; r++) {
            List<Long> got = new ArrayList<>(byRound.get(r));
            Collections.sort(got);
            assertEquals(range(parties), got, "indices of passage " + r + " (parties " + parties + ")");
        }
    }

    /** Entering async with barrier waits at it, and __aenter__ gives the task's index. */
    @Test
    @Checks("asyncio.Barrier/async-with-gives-index")
    void asyncWithGivesIndex(AsyncioModule m) {
        Barrier b = m.barrier(2);
        m.run(co -> {
            Task<Object> t = started(co, c -> {
                Object index = c.await(b.aenter());
                c.await(b.aexit(null));
                return index;
            });
            assertPending(t);
            assertEquals(1, b.nWaiting());
            Object mine = bounded(co, b.aenter(), "__aenter__ of the last party");
            bounded(co, b.aexit(null), "__aexit__");
            Object theirs = bounded(co, t, "the other party");
            List<Long> got = new ArrayList<>(List.of((Long) mine, (Long) theirs));
            Collections.sort(got);
            assertEquals(range(2), got);
            return null;
        });
    }

    /** A cancelled waiter leaves a filling barrier: n_waiting drops by one, nothing breaks, a full set still passes. */
    @Test
    @Checks("asyncio.Barrier.wait/cancelled-waiter-leaves")
    void cancelledWaiterLeaves(AsyncioModule m) {
        Barrier b = m.barrier(3);
        m.run(co -> {
            Task<Long> t1 = started(co, b.await());
            Task<Long> t2 = started(co, b.await());
            assertEquals(2, b.nWaiting());
            t1.cancel();
            steps(co, 5);
            assertTrue(t1.cancelled());
            assertEquals(1, b.nWaiting());
            assertFalse(b.broken());
            Task<Long> t3 = started(co, b.await());
            assertEquals(2, b.nWaiting());
            assertPending(t2, t3);
            bounded(co, b.await(), "the last party");
            bounded(co, t2, "t2");
            bounded(co, t3, "t3");
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
            return null;
        });
    }

    /**
     * CPython: after the first arrival (index 0) is cancelled, the next arrival is given the index the count
     * then has, which a remaining task already holds: the passage's indices are 1, 1, 2.
     */
    @Test
    @Checks("asyncio.Barrier.wait/index-repeats-after-cancelled-arrival")
    void indexRepeatsAfterCancelledArrival(AsyncioModule m) {
        Barrier b = m.barrier(3);
        m.run(co -> {
            Task<Long> t1 = started(co, b.await());
            Task<Long> t2 = started(co, b.await());
            t1.cancel();
            steps(co, 5);
            Task<Long> t3 = started(co, b.await());
            Long mine = bounded(co, b.await(), "the last party");
            List<Long> got = new ArrayList<>(List.of(mine, bounded(co, t2, "t2"), bounded(co, t3, "t3")));
            Collections.sort(got);
            assertEquals(List.of(1L, 1L, 2L), got);
            return null;
        });
    }

    /** CPython: a task arriving while the previous passage drains waits for the next passage, as its first party. */
    @Test
    @Checks("asyncio.Barrier.wait/arrival-while-draining-waits")
    void arrivalWhileDrainingWaits(AsyncioModule m) {
        Barrier b = m.barrier(2);
        m.run(co -> {
            Task<Long> t1 = started(co, b.await());
            Task<Long> t2 = co.createTask(b.await());
            Task<Long> t3 = co.createTask(b.await());
            steps(co, 8);
            assertTrue(t1.done() && t2.done(), "the first passage should be through");
            assertPending(t3);
            assertEquals(1, b.nWaiting());
            Long mine = bounded(co, b.await(), "the second passage");
            assertEquals(0L, bounded(co, t3, "the late task").longValue(), "the late task is the first of its passage");
            assertEquals(1L, mine.longValue());
            return null;
        });
    }

    /** reset() makes the waiting tasks' wait() raise BrokenBarrierError. */
    @Test
    @Checks("asyncio.Barrier.reset/waiters-get-brokenbarriererror")
    void resetBreaksWaiters(AsyncioModule m) {
        Barrier b = m.barrier(3);
        m.run(co -> {
            Task<Long> t1 = started(co, b.await());
            Task<Long> t2 = started(co, b.await());
            bounded(co, b.reset(), "reset()");
            steps(co, 8);
            for (Task<Long> t : List.of(t1, t2)) {
                assertTrue(t.done(), "a waiter should be woken by reset()");
                assertInstanceOf(AsyncioBrokenBarrierError.class, t.exception());
            }
            return null;
        });
    }

    /** After reset (of a broken or of a waiting barrier) the barrier is empty, not broken, and a full set passes. */
    @Test
    @Checks("asyncio.Barrier.reset/back-to-empty")
    void resetBackToEmpty(AsyncioModule m) {
        Barrier b = m.barrier(2);
        m.run(co -> {
            bounded(co, b.abort(), "abort()");
            bounded(co, b.reset(), "reset()");
            assertFalse(b.broken());
            assertEquals(0, b.nWaiting());
            Task<Long> t = started(co, b.await());
            bounded(co, b.reset(), "reset() with a waiter");
            steps(co, 8);
            assertTrue(t.done());
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
            Task<Long> t2 = started(co, b.await());
            Long mine = bounded(co, b.await(), "a passage after reset");
            List<Long> got = new ArrayList<>(List.of(mine, bounded(co, t2, "the other party")));
            Collections.sort(got);
            assertEquals(range(2), got);
            return null;
        });
    }

    /** abort() breaks the barrier: the waiting task and any later wait() get BrokenBarrierError. */
    @Test
    @Checks("asyncio.Barrier.abort/breaks")
    void abortBreaks(AsyncioModule m) {
        Barrier b = m.barrier(3);
        m.run(co -> {
            Task<Long> t = started(co, b.await());
            bounded(co, b.abort(), "abort()");
            steps(co, 8);
            assertTrue(t.done(), "the waiter should be woken by abort()");
            assertInstanceOf(AsyncioBrokenBarrierError.class, t.exception());
            assertTrue(b.broken());
            assertThrows(AsyncioBrokenBarrierError.class, () -> bounded(co, b.await(), "wait() on a broken barrier"));
            assertThrows(AsyncioBrokenBarrierError.class, () -> bounded(co, b.await(), "another wait()"));
            return null;
        });
    }

    /** BrokenBarrierError is asyncio's own class and derives from RuntimeError. */
    @Test
    @Checks("asyncio.BrokenBarrierError/is-runtimeerror")
    void brokenBarrierErrorIsRuntimeError(AsyncioModule m) {
        Barrier b = m.barrier(2);
        m.run(co -> {
            bounded(co, b.abort(), "abort()");
            AsyncioBrokenBarrierError e = assertThrows(AsyncioBrokenBarrierError.class,
                    () -> bounded(co, b.await(), "wait() on a broken barrier"));
            assertEquals("asyncio.BrokenBarrierError", e.pythonMro().get(0), "MRO " + e.pythonMro());
            assertTrue(e.pythonMro().contains("builtins.RuntimeError"), "MRO " + e.pythonMro());
            return null;
        });
    }
}
