package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Timing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * A case that hangs is cut off at its deadline and reported TIMEOUT with the thread dumps, and the run goes
 * on. Runs in its own JVM with a tiny timing factor (see conformance/pom.xml) so that the deadline is short.
 */
class TimeoutPathTest {
    @Test
    void hangingCaseIsReportedTimeoutWithThreadDumps() {
        assertTrue(Timing.CASE <= 5.0, "this test needs a small pyconc.timing.factor; CASE is " + Timing.CASE + " s");
        RunReport r = new ConformanceRunner(List.of(DiscoverySelectors.selectClass(HangingFixtureCases.class),
                DiscoverySelectors.selectClass(RunnerFixtureCases.class)))
                .run(RunOptions.of("fake").withIds(List.of("*#hangs", "*#passes")), new ConformanceRunner.Observer() {});
        assertEquals(2, r.cases().size(), r.cases().toString());
        CaseResult hang = r.cases().stream().filter(c -> c.name().equals("HangingFixtureCases#hangs")).findFirst()
                .orElseThrow();
        assertEquals(Status.TIMEOUT, hang.status(), hang.toString());
        assertTrue(hang.message().startsWith("case did not finish within"), hang.message());
        assertNotNull(hang.threadDump());
        assertTrue(hang.threadDump().contains("pyconc-case dev.pyconc.conformance.HangingFixtureCases#hangs"),
                hang.threadDump());
        assertTrue(hang.threadDump().contains("CountDownLatch.await"), hang.threadDump());
        assertTrue(hang.durationSeconds() >= Timing.CASE, "cut off no earlier than the deadline: " + hang.durationSeconds());
        assertEquals(Status.PASS, r.cases().stream().filter(c -> c.name().equals("RunnerFixtureCases#passes"))
                .findFirst().orElseThrow().status(), "the run goes on after a timeout");
        assertTrue(!r.succeeded());
    }
}
