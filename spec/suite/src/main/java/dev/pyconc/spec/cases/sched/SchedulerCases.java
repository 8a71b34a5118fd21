package dev.pyconc.spec.cases.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.sched.SchedEvent;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cases for {@code sched.scheduler}: construction, enterabs, enter, cancel, empty and the queue attribute. */
@PyCase
class SchedulerCases {

    /** A scheduler built with no arguments waits in real time: run() returns no sooner than the entered delay. */
    @Test
    @Checks("sched.scheduler/default-real-time")
    void defaultSchedulerWaitsInRealTime(SchedModule sched, Harness h) {
        Scheduler s = sched.scheduler();
        AtomicInteger runs = new AtomicInteger();
        long t0 = h.now();
        s.enter(Timing.SHORT, 1, PyCallable.of(runs::incrementAndGet));
        assertEquals(0, runs.get(), "entering must not run the action");
        s.run();
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertEquals(1, runs.get());
        assertTrue(s.empty());
    }

    /** With a fake clock, events an hour apart in clock units run at once in real time, at their clock times. */
    @Test
    @Checks("sched.scheduler/time-only-from-timefunc")
    void fakeClockDrivesTheScheduler(SchedModule sched, Harness h) {
        FakeClock clock = FakeClock.at(1000.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        s.enterabs(4600.0, 1, clock.action("a"));
        s.enter(7200.0, 1, clock.action("b"));
        double took = h.time(s::run);
        h.assertPrompt(took);
        assertEquals(List.of("delay 3600.0", "a@4600.0", "delay 0.0", "delay 3600.0", "b@8200.0", "delay 0.0"),
                clock.log());
        assertEquals(8200.0, clock.now());
    }

    /** A timefunc returning ints works with float event times; enter adds the float delay to the int time. */
    @Test
    @Checks("sched.scheduler/times-in-any-unit")
    void intClockWithFloatTimes(SchedModule sched) {
        FakeClock clock = FakeClock.ints(10);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        SchedEvent b = s.enter(5.0, 1, clock.action("b"));
        SchedEvent a = s.enterabs(12.0, 1, clock.action("a"));
        assertEquals(15.0, b.time());
        assertEquals(12.0, a.time());
        assertEquals(2.0, s.run(false));
        s.run();
        assertEquals(List.of("delay 2.0", "a@12", "delay 0.0", "delay 3.0", "b@15", "delay 0.0"), clock.log());
    }

    /** enterabs returns an event carrying the time, priority, action, argument and kwargs it was given. */
    @Test
    @Checks("sched.scheduler.enterabs/returns-event-with-fields")
    void enterabsReturnsTheEvent(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        PyCallable action = clock.action("a");
        SchedEvent e = s.enterabs(5.5, 3, action, List.of(1L, "x"), Map.of("k", 2L));
        assertEquals(5.5, e.time());
        assertEquals(3L, e.priority());
        assertSame(action, e.action());
        assertEquals(List.of(1L, "x"), e.argument());
        assertEquals(Map.of("k", 2L), e.kwargs());
    }

    /** The action is called with argument as positional and kwargs as keyword arguments. */
    @Test
    @Checks("sched.scheduler.enterabs/calls-action-with-argument-and-kwargs")
    void actionGetsArgumentAndKwargs(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        List<List<Object>> calls = Collections.synchronizedList(new ArrayList<>());
        PyCallable record = (args, kwargs) -> {
            calls.add(List.of(List.copyOf(args), Map.copyOf(kwargs)));
            return null;
        };
        s.enterabs(1.0, 1, record, List.of(1L, 2L), Map.of("foo", 3L));
        s.enterabs(2.0, 1, record, List.of("a", "b"), Map.of());
        s.enterabs(3.0, 1, record, List.of(), Map.of("only", true));
        s.run();
        assertEquals(List.of(
                List.of(List.of(1L, 2L), Map.of("foo", 3L)),
                List.of(List.of("a", "b"), Map.of()),
                List.of(List.of(), Map.of("only", true))), calls);
    }

    /** Without argument and kwargs, enterabs and enter store empty ones and the action gets no arguments. */
    @Test
    @Checks({"sched.scheduler.enterabs/argument-and-kwargs-optional", "sched.scheduler.enter/argument-and-kwargs-optional"})
    void argumentAndKwargsAreOptional(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        List<List<Object>> calls = Collections.synchronizedList(new ArrayList<>());
        PyCallable record = (args, kwargs) -> {
            calls.add(List.of(List.copyOf(args), Map.copyOf(kwargs)));
            return null;
        };
        SchedEvent a = s.enterabs(1.0, 1, record);
        SchedEvent b = s.enter(2.0, 1, record);
        s.enter(3.0, 1, record, List.of(7L), Map.of("x", 8L));
        for (SchedEvent e : List.of(a, b)) {
            assertEquals(List.of(), e.argument());
            assertEquals(Map.of(), e.kwargs());
        }
        s.run();
        assertEquals(List.of(List.of(List.of(), Map.of()), List.of(List.of(), Map.of()),
                List.of(List.of(7L), Map.of("x", 8L))), calls);
    }

    /** enter schedules at timefunc() plus the delay, read when enter is called. */
    @Test
    @Checks("sched.scheduler.enter/relative-to-timefunc")
    void enterIsRelativeToNow(SchedModule sched) {
        FakeClock clock = FakeClock.at(100.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        PyCallable action = clock.action("later");
        SchedEvent later = s.enter(5.0, 2, action, List.of("p"), Map.of("k", "v"));
        assertEquals(105.0, later.time());
        assertEquals(2L, later.priority());
        assertSame(action, later.action());
        assertEquals(List.of("p"), later.argument());
        assertEquals(Map.of("k", "v"), later.kwargs());
        clock.set(103.0);
        SchedEvent sooner = s.enter(1.0, 2, clock.action("sooner"));
        assertEquals(104.0, sooner.time());
        assertEquals(List.of(sooner, later), s.queue());
        s.run();
        assertEquals(List.of("sooner@104.0", "later@105.0"), clock.actions());
    }

    /** Cancelled events are not run; the others are. */
    @Test
    @Checks("sched.scheduler.cancel/removes-event")
    void cancelledEventsDoNotRun(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        List<SchedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.add(s.enterabs(i, 1, clock.action("e" + i)));
        }
        s.cancel(events.get(0));
        s.cancel(events.get(4));
        assertEquals(events.subList(1, 4), s.queue());
        s.run();
        assertEquals(List.of("e2@2.0", "e3@3.0", "e4@4.0"), clock.actions());
        assertTrue(s.empty());
    }

    /** Cancelling an event already cancelled or already run raises ValueError and changes nothing. */
    @Test
    @Checks("sched.scheduler.cancel/absent-raises-valueerror")
    void cancelOfAbsentEventRaises(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        SchedEvent a = s.enterabs(1.0, 1, clock.action("a"));
        SchedEvent b = s.enterabs(2.0, 1, clock.action("b"));
        SchedEvent c = s.enterabs(3.0, 1, clock.action("c"));
        s.cancel(b);
        assertThrows(ValueError.class, () -> s.cancel(b));
        assertEquals(List.of(a, c), s.queue());
        clock.set(1.0);
        assertEquals(2.0, s.run(false));
        assertThrows(ValueError.class, () -> s.cancel(a), "a has run already");
        assertEquals(List.of(c), s.queue());
        s.run();
        assertEquals(List.of("a@1.0", "c@3.0"), clock.actions());
        assertThrows(ValueError.class, () -> s.cancel(c));
    }

    /** Of three events with equal time and priority, cancelling the middle one leaves the other two. */
    @Test
    @Checks("sched.scheduler.cancel/exact-event-among-equal-ones")
    void cancelPicksTheGivenEventAmongEqualOnes(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        AtomicInteger calls = new AtomicInteger();
        PyCallable same = (args, kwargs) -> {
            calls.incrementAndGet();
            return null;
        };
        // Same time, priority, action and (no) arguments: only the entry order tells the three apart.
        SchedEvent a = s.enterabs(1.0, 1, same, List.of(), Map.of());
        SchedEvent b = s.enterabs(1.0, 1, same, List.of(), Map.of());
        SchedEvent c = s.enterabs(1.0, 1, same, List.of(), Map.of());
        s.cancel(b);
        assertEquals(List.of(a, c), s.queue());
        s.run();
        assertEquals(2, calls.get());
        assertTrue(s.empty());
    }

    /** empty() is True when nothing is queued: new, after cancelling everything, after running everything. */
    @Test
    @Checks("sched.scheduler.empty/reflects-queue")
    void emptyFollowsTheQueue(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        assertTrue(s.empty());
        SchedEvent a = s.enterabs(1.0, 1, clock.action("a"));
        assertFalse(s.empty());
        s.cancel(a);
        assertTrue(s.empty());
        s.enter(1.0, 1, clock.action("b"));
        s.enter(2.0, 1, clock.action("c"));
        assertFalse(s.empty());
        clock.set(1.0);
        s.run(false);
        assertFalse(s.empty(), "c is not due yet");
        s.run();
        assertTrue(s.empty());
    }

    /**
     * queue lists the events left, in the order they will run: time, then priority. (No two events here share
     * both: the order of such ties is CPython's detail since 3.10, sched.scheduler.run/ties-in-entry-order.)
     */
    @Test
    @Checks("sched.scheduler.queue/upcoming-in-run-order")
    void queueIsInRunOrder(SchedModule sched) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        SchedEvent t5 = s.enterabs(5.0, 1, clock.action("t5"));
        SchedEvent t1 = s.enterabs(1.0, 1, clock.action("t1"));
        SchedEvent t3p2 = s.enterabs(3.0, 2, clock.action("t3p2"));
        SchedEvent t3p1 = s.enterabs(3.0, 1, clock.action("t3p1"));
        SchedEvent t3p3 = s.enterabs(3.0, 3, clock.action("t3p3"));
        SchedEvent t2 = s.enterabs(2.0, 9, clock.action("t2"));
        assertEquals(List.of(t1, t2, t3p1, t3p2, t3p3, t5), s.queue());
        clock.set(2.0);
        s.run(false);
        assertEquals(List.of(t3p1, t3p2, t3p3, t5), s.queue(), "t1 and t2 have run");
        s.cancel(t3p2);
        assertEquals(List.of(t3p1, t3p3, t5), s.queue());
        s.run();
        assertEquals(List.of(), s.queue());
        assertEquals(List.of("t1@2.0", "t2@2.0", "t3p1@3.0", "t3p3@3.0", "t5@5.0"), clock.actions());
    }

