package dev.pyconc.spec.cases.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.sched.SchedEvent;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code sched.scheduler.run}: order, waiting with delayfunc, non-blocking runs, exceptions. */
@PyCase
class RunCases {

    private static Scheduler on(SchedModule sched, FakeClock clock) {
        return sched.scheduler(clock.timefunc(), clock.delayfunc());
    }

    /** Events entered out of order run by time. */
    @Test
    @Checks("sched.scheduler.run/earlier-time-first")
    void eventsRunByTime(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        for (int t : new int[] {5, 1, 4, 2, 3}) {
            s.enterabs(t, 1, clock.action("t" + t));
        }
        s.run();
        assertEquals(List.of("t1@1.0", "t2@2.0", "t3@3.0", "t4@4.0", "t5@5.0"), clock.actions());
    }

    /** Events of one time run by priority, lower number first, for fixed and random entry orders. */
    @Test
    @Checks("sched.scheduler.run/same-time-lower-priority-first")
    void sameTimeRunsByPriority(SchedModule sched, Harness h) {
        List<List<Integer>> orders = new ArrayList<>(List.of(
                List.of(1, 2, 3, 4, 5), List.of(5, 4, 3, 2, 1), List.of(2, 5, 3, 1, 4)));
        List<Integer> shuffled = new ArrayList<>(java.util.stream.IntStream.range(0, 10).boxed().toList());
        Collections.shuffle(shuffled, h.random());
        orders.add(shuffled);
        for (List<Integer> priorities : orders) {
            FakeClock clock = FakeClock.at(0.0);
            Scheduler s = on(sched, clock);
            for (int p : priorities) {
                s.enterabs(1.0, p, clock.action("p" + p));
            }
            s.run();
            List<String> expected = priorities.stream().sorted().map(p -> "p" + p + "@1.0").toList();
            assertEquals(expected, clock.actions(), "entered with priorities " + priorities);
        }
    }

    /** An earlier event runs first even when a later one has the smaller priority (the docs' enter example). */
    @Test
    @Checks("sched.scheduler.run/time-before-priority")
    void timeComesBeforePriority(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        s.enterabs(2.0, 1, clock.action("late-urgent"));
        s.enterabs(1.0, 5, clock.action("early-minor"));
        s.enter(5.0, 2, clock.action("positional"));
        clock.set(0.5);
        s.enter(5.0, 1, clock.action("keyword")); // a smaller priority, but entered a little later
        clock.set(0.0);
        s.run();
        assertEquals(List.of("early-minor@1.0", "late-urgent@2.0", "positional@5.0", "keyword@5.5"),
                clock.actions());
    }

    /** Events with equal time and priority run in the order they were entered. */
    @Test
    @Checks("sched.scheduler.run/ties-in-entry-order")
    void tiesRunInEntryOrder(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        List<String> expected = new ArrayList<>();
        for (String name : List.of("e", "b", "d", "a", "c", "f")) {
            s.enterabs(3.0, 2, clock.action(name));
            expected.add(name + "@3.0");
        }
        s.run();
        assertEquals(expected, clock.actions());
    }

    /** Before each event not yet due run() calls delayfunc(time - now); after each action, delayfunc(0). */
    @Test
    @Checks({"sched.scheduler.run/waits-with-delayfunc-until-due", "sched.scheduler.run/delayfunc-zero-after-each-event"})
    void delayfuncWaitsForEachEventAndZeroAfterIt(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        s.enterabs(3.0, 1, clock.action("b"));
        s.enterabs(1.0, 1, clock.action("a"));
        s.enterabs(3.0, 2, clock.action("c"));
        s.run();
        assertEquals(List.of("delay 1.0", "a@1.0", "delay 0.0", "delay 2.0", "b@3.0", "delay 0.0", "c@3.0", "delay 0.0"),
                clock.log());
    }

