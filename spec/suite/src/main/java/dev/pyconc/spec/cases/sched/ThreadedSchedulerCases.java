package dev.pyconc.spec.cases.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.sched.SchedEvent;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Cases for a {@code sched.scheduler} shared by threads (3.3+). */
@PyCase
class ThreadedSchedulerCases {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 100;

    /**
     * Events entered by several threads at once are all queued and all run, in time and priority order. (The
     * order among full ties, equal time and priority, is CPython's detail since 3.10, sched.scheduler.run/
     * ties-in-entry-order, and not checked here.)
     */
    @Test
    @Checks("sched.scheduler/thread-safe-concurrent-enter")
    void concurrentEntersLoseNothing(SchedModule sched, Harness h) {
        FakeClock clock = FakeClock.at(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        Random r = h.random();
        long[][] times = new long[THREADS][PER_THREAD];
        long[][] priorities = new long[THREADS][PER_THREAD];
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                times[t][i] = r.nextInt(10);
                priorities[t][i] = r.nextInt(3);
            }
        }
        List<long[]> ran = Collections.synchronizedList(new ArrayList<>());
        PyCallable record = (args, kwargs) -> {
            ran.add(new long[] {(Long) args.get(0), (Long) args.get(1), (Long) args.get(2), (Long) args.get(3)});
            return null;
        };
        CountDownLatch go = new CountDownLatch(1);
        Harness.Bunch enterers = h.bunch("enterer", THREADS, t -> {
            awaitGo(go);
            for (int i = 0; i < PER_THREAD; i++) {
                s.enterabs(times[t][i], priorities[t][i], record, List.of(times[t][i], priorities[t][i], (long) t, (long) i),
                        Map.of());
            }
        });
        try {
            enterers.awaitStarted(); // all are at the gate: released together, they enter at the same time
        } finally {
            go.countDown();
        }
        enterers.join();
        assertEquals(THREADS * PER_THREAD, s.queue().size());
        s.run();
        assertEquals(THREADS * PER_THREAD, ran.size());
        Map<String, Integer> seen = new HashMap<>();
        long[] prev = null;
        for (long[] e : ran) {
            seen.merge(e[2] + "/" + e[3], 1, Integer::sum);
            assertEquals(times[(int) e[2]][(int) e[3]], e[0]);
            if (prev != null) {
                assertTrue(prev[0] < e[0] || prev[0] == e[0] && prev[1] <= e[1],
                        "ran (time " + e[0] + ", priority " + e[1] + ") after (" + prev[0] + ", " + prev[1] + ")");
            }
            prev = e;
        }
        assertEquals(THREADS * PER_THREAD, seen.size(), "every event ran once");
    }

    /**
     * Threads calling run() on one scheduler at once run each event exactly once between them. Blocking, the
     * runners all wait in delayfunc for the first event before the clock moves, then race over the heap;
     * non-blocking, they start from a gate, with every event already due.
     */
    @Test
    @Checks("sched.scheduler/thread-safe-each-event-runs-once")
    void concurrentRunsRunEachEventOnce(SchedModule sched, Harness h) {
        int runners = 4;
        boolean blocking = h.random().nextBoolean();
        h.note("blocking", Boolean.toString(blocking));
        FakeClock clock = blocking ? FakeClock.gated(0.0) : FakeClock.at(100.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        Random r = h.random();
        int n = 300;
        List<Long> ran = Collections.synchronizedList(new ArrayList<>());
        PyCallable record = (args, kwargs) -> {
            ran.add((Long) args.get(0));
            return null;
        };
        for (long i = 0; i < n; i++) {
            // Few distinct times: most events are due together once the clock moves, so runners pop back to back.
            s.enterabs(1 + r.nextInt(5), r.nextInt(3), record, List.of(i), Map.of());
        }
        CountDownLatch go = new CountDownLatch(1);
        Harness.Bunch bunch = h.bunch("runner", runners, t -> {
            awaitGo(go);
            assertNull(s.run(blocking));
        });
        try {
            bunch.awaitStarted();
            go.countDown();
            if (blocking) {
                h.poll("every runner waiting in delayfunc for the first event",
                        () -> clock.waitingCount() == runners);
                assertEquals(List.of(), ran, "nothing is due before the clock moves");
            }
        } finally {
            go.countDown();
            clock.open(); // blocking: all runners leave delayfunc together and race over the heap
        }
        bunch.join();
        assertTrue(s.empty());
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (long id : ran) {
            counts.merge(id, 1, Integer::sum);
        }
        assertEquals(n, counts.size(), "every event ran: " + counts);
        assertTrue(counts.values().stream().allMatch(c -> c == 1), "no event ran twice: " + counts);
    }

    /** Waits (at most {@link Timing#LONG}) for the case to open the gate. */
    private static void awaitGo(CountDownLatch go) throws InterruptedException {
        if (!go.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS)) {
            throw new AssertionFailedError("the case never opened the gate");
        }
    }

    /**
     * An event another thread enters while run() waits in delayfunc for a later one runs first, once delayfunc
     * returns; run() then waits for the later one.
     */
    @Test
    @Checks("sched.scheduler.run/honours-event-entered-while-waiting")
    void eventEnteredWhileWaitingIsHonoured(SchedModule sched, Harness h) {
        FakeClock clock = FakeClock.gated(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        s.enterabs(10.0, 1, clock.action("late"));
        Thread runner = h.start("runner", s::run);
        try {
            h.poll("run() waiting in delayfunc for the event at 10", () -> clock.waitingAt(0.0));
            SchedEvent early = s.enter(4.0, 1, clock.action("early")); // entered while run() waits
            assertEquals(4.0, early.time());
            clock.advance(4.0); // delayfunc returns at 4, short of 10
            h.poll("run() waiting again, at 4", () -> clock.waitingAt(4.0));
            assertEquals(List.of("early@4.0"), clock.actions());
            clock.advance(6.0);
        } finally {
            clock.open();
        }
        h.join(runner);
        assertEquals(List.of("delay 10.0", "early@4.0", "delay 0.0", "delay 6.0", "late@10.0", "delay 0.0"), clock.log());
        assertTrue(s.empty());
    }

    /** An event cancelled by another thread while run() waits in delayfunc is not run; the others are. */
    @Test
    @Checks("sched.scheduler.cancel/from-another-thread-while-running")
    void cancelWhileRunWaits(SchedModule sched, Harness h) {
        FakeClock clock = FakeClock.gated(0.0);
        Scheduler s = sched.scheduler(clock.timefunc(), clock.delayfunc());
        s.enterabs(1.0, 1, clock.action("a"));
        SchedEvent b = s.enterabs(2.0, 1, clock.action("b"));
        SchedEvent c = s.enterabs(3.0, 1, clock.action("c"));
        Thread runner = h.start("runner", s::run);
        try {
            h.poll("run() waiting for a", () -> clock.waitingAt(0.0));
            clock.advance(1.0);
            h.poll("run() waiting for b, after running a", () -> clock.waitingAt(1.0));
            s.cancel(b);
            assertEquals(List.of(c), s.queue());
            clock.advance(1.0); // delayfunc returns at 2: b would be due now, but it is gone
            h.poll("run() waiting for c", () -> clock.waitingAt(2.0));
            assertEquals(List.of("a@1.0"), clock.actions());
            clock.advance(1.0);
        } finally {
            clock.open();
        }
        h.join(runner);
        assertEquals(List.of("a@1.0", "c@3.0"), clock.actions());
        assertTrue(s.empty());
    }
}