    /** The events in queue are those enter/enterabs returned, with the fields they were scheduled with. */
    @Test
    @Checks("sched.scheduler.queue/events-have-named-fields")
    void queuedEventsCarryTheirFields(SchedModule sched) {
        FakeClock clock = FakeClock.at(10.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        PyCallable x = clock.action("x");
        PyCallable y = clock.action("y");
        SchedEvent ex = s.enterabs(12.5, 7, x, List.of("arg"), Map.of("kw", 1L));
        SchedEvent ey = s.enter(1.0, 4, y);
        List<SchedEvent> q = s.queue();
        assertEquals(List.of(ey, ex), q);
        SchedEvent qy = q.get(0);
        SchedEvent qx = q.get(1);
        assertEquals(11.0, qy.time());
        assertEquals(4L, qy.priority());
        assertSame(y, qy.action());
        assertEquals(List.of(), qy.argument());
        assertEquals(Map.of(), qy.kwargs());
        assertEquals(12.5, qx.time());
        assertEquals(7L, qx.priority());
        assertSame(x, qx.action());
        assertEquals(List.of("arg"), qx.argument());
        assertEquals(Map.of("kw", 1L), qx.kwargs());
        s.cancel(qx); // the event from queue is the one enterabs returned
        assertEquals(List.of(ey), s.queue());
        assertEquals(1.0, s.run(false), "ey is due at 11.0, one unit after now");
        assertEquals(List.of(), clock.actions());
    }
}