    /** A delayfunc returning before the event's time is called again for the rest; the action waits for its time. */
    @Test
    @Checks("sched.scheduler.run/waits-again-if-delayfunc-returns-early")
    void earlyReturnOfDelayfuncIsRetried(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0).maxStep(1.0);
        Scheduler s = on(sched, clock);
        s.enterabs(3.5, 1, clock.action("a"));
        s.run();
        assertEquals(List.of("delay 3.5", "delay 2.5", "delay 1.5", "delay 0.5", "a@3.5", "delay 0.0"), clock.log());
    }

    /** Non-blocking runs also call delayfunc(0) after each action, and nothing else. */
    @Test
    @Checks("sched.scheduler.run/delayfunc-zero-after-each-event")
    void nonblockingRunAlsoYieldsAfterEachEvent(SchedModule sched) {
        FakeClock clock = FakeClock.at(10.0);
        Scheduler s = on(sched, clock);
        s.enterabs(3.0, 1, clock.action("c"));
        s.enterabs(1.0, 1, clock.action("a"));
        s.enterabs(2.0, 1, clock.action("b"));
        assertNull(s.run(false));
        assertEquals(List.of("a@10.0", "delay 0.0", "b@10.0", "delay 0.0", "c@10.0", "delay 0.0"), clock.log());
    }

    /** A blocking run() returns None only once every event has run, leaving the scheduler empty. */
    @Test
    @Checks("sched.scheduler.run/runs-until-empty")
    void blockingRunEmptiesTheQueue(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        assertNull(s.run(true), "nothing to run");
        assertEquals(List.of(), clock.log(), "no event, no delay");
        for (int i = 0; i < 5; i++) {
            s.enter(10.0 * i, i % 2, clock.action("e" + i));
        }
        assertNull(s.run(true));
        assertTrue(s.empty());
        assertEquals(List.of("e0@0.0", "e1@10.0", "e2@20.0", "e3@30.0", "e4@40.0"), clock.actions());
        assertEquals(40.0, clock.now());
    }

    /** Events an action enters are run by the same run(); events it cancels are skipped. */
    @Test
    @Checks("sched.scheduler.run/runs-events-entered-by-actions")
    void actionsMayChangeTheQueue(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        AtomicReference<SchedEvent> doomed = new AtomicReference<>();
        PyCallable c = clock.action("c");
        PyCallable e = clock.action("e");
        PyCallable logA = clock.action("a");
        s.enterabs(1.0, 1, (args, kwargs) -> {
            logA.call(args, kwargs);
            s.enter(1.0, 1, c); // at 2.0, before b
            s.cancel(doomed.get());
            s.enterabs(0.5, 1, e); // already overdue: runs next
            return null;
        });
        doomed.set(s.enterabs(3.0, 1, clock.action("d")));
        s.enterabs(4.0, 1, clock.action("b"));
        s.run();
        assertEquals(List.of("a@1.0", "e@1.0", "c@2.0", "b@4.0"), clock.actions());
        assertTrue(s.empty());
    }

    /** Actions that make the clock overshoot later events do not cause drops: the late events all run, in order. */
    @Test
    @Checks("sched.scheduler.run/falls-behind-without-dropping")
    void lateEventsStillRun(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        PyCallable logA = clock.action("a");
        s.enterabs(1.0, 1, (args, kwargs) -> {
            logA.call(args, kwargs);
            clock.set(10.0); // a slow action: the next three events are overdue when it returns
            return null;
        });
        s.enterabs(2.0, 1, clock.action("b"));
        s.enterabs(3.0, 1, clock.action("c"));
        s.enterabs(4.0, 1, clock.action("d"));
        s.enterabs(12.0, 1, clock.action("e"));
        s.run();
        assertEquals(List.of("delay 1.0", "a@1.0", "delay 0.0", "b@10.0", "delay 0.0", "c@10.0", "delay 0.0",
                "d@10.0", "delay 0.0", "delay 2.0", "e@12.0", "delay 0.0"), clock.log());
    }

    /** run(blocking=False) runs the due events, keeps the later ones and calls delayfunc only with 0. */
    @Test
    @Checks("sched.scheduler.run/nonblocking-runs-only-due-events")
    void nonblockingRunRunsOnlyDueEvents(SchedModule sched) {
        FakeClock clock = FakeClock.at(5.0);
        Scheduler s = on(sched, clock);
        SchedEvent t7 = s.enterabs(7.0, 1, clock.action("t7"));
        s.enterabs(3.0, 1, clock.action("t3"));
        s.enterabs(5.0, 1, clock.action("t5"));
        SchedEvent t9 = s.enterabs(9.0, 1, clock.action("t9"));
        s.run(false);
        assertEquals(List.of("t3@5.0", "delay 0.0", "t5@5.0", "delay 0.0"), clock.log());
        assertEquals(List.of(t7, t9), s.queue());
        assertEquals(5.0, clock.now(), "a non-blocking run does not wait");
    }

    /**
     * run(blocking=False) with events left returns when the next one is due: its deadline (the docs) or the
     * time left until it (CPython), the same reading on every call.
     */
    @Test
    @Checks("sched.scheduler.run/nonblocking-returns-next-deadline")
    void nonblockingRunReturnsNextDeadline(SchedModule sched) {
        FakeClock clock = FakeClock.at(10.0);
        Scheduler s = on(sched, clock);
        s.enterabs(12.5, 1, clock.action("a"));
        s.enterabs(20.0, 1, clock.action("b"));
        Double first = s.run(false);
        clock.set(12.5);
        Double second = s.run(false);
        List<Object> got = java.util.Arrays.asList(first, second);
        assertTrue(got.equals(List.of(12.5, 20.0)) || got.equals(List.of(2.5, 7.5)),
                "expected the deadlines [12.5, 20.0] (docs) or the times left [2.5, 7.5] (CPython), got " + got);
        assertEquals(List.of("a@12.5"), clock.actions(), "a ran once due; b is still queued");
    }

    /** CPython's run(blocking=False) returns the next event's time minus timefunc(), for float and int clocks. */
    @Test
    @Checks("sched.scheduler.run/nonblocking-returns-time-left")
    void nonblockingRunReturnsTimeLeft(SchedModule sched) {
        FakeClock clock = FakeClock.at(10.0);
        Scheduler s = on(sched, clock);
        s.enterabs(12.5, 1, clock.action("a"));
        s.enterabs(20.0, 1, clock.action("b"));
        assertEquals(2.5, s.run(false));
        clock.set(12.5);
        assertEquals(7.5, s.run(false), "a ran; b is 7.5 away");
        FakeClock ints = FakeClock.ints(100);
        Scheduler si = on(sched, ints);
        si.enter(40.0, 1, ints.action("c"));
        assertEquals(40.0, si.run(false));
        assertEquals(List.of(), ints.log());
    }

    /** run(blocking=False) returns None when no event is left, whether or not it ran some. */
    @Test
    @Checks("sched.scheduler.run/nonblocking-returns-none-when-empty")
    void nonblockingRunReturnsNoneWhenEmpty(SchedModule sched) {
        FakeClock clock = FakeClock.at(10.0);
        Scheduler s = on(sched, clock);
        assertNull(s.run(false));
        s.enterabs(9.0, 1, clock.action("a"));
        s.enterabs(10.0, 1, clock.action("b"));
        assertNull(s.run(false));
        assertEquals(List.of("a@10.0", "b@10.0"), clock.actions());
    }

    /** An action's exception leaves run(); that event is gone, and the next run() runs the rest only. */
    @Test
    @Checks("sched.scheduler.run/action-exception-propagates")
    void actionExceptionPropagatesAndIsNotRetried(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = on(sched, clock);
        AtomicInteger failedCalls = new AtomicInteger();
        s.enterabs(1.0, 1, clock.action("a"));
        SchedEvent bad = s.enterabs(2.0, 1, (args, kwargs) -> {
            failedCalls.incrementAndGet();
            throw new ValueError("boom");
        });
        SchedEvent c = s.enterabs(3.0, 1, clock.action("c"));
        assertThrows(ValueError.class, s::run);
        assertEquals(1, failedCalls.get());
        assertEquals(List.of(c), s.queue(), "the failed event has left the queue; c is still there");
        assertEquals(2.0, clock.now());
        s.run();
        assertEquals(1, failedCalls.get(), "the failed event is not run again");
        assertEquals(List.of("a@1.0", "c@3.0"), clock.actions());
        assertTrue(s.empty());
    }

    /** delayfunc's exception leaves run(); the awaited event stays queued and the next run() runs it. */
    @Test
    @Checks("sched.scheduler.run/delayfunc-exception-propagates")
    void delayfuncExceptionPropagatesAndEventStays(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failAt = new AtomicInteger(1);
        PyCallable delay = clock.delayfunc();
        Scheduler s = sched.scheduler(clock.timefunc(), (args, kwargs) -> {
            if (calls.incrementAndGet() == failAt.get()) {
                throw new RuntimeError("delay failed");
            }
            return delay.call(args, kwargs);
        });
        SchedEvent a = s.enterabs(1.0, 1, clock.action("a"));
        SchedEvent b = s.enterabs(2.0, 1, clock.action("b"));
        // The first delay, waiting for a, fails: nothing ran, nothing left the queue.
        assertThrows(RuntimeError.class, s::run);
        assertEquals(List.of(), clock.actions());
        assertEquals(List.of(a, b), s.queue());
        assertEquals(0.0, clock.now());
        // This time the delay(0) after a fails: a ran and is gone, b is still queued.
        calls.set(0);
        failAt.set(2);
        assertThrows(RuntimeError.class, s::run);
        assertEquals(List.of("a@1.0"), clock.actions());
        assertEquals(List.of(b), s.queue());
        failAt.set(-1);
        s.run();
        assertEquals(List.of("a@1.0", "b@2.0"), clock.actions());
        assertTrue(s.empty());
    }
}
