package dev.pyconc.reports;

import java.util.Map;

/**
 * One run of pyconc against one implementation: what ran, on what, and the totals.
 *
 * @param kind {@code conformance} or {@code stress}
 * @param implementation the name of what was tested (the adapter's name: {@code reference}, {@code cpython}, ...)
 * @param version the implementation's own version string (e.g. {@code CPython 3.14.3 (main, ...)})
 * @param pythonVersion the Python version whose documented behaviour it claims, or null
 * @param date the ISO-8601 instant the run started
 * @param suiteCommit pyconc's commit that ran, or {@code unknown}
 * @param profile {@code docs} or {@code cpython} (conformance), {@code quick}, {@code default} or {@code tough} (stress)
 * @param durationSeconds wall time of the run
 * @param counts results per status word, in the order the runner wrote them
 * @param parameters what tells this run apart from another run of the same tests (the adapter, the stress
 *     profile): Allure parameters and part of every result's history id
 * @param environment facts about the run for a report's environment table (JVM, OS, features, ...)
 */
public record RunRecord(String kind, String implementation, String version, String pythonVersion, String date,
        String suiteCommit, String profile, double durationSeconds, Map<String, Integer> counts,
        Map<String, String> parameters, Map<String, String> environment) {

    public RunRecord {
        counts = counts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        parameters = parameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        environment = environment == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
