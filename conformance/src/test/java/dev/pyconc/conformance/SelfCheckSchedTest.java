package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Profile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The self-check for {@code sched}: see {@link SelfCheckTest} and {@link PriorityBlindSchedulerAdapterProvider}. */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckSchedTest {
    static final List<String> SCHED_SCOPE = List.of("sched.*");

    /** A scheduler that orders by time and entry order only is caught by the same-time priority cases. */
    @Test
    void priorityBlindSchedulerIsCaught() throws Exception {
        RunReport r = new ConformanceRunner().run(RunOptions.of("broken-sched-priority-blind").withProfile(Profile.CPYTHON).withIds(SCHED_SCOPE),
                new ConformanceRunner.Observer() {});
        SelfCheckTest.assertCaught(r.cases(), Map.of(
                "sched.scheduler.run/same-time-lower-priority-first", Status.FAIL,
                "sched.scheduler.queue/upcoming-in-run-order", Status.FAIL),
                // Randomised priorities entered by several threads: out of priority order in all but freak runs.
                Set.of("sched.scheduler/thread-safe-concurrent-enter"));
    }

    /** The reference passes the same scope. */
    @Test
    void referencePassesTheSchedScope() throws Exception {
        RunReport r = new ConformanceRunner().run(RunOptions.of("reference").withProfile(Profile.CPYTHON).withIds(SCHED_SCOPE),
                new ConformanceRunner.Observer() {});
        org.junit.jupiter.api.Assertions.assertTrue(r.succeeded(), () -> r.cases().toString());
    }
}
