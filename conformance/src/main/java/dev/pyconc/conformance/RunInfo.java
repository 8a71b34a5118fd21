package dev.pyconc.conformance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What was run, on what, and the totals.
 *
 * @param adapter the adapter's name ({@code reference}, {@code cpython}, ...)
 * @param adapterDescription the provider's one-line description
 * @param implementation what is under test, as the adapter says (e.g. {@code CPython 3.14.3 (...)})
 * @param pythonVersion the Python version whose documented behaviour the adapter claims
 * @param features the optional features the adapter has
 * @param adapterDetails free-form facts from the adapter (interpreter path, ...)
 * @param jvm Java runtime name and version
 * @param os operating system name, version and architecture
 * @param suiteCommit {@code git rev-parse HEAD} of the pyconc checkout, or {@code unknown}
 * @param timingFactor the scale of every timeout tier ({@code pyconc.timing.factor})
 * @param filters the selection: {@code module} and {@code id} lists, empty for everything
 * @param profile {@code docs} (only what the docs promise) or {@code cpython} (also CPython's implementation
 *     details, reported apart)
 * @param implementationDetailsLeftOut case methods the module and id selection chose but the profile left out
 *     (implementation details, in profile {@code docs}); 0 in profile {@code cpython}
 * @param startedAt ISO-8601 instant the run started
 * @param finishedAt ISO-8601 instant it ended
 * @param durationSeconds wall time of the run in seconds
 * @param total number of case results
 * @param counts results per status, every status present (0 when none), implementation details included
 * @param implementationDetailCounts of those, the results of implementation-detail cases per status
 */
@JsonPropertyOrder({"adapter", "adapterDescription", "implementation", "pythonVersion", "features", "adapterDetails",
        "jvm", "os", "suiteCommit", "timingFactor", "filters", "profile", "implementationDetailsLeftOut", "startedAt", "finishedAt", "durationSeconds", "total",
        "counts", "implementationDetailCounts"})
public record RunInfo(String adapter, String adapterDescription, String implementation, String pythonVersion,
        List<String> features, Map<String, String> adapterDetails, String jvm, String os, String suiteCommit,
        double timingFactor, Map<String, List<String>> filters, String profile, int implementationDetailsLeftOut,
        String startedAt, String finishedAt, double durationSeconds, int total, Map<Status, Integer> counts,
        Map<Status, Integer> implementationDetailCounts) {}
