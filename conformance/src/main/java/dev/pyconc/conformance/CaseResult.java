package dev.pyconc.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The result of one case, or of one invocation of a parameterized case.
 *
 * @param id unique id: {@code fully.qualified.Class#method}, plus the invocation's display name for a
 *     parameterized case (the same id the harness prints with a seed)
 * @param name short readable name: {@code SimpleClass#method} (plus the invocation's display name)
 * @param displayName JUnit's display name
 * @param module the Python module the case belongs to ({@code threading}, {@code queue})
 * @param behaviours the catalog ids the case checks
 * @param implementationDetail whether the case checks an implementation detail of CPython (a behaviour tagged
 *     {@code cpython-detail}) rather than a documented promise; such cases run only under profile {@code cpython}
 * @param status the outcome
 * @param message why it did not pass (assertion message, exception, skip reason); null for PASS
 * @param trace the full stack trace for FAIL, ERROR and TIMEOUT; null otherwise
 * @param threadDump for TIMEOUT, the Java and adapter thread dumps taken at the deadline; null otherwise
 * @param durationSeconds wall time of the case in seconds (0 for cases not run)
 * @param startedAtMillis epoch milliseconds when it started (or was skipped)
 * @param reportEntries notes the case published (e.g. {@code seed}, {@code behaviours})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "displayName", "module", "behaviours", "implementationDetail", "status", "message", "durationSeconds",
        "startedAtMillis", "reportEntries", "trace", "threadDump"})
public record CaseResult(String id, String name, String displayName, String module, List<String> behaviours,
        boolean implementationDetail, Status status, String message, String trace, String threadDump, double durationSeconds,
        long startedAtMillis, Map<String, String> reportEntries) {

    public CaseResult {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        reportEntries = reportEntries == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(reportEntries));
    }

    /** The first line of {@link #message()}, or empty. */
    public String reason() {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
