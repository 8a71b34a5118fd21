package dev.pyconc.reports.stress;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pyconc.reports.AllureResults;
import dev.pyconc.reports.Json;
import dev.pyconc.reports.Results;
import java.nio.file.Path;
import java.util.List;

/**
 * A stress run's report, the layout of {@code summary.json}; written with {@link Json}, and as Allure 2 results
 * through the one result model ({@link Results#ofStress}), labelled like the conformance results
 * ({@code parentSuite} = the Python module) so both can share one Allure report.
 *
 * @param run what ran, where and how
 * @param tests every test's result
 */
@JsonPropertyOrder({"run", "tests"})
public record StressReport(Run run, List<StressTestResult> tests) {

    /**
     * The run.
     *
     * @param adapter the adapter's name
     * @param profile quick, default or tough
     * @param testRegex the {@code --test} filter, or null
     * @param tools the tools run (jcstress, lincheck)
     * @param jvm Java runtime name and version
     * @param os operating system and processors
     * @param startedAtMillis start, epoch milliseconds
     * @param durationSeconds wall time of the whole run
     * @param jcstressExitCode the jcstress JVM's exit code, or null when it did not run
     * @param passed true when nothing failed
     */
    @JsonPropertyOrder({"adapter", "profile", "testRegex", "tools", "jvm", "os", "startedAtMillis", "durationSeconds",
            "jcstressExitCode", "passed"})
    public record Run(String adapter, String profile, String testRegex, List<String> tools, String jvm, String os,
            long startedAtMillis, double durationSeconds, Integer jcstressExitCode, boolean passed) {}

    /** Writes this report as JSON to {@code file} ({@code summary.json}). */
    public void writeJson(Path file) {
        Json.write(this, file);
    }

    /**
     * Writes one Allure result per test into {@code dir}, after removing an earlier run's results there; Lincheck
     * traces are read from {@code outDir}, the folder {@link StressTestResult#traceFile()} is relative to.
     */
    public void writeAllure(Path dir, Path outDir) {
        AllureResults.write(Results.ofStress(this, outDir, null), dir);
    }
}
