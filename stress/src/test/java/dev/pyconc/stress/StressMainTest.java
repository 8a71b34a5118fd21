package dev.pyconc.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyconc.stress.cli.StressMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyconc stress}: usage errors, and a broken adapter caught end to end with its trace and reports. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StressMainTest {
    private static int run(StringWriter err, String... args) {
        return StressMain.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void badFlagsAndUnknownAdapterGiveOneLineErrors() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "--profile", "fast"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        err = new StringWriter();
        assertEquals(2, run(err, "--no-such-flag"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        err = new StringWriter();
        assertEquals(1, run(err, "--adapter", "no-such-adapter"));
        assertTrue(err.toString().startsWith("pyconc stress: error: unknown adapter 'no-such-adapter'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    /**
     * Runs the stress CLI in its own JVM (the adapter is fixed per JVM) on the test adapter whose Lock is
     * racy: Lincheck must fail, the CLI exit 1, and the trace, summary and Allure results be written.
     */
    @Test
    void racyAdapterIsCaughtWithTraceSummaryAndAllure(@TempDir Path out) throws IOException, InterruptedException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+EnableDynamicAgentLoading", "-cp", System.getProperty("java.class.path"),
                StressMain.class.getName(), "--tool", "lincheck", "--adapter", "seeded-racy-lock",
                "--test", "threading\\.Lock$", "--out", out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), output);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("lincheck| lock FAIL"), output);

        Path trace = out.resolve("lincheck").resolve("lock.txt");
        assertTrue(Files.readString(trace).contains("Invalid execution results"), "trace file: " + trace);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("seeded-racy-lock", summary.at("/run/adapter").asText());
        assertFalse(summary.at("/run/passed").asBoolean());
        assertEquals(1, summary.get("tests").size());
        JsonNode t = summary.get("tests").get(0);
        assertEquals("threading.Lock", t.get("primitive").asText());
        assertEquals("FAIL", t.get("status").asText());
        assertTrue(t.get("forbiddenSeen").asBoolean());
        assertEquals("lincheck/lock.txt", t.get("traceFile").asText());

        try (Stream<Path> s = Files.list(out.resolve("allure-results"))) {
            List<Path> results = s.filter(f -> f.toString().endsWith("-result.json")).toList();
            assertEquals(1, results.size());
            JsonNode r = new ObjectMapper().readTree(results.get(0).toFile());
            assertEquals("failed", r.get("status").asText());
        }
    }
}
