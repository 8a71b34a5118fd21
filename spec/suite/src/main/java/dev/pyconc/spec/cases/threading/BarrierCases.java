package dev.pyconc.spec.cases.threading;

import static dev.pyconc.spec.cases.threading.ThreadCases.containsSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code threading.Barrier}. Every case aborts its barrier in {@code finally}, so that no helper
 * stays blocked in {@code wait()} when the case fails.
 */
@PyCase
class BarrierCases {

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    /** Lets {@code n} helper threads pass {@code b} once and returns their indices, sorted. */
    private static List<Long> fullRound(Harness h, Barrier b, int n) {
        ConcurrentLinkedQueue<Long> indices = new ConcurrentLinkedQueue<>();
        h.bunch("party", n, i -> indices.add(b.await())).join();
        return indices.stream().sorted().toList();
    }

    /** Parties below 1 are refused with ValueError. */
    @Test
    @Checks("threading.Barrier/parties-below-one-valueerror")
    void partiesBelowOne(ThreadingModule threading) {
        assertThrows(ValueError.class, () -> threading.barrier(0));
        assertThrows(ValueError.class, () -> threading.barrier(-1));
        assertThrows(ValueError.class, () -> threading.barrier(0, null, null));
    }

    /** parties is the constructor's count; a new barrier has nobody waiting and is not broken. */
    @Test
    @Checks({"threading.Barrier.parties/value", "threading.Barrier.broken/reflects-state"})
    void initialState(ThreadingModule threading) {
        for (long parties : new long[] {1, 2, 7}) {
            Barrier b = threading.barrier(parties);
            assertEquals(parties, b.parties());
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
        }
        assertEquals(3, threading.barrier(3, null, Timing.MEDIUM).parties());
    }

    /** wait() blocks until the last party arrives; n_waiting counts the blocked ones and is 0 after the round. */
    @Test
    @Checks({"threading.Barrier.wait/blocks-until-all-parties", "threading.Barrier.n_waiting/counts-waiters"})
    void blocksUntilAllParties(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(3);
        AtomicInteger passed = new AtomicInteger();
        try {
            Thread first = h.start("first", () -> {
                b.await();
                passed.incrementAndGet();
            });
            h.poll("one thread waiting at the barrier", () -> b.nWaiting() == 1);
            Thread second = h.start("second", () -> {
                b.await();
                passed.incrementAndGet();
            });
            h.poll("two threads waiting at the barrier", () -> b.nWaiting() == 2);
            assertEquals(0, passed.get(), "a party passed before all had arrived");
            b.await();
            h.join(first);
            h.join(second);
            assertEquals(2, passed.get());
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
        } finally {
            b.abort();
        }
    }

    /** Over several rounds with a random number of parties, each round's indices are 0..parties-1, once each. */
    @Test
    @Checks({"threading.Barrier.wait/distinct-indices", "threading.Barrier.wait/reusable"})
    void distinctIndicesEveryRound(ThreadingModule threading, Harness h) {
        Random random = h.random();
        int parties = 1 + random.nextInt(6);
        int rounds = 1 + random.nextInt(4);
        h.note("parties", Integer.toString(parties));
        h.note("rounds", Integer.toString(rounds));
        Barrier b = threading.barrier(parties);
        ConcurrentHashMap<Integer, ConcurrentLinkedQueue<Long>> byRound = new ConcurrentHashMap<>();
        try {
            h.bunch("party", parties, i -> {
                for (int r = 0; r < rounds; r++) {
                    long index = b.await();
                    byRound.computeIfAbsent(r, k -> new ConcurrentLinkedQueue<>()).add(index);
                }
            }).join();
        } finally {
            b.abort();
        }
        for (int r = 0; r < rounds; r++) {
            List<Long> got = byRound.get(r).stream().sorted().toList();
            assertEquals(range(parties), got, "indices of round " + r + " (parties " + parties + ")");
        }
    }

