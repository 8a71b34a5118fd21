package dev.pyconc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The rows and the benchmarks agree: every row names benchmarks that exist, and every benchmark is in a row. */
class BenchRowsTest {
    @Test
    void rowsAndBenchmarksAgree() {
        Set<String> benchmarks = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            benchmarks.add(e.getUsername());
        }
        Set<String> named = new TreeSet<>();
        Set<String> ids = new HashSet<>();
        for (BenchRow r : BenchRows.ALL) {
            assertTrue(ids.add(r.id()), "duplicate row id " + r.id());
            assertTrue(benchmarks.contains(r.reference()), r.reference() + " is no benchmark: " + benchmarks);
            assertTrue(benchmarks.contains(r.java()), r.java() + " is no benchmark: " + benchmarks);
            named.add(r.reference());
            named.add(r.java());
        }
        assertEquals(benchmarks, named, "benchmarks that are in no row");
    }

    @Test
    void selectFindsIdsOperationsAndBenchmarkNames() {
        assertEquals(BenchRows.ALL, BenchRows.select(null));
        assertEquals(List.of(BenchRows.SUBPROCESS_RUN), BenchRows.select(Pattern.compile("^subprocess\\.run$")));
        assertEquals(List.of(BenchRows.POPEN_WAIT), BenchRows.select(Pattern.compile("referencePopenWait")));
        assertEquals(List.of(BenchRows.SUBPROCESS_RUN, BenchRows.POPEN_WAIT), BenchRows.select(Pattern.compile("ProcessBuilder")));
    }
}
