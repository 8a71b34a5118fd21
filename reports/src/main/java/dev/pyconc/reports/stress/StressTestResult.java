package dev.pyconc.reports.stress;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One stress test's result, as written to {@code summary.json}.
 *
 * @param test the test's full name (jcstress test class, or {@code LincheckTests.method})
 * @param tool {@code jcstress} or {@code lincheck}
 * @param primitive the Python primitive it exercises (e.g. {@code threading.Lock}), derived from the name
 * @param status jcstress's verdict (OK, FAILED, ERROR, ...) or, for Lincheck, PASS / FAIL / ERROR
 * @param outcomes jcstress: the observed outcomes across all configurations with their counts; Lincheck: empty
 * @param forbiddenSeen true when jcstress saw a FORBIDDEN outcome or Lincheck found a non-linearizable run
 * @param durationSeconds wall time (Lincheck per test; jcstress: not measured per test, so null)
 * @param message the failure's first line, or null
 * @param traceFile where the full failure (Lincheck's trace) was saved, relative to the output folder, or null
 */
@JsonPropertyOrder({"test", "tool", "primitive", "status", "outcomes", "forbiddenSeen", "durationSeconds", "message",
        "traceFile"})
public record StressTestResult(String test, String tool, String primitive, String status, List<Outcome> outcomes,
        boolean forbiddenSeen, Double durationSeconds, String message, String traceFile) {

    /** Whether this test passed. */
    public boolean passed() {
        return !forbiddenSeen && ("OK".equals(status) || "PASS".equals(status));
    }

    /**
     * One jcstress outcome row.
     *
     * @param result the observed state, e.g. {@code "1, 2"}
     * @param samples how many times it was observed
     * @param expect ACCEPTABLE, ACCEPTABLE_INTERESTING or FORBIDDEN (as jcstress prints it)
     * @param description the test's {@code desc} for it
     */
    public record Outcome(String result, long samples, String expect, String description) {}
}
