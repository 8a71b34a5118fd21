package dev.pyconc.conformance.graalpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.conformance.CaseResult;
import dev.pyconc.conformance.ConformanceRunner;
import dev.pyconc.conformance.Expectations;
import dev.pyconc.conformance.cpython.OrphanSemaphores;
import dev.pyconc.conformance.RunOptions;
import dev.pyconc.conformance.RunReport;
import dev.pyconc.conformance.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One module (sched) on the graalpy adapter, as {@code ./pyconc run --adapter graalpy --module sched} runs it: GraalPy
 * from the jars the build copied, under the launcher the adapter writes, driven by the cpython bridge. Results must
 * come back with no ERROR or TIMEOUT (a bridge or launcher failure), and a FAIL only where GraalPy is known to
 * deviate from the docs; when the adapter is closed no GraalPy process is left.
 *
 * <p>Runs in a surefire execution of its own ({@code graalpy-smoke}) with timing factor 3 (GraalPy runs
 * interpreted here) and a 1 s bound on the end-of-run pool probe (a process pool starts a JVM per worker).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GraalpySmokeTest {
    @Test
    void schedRunsOnGraalpy(@TempDir Path dir) {
        long t0 = System.nanoTime();
        Path json = dir.resolve("results.json");
        long since = System.currentTimeMillis();
        RunReport report = new ConformanceRunner().run(
                new RunOptions("graalpy", List.of("sched"), List.of(), dir, json)
                        .withExpectations(Expectations.resolve("graalpy"), false), // GraalPy's known deviations
                new ConformanceRunner.Observer() {});
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("graalpy smoke: %s in %.1f s, startup %s s%n", report.run().counts(), seconds,
                report.run().adapterDetails().get("startupSeconds"));
        assertEquals("graalpy", report.run().adapter());
        assertTrue(report.run().implementation().startsWith("GraalPy 3."), report.run().implementation());
        assertFalse(report.cases().isEmpty(), "no results");
        assertTrue(Files.isRegularFile(json), "no results file");
        List<String> bad = report.cases().stream()
                .filter(c -> c.status() == Status.ERROR || c.status() == Status.TIMEOUT || c.status() == Status.FAIL)
                .map(c -> c.status() + " " + c.name() + ": " + c.message()).toList();
        assertTrue(bad.isEmpty(), "graalpy smoke: " + bad);
        assertTrue(report.cases().stream().map(CaseResult::status).anyMatch(s -> s == Status.PASS), "nothing passed");
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().orElse("pid " + h.pid()))
                .filter(c -> c.contains("GraalPythonMain") || c.contains("pyconc-graalpy")).toList();
        assertEquals(List.of(), OrphanSemaphores.orphans(since),
                "multiprocessing semaphores the run left in /dev/shm (e.g. of a pool probe cut short)");
        assertTrue(left.isEmpty(), "GraalPy processes outlived the run: " + left);
    }
}
