package dev.pyconc.reports;

import java.util.List;

/**
 * One result, of a conformance case (one invocation of a parameterized case) or of a stress test: the model
 * every report writer of pyconc reads.
 *
 * @param id unique id: {@code fully.qualified.Class#method} (plus the invocation's display name) for a case,
 *     the test's full name for a stress test
 * @param name short readable name ({@code SimpleClass#method}, {@code jcstress: LockStress.Mutex})
 * @param module the Python module ({@code threading}, {@code concurrent.futures}, ...)
 * @param suite the group it belongs to in a report: the case class's simple name, or {@code stress: <tool>}
 * @param behaviours the catalog ids it checks (empty for a stress test)
 * @param api the dotted Python API a stress test exercises ({@code threading.Lock}); null for a case, whose APIs
 *     come from its behaviours
 * @param tags extra tags (e.g. {@code stress}, the tool); the catalog tags of the behaviours come on top
 * @param implementationDetail whether it checks an implementation detail of CPython rather than a documented
 *     promise (profile {@code cpython} only)
 * @param status the outcome as a word: PASS, FAIL, ERROR, TIMEOUT, NOT_APPLICABLE, SKIPPED, and any status a
 *     newer runner writes (XFAIL, XPASS, ...); writers treat unknown words generically
 * @param message why it did not pass, or null
 * @param trace the stack trace, thread dumps or failing interleaving, or null
 * @param description more text for a report (a stress test's outcomes), or null
 * @param startedAtMillis epoch milliseconds it started
 * @param durationSeconds its wall time
 * @param expectation for an XFAIL or XPASS, what the implementation's expectations entry says
 *     ({@code expected FAIL: <reason>}); null otherwise
 */
public record ResultRecord(String id, String name, String module, String suite, List<String> behaviours, String api,
        List<String> tags, boolean implementationDetail, String status, String message, String trace,
        String description, long startedAtMillis, double durationSeconds, String expectation) {

    public ResultRecord {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A result that no expectations entry decided. */
    public ResultRecord(String id, String name, String module, String suite, List<String> behaviours, String api,
            List<String> tags, boolean implementationDetail, String status, String message, String trace,
            String description, long startedAtMillis, double durationSeconds) {
        this(id, name, module, suite, behaviours, api, tags, implementationDetail, status, message, trace, description,
                startedAtMillis, durationSeconds, null);
    }

    /** The first line of {@link #message()}, or empty. */
    public String reason() {
        return firstLine(message);
    }

    /** The first line of a message, stripped; empty for null. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /**
     * What an expectations entry says of a result, for people: {@code expected FAIL: <reason>} for an XFAIL,
     * {@code listed as expected FAIL but passed: <reason>} or {@code ... but was ERROR: <reason>} otherwise.
     *
     * @param xfail whether the result is XFAIL
     * @param expected the statuses the entry expects
     * @param reason the entry's reason
     * @param outcome the status the case had before the entry was applied
     */
    public static String expectationNote(boolean xfail, List<String> expected, String reason, String outcome) {
        String want = String.join(" or ", expected);
        if (xfail) {
            return "expected " + want + ": " + reason;
        }
        return "listed as expected " + want + " but " + ("PASS".equals(outcome) ? "passed" : "was " + outcome) + ": "
                + reason;
    }
}
