package dev.pyconc.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pyconc.reports.ResultRecord;
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
 * @param expectation the entry of the run's expectations file that lists the case, with the status the case had
 *     before it was applied; null when the run had no expectations file or the file does not list the case
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "displayName", "module", "behaviours", "implementationDetail", "status", "message", "expectation",
        "durationSeconds", "startedAtMillis", "reportEntries", "trace", "threadDump"})
public record CaseResult(String id, String name, String displayName, String module, List<String> behaviours,
        boolean implementationDetail, Status status, String message, String trace, String threadDump, double durationSeconds,
        long startedAtMillis, Map<String, String> reportEntries, Expected expectation) {

    public CaseResult {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        reportEntries = reportEntries == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(reportEntries));
    }

    /** A result that no expectations file lists. */
    public CaseResult(String id, String name, String displayName, String module, List<String> behaviours,
            boolean implementationDetail, Status status, String message, String trace, String threadDump,
            double durationSeconds, long startedAtMillis, Map<String, String> reportEntries) {
        this(id, name, displayName, module, behaviours, implementationDetail, status, message, trace, threadDump,
                durationSeconds, startedAtMillis, reportEntries, null);
    }

    /**
     * What the run's expectations file says about a case.
     *
     * @param entry the entry's key (a behaviour id, case id or glob)
     * @param statuses the failure statuses it expects
     * @param reason why
     * @param outcome the status the case had before the entry was applied (FAIL for an XFAIL that failed, PASS
     *     for an XPASS, ERROR for a case expected to FAIL that ERRORed instead)
     */
    @JsonPropertyOrder({"entry", "statuses", "reason", "outcome"})
    public record Expected(String entry, List<Status> statuses, String reason, Status outcome) {
        public Expected {
            statuses = List.copyOf(statuses);
        }
    }

    /** This result as decided by an expectations entry: {@link Expectations#verdict}, remembering the outcome. */
    public CaseResult expecting(Expectations.Entry e) {
        return new CaseResult(id, name, displayName, module, behaviours, implementationDetail,
                Expectations.verdict(status, e), message, trace, threadDump, durationSeconds, startedAtMillis,
                reportEntries, new Expected(e.pattern(), e.statuses(), e.reason(), status));
    }

    /**
     * What the expectations file says, for people: {@code expected FAIL: <reason>} (XFAIL), {@code listed as
     * expected FAIL but passed: <reason>} (XPASS), {@code listed as expected FAIL but was ERROR: <reason>}; empty
     * when no entry lists the case.
     */
    public String expectationNote() {
        if (expectation == null) {
            return "";
        }
        return ResultRecord.expectationNote(status == Status.XFAIL,
                expectation.statuses().stream().map(Status::label).toList(), expectation.reason(),
                expectation.outcome().label());
    }

    /** The first line of {@link #message()}, or empty. */
    public String reason() {
        return ResultRecord.firstLine(message);
    }
}
