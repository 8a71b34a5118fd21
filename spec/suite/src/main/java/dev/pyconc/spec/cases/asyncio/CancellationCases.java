package dev.pyconc.spec.cases.asyncio;

import static dev.pyconc.spec.cases.asyncio.Aio.assertPending;
import static dev.pyconc.spec.cases.asyncio.Aio.bounded;
import static dev.pyconc.spec.cases.asyncio.Aio.started;
import static dev.pyconc.spec.cases.asyncio.Aio.steps;
import static dev.pyconc.spec.cases.asyncio.SemaphoreCases.takeAtOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Semaphore;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.TimeoutError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases for cancellation, {@code asyncio.wait_for} and {@code asyncio.timeout} around the primitives' waits: the
 * part of asyncio where most bugs live. Cancellation is delivered by {@code Task.cancel()} and observed at the
 * next steps of the loop.
 */
@PyCase
class CancellationCases {

    /** A cancelled Lock waiter ends with CancelledError; the holder keeps the Lock and the next waiter gets it. */
    @Test
    @Checks("asyncio.Lock.acquire/cancelled-waiter-does-not-take-lock")
    void lockCancelledWaiterDoesNotTakeIt(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "main's acquire");
            Task<Boolean> t1 = started(co, lock.acquire());
            Task<Boolean> t2 = started(co, lock.acquire());
            assertTrue(t1.cancel());
            steps(co, 5);
            assertTrue(t1.cancelled(), "the cancelled waiter should end cancelled");
            assertThrows(AsyncioCancelledError.class, () -> co.await(t1));
            assertTrue(lock.locked(), "the holder still holds the lock");
            assertPending(t2);
            lock.release();
            assertEquals(Boolean.TRUE, bounded(co, t2, "the next waiter"));
            assertTrue(lock.locked(), "the next waiter holds the lock");
            return null;
        });
    }

    /**
     * The first waiter cancelled right after a release chose it (before it ran): the Lock goes to the next waiter,
     * or stays free when nobody else waits; never held by none while someone waits, never by two.
     */
    @Test
    @Checks("asyncio.Lock.acquire/cancelled-after-release-hands-over")
    void lockCancelledAfterReleaseHandsOver(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "main's acquire");
            Task<Boolean> t1 = started(co, lock.acquire());
            Task<Boolean> t2 = started(co, lock.acquire());
            Task<Boolean> t3 = started(co, lock.acquire());
            lock.release();
            assertTrue(t1.cancel());
            steps(co, 6);
            assertTrue(t1.cancelled(), "the first waiter was cancelled before it ran");
            assertTrue(t2.done(), "the lock should pass to the second waiter");
            assertEquals(Boolean.TRUE, t2.result());
            assertPending(t3);
            assertTrue(lock.locked());
            lock.release();
            bounded(co, t3, "the third waiter");
            assertTrue(lock.locked());
            // Now alone: the only waiter, cancelled after the release that chose it, leaves the lock free.
            Task<Boolean> t4 = started(co, lock.acquire());
            lock.release();
            assertTrue(t4.cancel());
            steps(co, 6);
            assertTrue(t4.cancelled());
            assertFalse(lock.locked(), "nobody holds the lock after its only waiter was cancelled");
            return null;
        });
    }

    /**
     * Property: with random cancellations (some right after a release) among a random number of Lock waiters,
     * each release gives the Lock to the oldest waiter not cancelled, and the Lock is held exactly when the model
     * says someone holds it.
     */
    @ParameterizedTest(name = "schedule {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    @Checks("asyncio.Lock.acquire/fifo-under-cancellation")
    void lockFifoUnderRandomCancellation(int schedule, AsyncioModule m, Harness h) {
        Random random = scheduleRandom(h, schedule);
        int n = 3 + random.nextInt(6);
        Lock lock = m.lock();
        m.run(co -> {
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            bounded(co, lock.acquire(), "main's acquire");
            List<Task<Object>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                ts.add(started(co, c -> {
                    c.await(lock.acquire());
                    order.add(id);
                    return null;
                }));
            }
            LinkedList<Integer> waiting = new LinkedList<>();
            for (int i = 0; i < n; i++) {
                waiting.add(i);
            }
            List<Integer> expected = new ArrayList<>();
            StringBuilder log = new StringBuilder("waiters " + n + ":");
            boolean held = true;
            while (held) {
                if (!waiting.isEmpty() && random.nextInt(3) == 0) {
                    cancelOne(ts, waiting, random, log, "cancel");
                } else {
                    lock.release();
                    log.append(" release");
                    if (!waiting.isEmpty() && random.nextBoolean()) {
                        cancelOne(ts, waiting, random, log, "+cancel");
                    }
                    if (waiting.isEmpty()) {
                        held = false;
                    } else {
                        expected.add(waiting.removeFirst());
                    }
                }
                steps(co, 6);
                assertEquals(expected, List.copyOf(order), "who got the lock, in order, after" + log);
                assertEquals(held, lock.locked(), "locked() after" + log);
            }
            return null;
        });
    }

    /**
     * The case's generator, advanced by {@code schedule} draws, so that the invocations of a parameterized case
     * replayed with one {@code -Dpyconc.seed} still run different schedules.
     */
    private static Random scheduleRandom(Harness h, int schedule) {
        Random random = h.random();
        for (int i = 0; i < schedule; i++) {
            random.nextLong();
        }
        return random;
    }

    /** Cancels a random task among the waiting ones; it must not be done yet, so cancel() returns True. */
    private static void cancelOne(List<? extends Task<?>> ts, List<Integer> waiting, Random random, StringBuilder log,
            String what) {
        int x = waiting.remove(random.nextInt(waiting.size()));
        log.append(' ').append(what).append(' ').append(x);
        assertTrue(ts.get(x).cancel(), "cancel() of waiter " + x + " that should still be waiting, after" + log);
    }

    /** acquire() of a held Lock inside asyncio.timeout(d) ends with TimeoutError after d, without taking the Lock. */
    @Test
    @Checks("asyncio.Lock.acquire/timeout-context")
    void lockAcquireInTimeoutBlock(AsyncioModule m, Harness h) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "main's acquire");
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.timeout(Timing.SHORT, () -> co.await(lock.acquire())));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertTrue(lock.locked());
            lock.release();
            assertFalse(lock.locked(), "the timed-out acquire must not have taken the lock");
            return null;
        });
    }

    /** A cancelled Event waiter ends with CancelledError; the other waiters still wake on set(). */
    @Test
    @Checks("asyncio.Event.wait/cancelled-waiter")
    void eventCancelledWaiter(AsyncioModule m) {
        Event e = m.event();
        m.run(co -> {
            Task<Boolean> t1 = started(co, e.await());
            Task<Boolean> t2 = started(co, e.await());
            Task<Boolean> t3 = started(co, e.await());
            assertTrue(t2.cancel());
            steps(co, 5);
            assertTrue(t2.cancelled());
            assertPending(t1, t3);
            e.set();
            assertEquals(Boolean.TRUE, bounded(co, t1, "waiter 1"));
            assertEquals(Boolean.TRUE, bounded(co, t3, "waiter 3"));
            return null;
        });
    }

    /** wait_for around an Event nobody sets raises TimeoutError after the timeout; the Event stays clear. */
    @Test
    @Checks("asyncio.Event.wait/wait-for-timeout")
    void eventWaitForTimeout(AsyncioModule m, Harness h) {
        Event e = m.event();
        m.run(co -> {
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.waitFor(e.await(), Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertFalse(e.isSet());
            return null;
        });
    }

    /**
     * Runs the cancelled-waiter scenario for {@code wait} (a Condition wait or wait_for): a task waits, another
     * task takes the lock, the waiter is cancelled, and must not leave while the lock is held by the other task;
     * once freed, the waiter leaves with CancelledError holding the lock. Then the same with the lock free.
     */
    private static void reacquiresWhenCancelled(AsyncioModule m, Function<Condition, CoroutineFunction<Object>> wait) {
        Condition c = m.condition();
        m.run(co -> {
            AtomicReference<Boolean> heldAtCancel = new AtomicReference<>();
            CoroutineFunction<Object> waits = wait.apply(c);
            CoroutineFunction<Object> body = x -> {
                x.await(c.acquire());
                try {
                    return waits.call(x);
                } catch (AsyncioCancelledError e) {
                    heldAtCancel.set(c.locked());
                    throw e;
                }
            };
            // 1. Cancelled while another task holds the lock: the waiter waits for the lock first.
            Task<Object> t = started(co, body);
            assertPending(t);
            assertFalse(c.locked(), "the waiter should have released the lock while waiting");
            bounded(co, c.acquire(), "main takes the lock");
            assertTrue(t.cancel());
            steps(co, 10);
            assertPending(t);
            c.release();
            steps(co, 10);
            assertTrue(t.done(), "the cancelled waiter should leave once the lock is free");
            assertTrue(t.cancelled(), "the wait should end with CancelledError");
            assertEquals(Boolean.TRUE, heldAtCancel.get(), "CancelledError left the wait without the lock");
            assertTrue(c.locked(), "the cancelled waiter holds the lock it took back");
            c.release();
            // 2. Cancelled with the lock free.
            heldAtCancel.set(null);
            Task<Object> t2 = started(co, body);
            assertPending(t2);
            assertTrue(t2.cancel());
            steps(co, 10);
            assertTrue(t2.cancelled(), "the wait should end with CancelledError");
            assertEquals(Boolean.TRUE, heldAtCancel.get(), "CancelledError left the wait without the lock");
            assertTrue(c.locked(), "the cancelled waiter holds the lock it took back");
            c.release();
            return null;
        });
    }

    /** A task cancelled in Condition.wait() holds the lock again when CancelledError leaves the wait. */
    @Test
    @Checks("asyncio.Condition.wait/reacquires-when-cancelled")
    void conditionWaitReacquiresWhenCancelled(AsyncioModule m) {
        reacquiresWhenCancelled(m, c -> x -> x.await(c.await()));
    }

    /** A task cancelled in Condition.wait_for() holds the lock again when CancelledError leaves it. */
    @Test
    @Checks("asyncio.Condition.wait_for/reacquires-when-cancelled")
    void conditionWaitForReacquiresWhenCancelled(AsyncioModule m) {
        reacquiresWhenCancelled(m, c -> x -> x.await(c.waitFor(() -> Boolean.FALSE)));
    }

    /** wait_for(cond.wait(), d) raises TimeoutError after d with the lock held again. */
    @Test
    @Checks("asyncio.Condition.wait/timeout-reacquires")
    void conditionWaitTimeoutReacquires(AsyncioModule m, Harness h) {
        Condition c = m.condition();
        m.run(co -> {
            bounded(co, c.acquire(), "acquire");
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.waitFor(c.await(), Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertTrue(c.locked(), "TimeoutError left the wait without the lock");
            c.release();
            return null;
        });
    }

    /** CPython: a waiter notified but cancelled before it returned passes the notification to another waiter. */
    @Test
    @Checks("asyncio.Condition.wait/cancelled-notified-waiter-passes-on")
    void conditionCancelledNotifiedWaiterPassesOn(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
            Task<Boolean> t1 = ConditionCases.waiter(co, c, woken, 1);
            Task<Boolean> t2 = ConditionCases.waiter(co, c, woken, 2);
            bounded(co, c.acquire(), "acquire by the notifier");
            c.signal();
            c.release();
            assertTrue(t1.cancel());
            steps(co, 10);
            assertTrue(t1.cancelled());
            assertTrue(t2.done(), "the notification should pass to the other waiter");
            assertEquals(List.of(2), List.copyOf(woken));
            assertFalse(c.locked());
            return null;
        });
    }

    /**
     * A cancelled Semaphore waiter takes no unit: cancelled while waiting, or right after a release chose it (the
     * unit then goes to the next waiter, or stays free when none waits).
     */
    @Test
    @Checks("asyncio.Semaphore.acquire/cancelled-waiter-takes-no-unit")
    void semaphoreCancelledWaiterTakesNoUnit(AsyncioModule m) {
        Semaphore s = m.semaphore(0);
        m.run(co -> {
            Task<Boolean> t1 = started(co, s.acquire());
            Task<Boolean> t2 = started(co, s.acquire());
            Task<Boolean> t3 = started(co, s.acquire());
            assertTrue(t1.cancel());
            steps(co, 5);
            assertTrue(t1.cancelled());
            assertPending(t2, t3);
            s.release();
            assertTrue(t2.cancel());
            steps(co, 6);
            assertTrue(t2.cancelled());
            assertTrue(t3.done(), "the unit should go to the waiter not cancelled");
            assertTrue(s.locked(), "the only unit is held by waiter 3");
            Task<Boolean> t4 = started(co, s.acquire());
            s.release();
            assertTrue(t4.cancel());
            steps(co, 6);
            assertTrue(t4.cancelled());
            assertFalse(s.locked(), "the unit stays free when its only waiter was cancelled");
            takeAtOnce(co, s, 1);
            return null;
        });
    }

    /**
     * Runs a random schedule of releases and cancellations over Semaphore waiters and returns nothing; checks after
     * each move that as many waiters got a unit as the model says (and, with {@code fifo}, exactly which ones).
     */
    private static void semaphoreSchedule(AsyncioModule m, Harness h, int schedule, boolean fifo) {
        Random random = scheduleRandom(h, schedule);
        int units = 1 + random.nextInt(3);
        int n = 3 + random.nextInt(6);
        Semaphore s = m.semaphore(units);
        m.run(co -> {
            takeAtOnce(co, s, units);
            List<Integer> got = Collections.synchronizedList(new ArrayList<>());
            List<Task<Object>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                ts.add(started(co, c -> {
                    c.await(s.acquire());
                    got.add(id);
                    return null;
                }));
            }
            List<Integer> expected = new ArrayList<>();
            int free = 0;
            StringBuilder log = new StringBuilder("units " + units + ", waiters " + n + ":");
            while (true) {
                // The waiters still waiting, oldest first, as the tasks' state shows them.
                LinkedList<Integer> waiting = new LinkedList<>();
                for (int i = 0; i < n; i++) {
                    if (!ts.get(i).done()) {
                        waiting.add(i);
                    }
                }
                if (waiting.isEmpty()) {
                    break;
                }
                if (random.nextInt(3) == 0) {
                    cancelOne(ts, waiting, random, log, "cancel");
                } else {
                    s.release();
                    log.append(" release");
                    if (!waiting.isEmpty() && random.nextBoolean()) {
                        cancelOne(ts, waiting, random, log, "+cancel");
                    }
                    if (waiting.isEmpty()) {
                        free++;
                    } else {
                        expected.add(waiting.removeFirst());
                    }
                }
                steps(co, 6);
                if (fifo) {
                    assertEquals(expected, List.copyOf(got), "who got a unit, in order, after" + log);
                } else {
                    assertEquals(expected.size(), got.size(), "how many waiters got a unit after" + log);
                    for (int id : List.copyOf(got)) {
                        assertFalse(ts.get(id).cancelled(), "cancelled waiter " + id + " got a unit, after" + log);
                    }
                }
                assertEquals(free == 0, s.locked(), "locked() after" + log);
            }
            for (int i = 0; i < n; i++) {
                assertTrue(ts.get(i).cancelled() || got.contains(i), "waiter " + i + " neither cancelled nor served");
            }
            return null;
        });
    }

    /**
     * Property: with random cancellations (some right after a release) among Semaphore waiters, each release gives
     * one waiter not cancelled a unit, a cancelled one never gets one, and units are neither lost nor made.
     */
    @ParameterizedTest(name = "schedule {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    @Checks("asyncio.Semaphore.acquire/units-conserved-under-cancellation")
    void semaphoreUnitsConservedUnderRandomCancellation(int schedule, AsyncioModule m, Harness h) {
        semaphoreSchedule(m, h, schedule, false);
    }

    /** Property (CPython): the same random schedules, and the units go to the waiters oldest first. */
    @ParameterizedTest(name = "schedule {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    @Checks("asyncio.Semaphore.acquire/fifo-under-cancellation")
    void semaphoreFifoUnderRandomCancellation(int schedule, AsyncioModule m, Harness h) {
        semaphoreSchedule(m, h, schedule, true);
    }

    /** wait_for(sem.acquire(), d) on an exhausted Semaphore raises TimeoutError after d and takes no unit. */
    @Test
    @Checks("asyncio.Semaphore.acquire/wait-for-timeout")
    void semaphoreWaitForTimeout(AsyncioModule m, Harness h) {
        Semaphore s = m.semaphore(0);
        m.run(co -> {
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.waitFor(s.acquire(), Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertTrue(s.locked());
            s.release();
            assertFalse(s.locked(), "the timed-out acquire must not have taken the unit released later");
            takeAtOnce(co, s, 1);
            return null;
        });
    }
}
