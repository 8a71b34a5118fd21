package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyconc matrix}: selection, one results file per implementation, a progress line each, the report hook. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MatrixCommandTest {
    @Test
    void unknownImplementationIsBadUsage() {
        MainTest.Result r = MainTest.cli("matrix", "--impl", "nosuch");
        assertEquals(Main.EXIT_USAGE, r.code(), r.toString());
        assertTrue(r.err().startsWith("pyconc: unknown implementation 'nosuch' for --impl; known: reference, cpython-3.14"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void runsEachSelectedImplementationInItsOwnJvmAndReportsThemTogether(@TempDir Path dir) throws Exception {
        MainTest.Result r = MainTest.cli("matrix", "--impl", "reference", "--impl", "fake",
                "--id", "threading.Lock.release/unlocked-raises-runtimeerror", "--results-dir", dir.toString());
        assertEquals(0, r.code(), r.toString());
        for (String impl : new String[] {"reference", "fake"}) {
            Path json = dir.resolve(impl + ".json");
            assertTrue(Files.isRegularFile(json), "no " + json + ": " + r);
            JsonNode run = JsonReport.mapper().readTree(json.toFile()).path("run");
            assertEquals(impl, run.path("adapter").asText());
            assertTrue(run.path("counts").path("PASS").asInt() >= 1, run.toString());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("matrix: " + impl) && l.contains("CONFORMS")
                    && l.contains(" PASS in ")), r.out());
            assertTrue(r.out().contains("-> " + json), "the line names the results file: " + r.out());
        }
        Path index = dir.resolve("report/index.html");
        assertTrue(r.out().contains("matrix: report " + index), r.out());
        String page = Files.readString(index);
        assertTrue(page.contains("reference") && page.contains("fake"), "both columns in the report");
    }

    @Test
    void anImplementationThatCannotStartIsReportedNotFatal(@TempDir Path dir) {
        // fake-unavailable is an adapter whose create() fails: the matrix says why in one line and goes on.
        MainTest.Result r = MainTest.cli("matrix", "--impl", "reference", "--impl", "fake-unavailable",
                "--id", "threading.Lock.release/unlocked-raises-runtimeerror", "--results-dir", dir.toString(), "--jobs", "1");
        assertEquals(Main.EXIT_FAILURE, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("matrix: fake-unavailable") && l.contains("NO RESULTS")),
                r.out());
        assertTrue(Files.isRegularFile(dir.resolve("reference.json")), r.toString());
    }
}
