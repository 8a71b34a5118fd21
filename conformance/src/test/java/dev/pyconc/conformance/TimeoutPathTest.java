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

    /**
     * A case whose asyncio tasks wait forever is cut off the same way, on the reference and on CPython: the dump
     * shows each task by name with where it waits, the next case runs, and no task or body thread is left.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"reference", "cpython"})
    void hungTaskIsReportedTimeoutWithEveryTaskAndLeavesNothing(String adapter) throws InterruptedException {
        RunReport r = new ConformanceRunner(List.of(DiscoverySelectors.selectClass(HangingFixtureCases.class),
                DiscoverySelectors.selectClass(RunnerFixtureCases.class)))
                .run(RunOptions.of(adapter).withIds(List.of("*#taskHangs", "*#passes")), new ConformanceRunner.Observer() {});
        assertEquals(2, r.cases().size(), r.cases().toString());
        CaseResult hang = r.cases().stream().filter(c -> c.name().equals("HangingFixtureCases#taskHangs")).findFirst()
                .orElseThrow();
        assertEquals(Status.TIMEOUT, hang.status(), hang.toString());
        assertNotNull(hang.threadDump());
        assertTrue(hang.threadDump().contains("fixture-waiter"), "the waiting task, by name: " + hang.threadDump());
        assertTrue(hang.threadDump().contains(TASK_WAITS_AT.get(adapter)), "where it waits: " + hang.threadDump());
        assertEquals(Status.PASS, r.cases().stream().filter(c -> c.name().equals("RunnerFixtureCases#passes"))
                .findFirst().orElseThrow().status(), "the run goes on after a timeout");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<String> left = bodyThreads();
        while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            left = bodyThreads();
        }
        assertEquals(List.of(), left, "threads still running the hung case's bodies");
    }

    /**
     * What each adapter's dump shows of the waiting task: the reference, its Java body's frame; CPython, the
     * task's own stack as {@code asyncio} prints it.
     */
    private static final java.util.Map<String, String> TASK_WAITS_AT = java.util.Map.of(
            "reference", "HangingFixtureCases.lambda$taskHangs",
            "cpython", "Stack for <Task pending name='fixture-waiter'");

    /** Live threads of this JVM that are running a body of {@link HangingFixtureCases#taskHangs}. */
    private static List<String> bodyThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().startsWith("lambda$taskHangs")))
                .map(e -> e.getKey().getName()).toList();
    }
}
