package dev.pyconc.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyconc.bench.BenchRow;
import dev.pyconc.bench.BenchRows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's smoke of {@code pyconc bench}: BenchMain in quick mode (one short iteration, no fork; one short
 * CPython repeat on the bundled CPython 3.14) into a temporary folder. It checks that every row is there with a
 * time above zero in every column; it never judges a time (benchmarks are not timed tests).
 */
class BenchMainSmokeTest {
    @TempDir
    Path dir;

    @Test
    void quickRunWritesEveryRowWithTimes() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--quick", "--out", dir.toString());
        assertEquals(0, code, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out);

        for (String f : BenchMain.OUTPUTS) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f + " is empty or missing");
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("quick", summary.path("settings").path("mode").asText());
        assertTrue(summary.path("machine").path("cores").asInt() > 0);
        assertTrue(summary.path("machine").path("cpython").asText().startsWith("CPython 3.14"),
                summary.path("machine").toString());
        JsonNode rows = summary.path("rows");
        assertEquals(BenchRows.ALL.size(), rows.size(), rows::toString);
        String md = Files.readString(dir.resolve("summary.md"));
        for (int i = 0; i < rows.size(); i++) {
            BenchRow expected = BenchRows.ALL.get(i);
            JsonNode row = rows.get(i);
            assertEquals(expected.id(), row.path("id").asText());
            boolean cpython = expected.noCpython() == null;
            for (String column : cpython ? List.of("reference", "java", "cpython") : List.of("reference", "java")) {
                double ns = row.path(column).path("nsPerOp").asDouble(-1);
                assertTrue(ns > 0, expected.id() + " " + column + ": " + row.path(column));
            }
            assertTrue(row.path("referenceOverJava").asDouble(-1) > 0, row::toString);
            if (cpython) {
                assertTrue(row.path("referenceOverCpython").asDouble(-1) > 0, row::toString);
            } else {
                assertTrue(row.path("cpython").path("nsPerOp").isMissingNode(), row::toString);
            }
            assertTrue(md.contains("| `" + expected.operation() + "` |"), md);
        }
        assertTrue(out.toString().contains("| operation | reference | Java counterpart |"), out::toString);
        if (BenchRows.ALL.stream().allMatch(r -> r.noCpython() == null)) {
            assertTrue(!md.contains("n/a"), md);
        }
    }

    @Test
    void noPythonLeavesTheColumnOutAndIncludeSelects() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--quick", "--no-python",
                "--include", "Popen", "--out", dir.toString());
        assertEquals(0, code, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out);
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        JsonNode rows = summary.path("rows");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(BenchRows.POPEN_WAIT.id(), rows.get(0).path("id").asText());
        assertTrue(rows.get(0).path("java").path("nsPerOp").asDouble(-1) > 0, rows::toString);
        assertTrue(rows.get(0).path("cpython").path("nsPerOp").isMissingNode(), rows::toString);
        assertTrue(!Files.exists(dir.resolve("cpython.json")));
    }

    @Test
    void usageErrors() {
        StringWriter err = new StringWriter();
        assertEquals(2, BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "--include", "("));
        assertTrue(err.toString().contains("--include: not a regex"), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(1, BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "--include", "no such row", "--out", dir.toString()));
        assertTrue(err.toString().contains("no row matched"), err::toString);
    }
}