    /** The action runs once per round, on one of the waiting threads, before any of them is released. */
    @Test
    @Checks({"threading.Barrier.wait/action-runs-once-before-release", "threading.Barrier.wait/reusable"})
    void actionRunsOncePerRoundBeforeRelease(ThreadingModule threading, Harness h) {
        int parties = 3;
        int rounds = 3;
        AtomicInteger actions = new AtomicInteger();
        List<PyThread> actionThreads = new CopyOnWriteArrayList<>();
        List<PyThread> partyThreads = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Barrier b = threading.barrier(parties, (args, kwargs) -> {
            actions.incrementAndGet();
            actionThreads.add(threading.currentThread());
            return null;
        }, null);
        ConcurrentHashMap<Integer, ConcurrentLinkedQueue<Long>> byRound = new ConcurrentHashMap<>();
        try {
            h.bunch("party", parties, i -> {
                partyThreads.add(threading.currentThread());
                for (int r = 0; r < rounds; r++) {
                    long index = b.await();
                    int seen = actions.get();
                    if (seen != r + 1) {
                        problems.add("party " + i + " left round " + r + " having seen " + seen + " action calls");
                    }
                    byRound.computeIfAbsent(r, k -> new ConcurrentLinkedQueue<>()).add(index);
                }
            }).join();
        } finally {
            b.abort();
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(rounds, actions.get());
        for (PyThread t : actionThreads) {
            assertTrue(containsSame(partyThreads, t), "action ran on " + t.getName() + ", not a waiting party");
        }
        for (int r = 0; r < rounds; r++) {
            assertEquals(range(parties), byRound.get(r).stream().sorted().toList(), "round " + r);
        }
    }

    /** Outcome counts of one round whose action raises ValueError. */
    private record ActionFailure(int passed, int broken, int actionError, boolean barrierBroken) {}

    private static ActionFailure roundWithFailingAction(ThreadingModule threading, Harness h, int parties) {
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger actionError = new AtomicInteger();
        Barrier b = threading.barrier(parties, (args, kwargs) -> {
            throw new ValueError("action failed");
        }, null);
        try {
            h.bunch("party", parties, i -> {
                try {
                    b.await();
                    passed.incrementAndGet();
                } catch (BrokenBarrierError e) {
                    broken.incrementAndGet();
                } catch (ValueError e) {
                    actionError.incrementAndGet();
                }
            }).join();
            return new ActionFailure(passed.get(), broken.get(), actionError.get(), b.broken());
        } finally {
            b.abort();
        }
    }

    /**
     * The BrokenBarrierError a broken barrier raises has RuntimeError among its Python bases. On a Java adapter
     * the SPI's exception classes fix that relation; on an interpreter the case reads the raised exception's
     * own MRO.
     */
    @Test
    @Checks("threading.BrokenBarrierError/is-runtimeerror")
    void brokenBarrierErrorIsRuntimeError(ThreadingModule threading) {
        Barrier b = threading.barrier(2);
        b.abort();
        BrokenBarrierError e = assertThrows(BrokenBarrierError.class, b::await);
        assertEquals("threading.BrokenBarrierError", e.pythonMro().get(0));
        assertTrue(e.pythonMro().contains("builtins.RuntimeError"), "MRO " + e.pythonMro());
    }

    /** When the action raises, nobody passes, the barrier is broken, and the other parties get BrokenBarrierError. */
    @Test
    @Checks("threading.Barrier.wait/action-error-breaks-barrier")
    void actionErrorBreaksBarrier(ThreadingModule threading, Harness h) {
        ActionFailure f = roundWithFailingAction(threading, h, 3);
        assertEquals(0, f.passed(), f.toString());
        assertTrue(f.barrierBroken(), f.toString());
        assertTrue(f.broken() >= 2, f.toString());
        assertEquals(3, f.broken() + f.actionError(), f.toString());
    }

    /** The party that ran the failing action gets the action's exception itself. */
    @Test
    @Checks("threading.Barrier.wait/action-error-raised-in-caller")
    void actionErrorReachesCaller(ThreadingModule threading, Harness h) {
        ActionFailure f = roundWithFailingAction(threading, h, 3);
        assertEquals(1, f.actionError(), f.toString());
        assertEquals(2, f.broken(), f.toString());
    }

    /** A wait(timeout) alone at the barrier raises BrokenBarrierError after the timeout and breaks it. */
    @Test
    @Checks({"threading.Barrier.wait/timeout-breaks-barrier", "threading.Barrier.broken/reflects-state"})
    void timeoutBreaksBarrier(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(2);
        double elapsed = h.time(() -> assertThrows(BrokenBarrierError.class, () -> b.await(Timing.SHORT)));
        h.assertTimedOut(elapsed, Timing.SHORT);
        assertTrue(b.broken());
        assertEquals(0, b.nWaiting());
    }

    /** When a party's wait times out, a party already waiting (without timeout) gets BrokenBarrierError. */
    @Test
    @Checks("threading.Barrier.wait/timeout-breaks-other-waiters")
    void timeoutBreaksOtherWaiters(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(3);
        try {
            Thread waiter = h.start("waiter", () -> assertThrows(BrokenBarrierError.class, b::await));
            h.poll("a thread waiting at the barrier", () -> b.nWaiting() == 1);
            double elapsed = h.time(() -> assertThrows(BrokenBarrierError.class, () -> b.await(Timing.SHORT)));
            h.assertTimedOut(elapsed, Timing.SHORT);
            h.join(waiter);
            assertTrue(b.broken());
        } finally {
            b.abort();
        }
    }

    /** wait() without a timeout uses the constructor's timeout: BrokenBarrierError after it, barrier broken. */
    @Test
    @Checks("threading.Barrier.wait/default-timeout")
    void defaultTimeout(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(2, null, Timing.SHORT);
        double elapsed = h.time(() -> assertThrows(BrokenBarrierError.class, b::await));
        h.assertTimedOut(elapsed, Timing.SHORT);
        assertTrue(b.broken());
        b.reset();
        elapsed = h.time(() -> assertThrows(BrokenBarrierError.class, () -> b.await(null)));
        h.assertTimedOut(elapsed, Timing.SHORT);
    }

    /** A longer timeout given to wait() wins over a short default: the barrier survives past the default. */
    @Test
    @Checks("threading.Barrier.wait/timeout-overrides-default")
    void longerTimeoutOverridesDefault(ThreadingModule threading, Harness h) throws InterruptedException {
        Barrier b = threading.barrier(2, null, Timing.SHORT);
        try {
            Thread waiter = h.start("waiter", () -> b.await(Timing.LONG));
            h.poll("a thread waiting at the barrier", () -> b.nWaiting() == 1);
            // Not a guess about blocking: the point is to let the short default timeout pass several times over.
            Thread.sleep(Math.round(4 * Timing.SHORT * 1000));
            assertFalse(b.broken(), "the waiter used the default timeout instead of its own");
            assertEquals(1, b.nWaiting());
            b.await(Timing.LONG);
            h.join(waiter);
            assertFalse(b.broken());
        } finally {
            b.abort();
        }
    }

    /** A shorter timeout given to wait() wins over a long default. */
    @Test
    @Checks("threading.Barrier.wait/timeout-overrides-default")
    void shorterTimeoutOverridesDefault(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(2, null, 3 * Timing.LONG);
        double elapsed = h.time(() -> assertThrows(BrokenBarrierError.class, () -> b.await(Timing.SHORT)));
        h.assertTimedOut(elapsed, Timing.SHORT);
        assertTrue(b.broken());
    }

    /** abort() wakes a waiter with BrokenBarrierError, marks the barrier broken, and later waits fail at once. */
    @Test
    @Checks({"threading.Barrier.abort/breaks-current-and-future-waits", "threading.Barrier.broken/reflects-state"})
    void abortBreaks(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(2);
        try {
            Thread waiter = h.start("waiter", () -> assertThrows(BrokenBarrierError.class, b::await));
            h.poll("a thread waiting at the barrier", () -> b.nWaiting() == 1);
            assertFalse(b.broken());
            b.abort();
            h.join(waiter);
            assertTrue(b.broken());
            BrokenBarrierError e = assertThrows(BrokenBarrierError.class, b::await);
            assertEquals("threading.BrokenBarrierError", e.pythonName());
            h.assertPrompt(h.time(() -> assertThrows(BrokenBarrierError.class, () -> b.await(Timing.LONG))));
            assertTrue(b.broken());
        } finally {
            b.abort();
        }
    }

    /** reset() makes current waiters raise BrokenBarrierError and leaves an empty, unbroken, usable barrier. */
    @Test
    @Checks("threading.Barrier.reset/waiters-get-brokenbarriererror")
    void resetWakesWaiters(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(3);
        try {
            Harness.Bunch waiters = h.bunch("waiter", 2, i -> assertThrows(BrokenBarrierError.class, b::await));
            h.poll("two threads waiting at the barrier", () -> b.nWaiting() == 2);
            b.reset();
            waiters.join();
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
            assertEquals(range(3), fullRound(h, b, 3));
        } finally {
            b.abort();
        }
    }

    /** reset() of a broken barrier makes it unbroken and lets a full round pass again. */
    @Test
    @Checks("threading.Barrier.reset/repairs-broken-barrier")
    void resetRepairsBrokenBarrier(ThreadingModule threading, Harness h) {
        Barrier b = threading.barrier(2);
        try {
            b.abort();
            assertTrue(b.broken());
            b.reset();
            assertFalse(b.broken());
            assertEquals(range(2), fullRound(h, b, 2));
            assertEquals(range(2), fullRound(h, b, 2));
        } finally {
            b.abort();
        }
    }
}
