package dev.pyconc.conformance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of one run: the run's facts and one {@link CaseResult} per case (per invocation).
 *
 * @param format the results format, {@value #FORMAT}
 * @param run facts about the run and the totals
 * @param cases every case result, in execution order
 * @param expectations the expectations file the run applied and its unused entries; null when it had none
 */
@JsonPropertyOrder({"format", "run", "expectations", "cases"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(String format, RunInfo run, List<CaseResult> cases, ExpectationsSummary expectations) {
    /** Identifies the JSON layout; bumped when a field changes meaning. */
    public static final String FORMAT = "pyconc-results/1";

    public RunReport {
        cases = List.copyOf(cases);
    }

    /** The results of a run without an expectations file. */
    public RunReport(String format, RunInfo run, List<CaseResult> cases) {
        this(format, run, cases, null);
    }

    /**
     * The expectations file of a run.
     *
     * @param source its path, or {@code bundled:NAME}
     * @param implementation its {@code implementation} line, or null
     * @param strict whether XPASS and unused entries fail the run ({@code --strict})
     * @param entries how many of its entries apply in the run's profile
     * @param unused the entries that apply but matched none of the run's cases
     */
    @JsonPropertyOrder({"source", "implementation", "strict", "entries", "unused"})
    public record ExpectationsSummary(String source, String implementation, boolean strict, int entries,
            List<Unused> unused) {
        public ExpectationsSummary {
            unused = List.copyOf(unused);
        }
    }

    /** An entry of the expectations file that matched no case of the run. */
    @JsonPropertyOrder({"entry", "statuses", "reason"})
    public record Unused(String entry, List<Status> statuses, String reason) {}

    /** Results per status, every status present. */
    public static Map<Status, Integer> count(List<CaseResult> cases) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        for (CaseResult c : cases) {
            m.merge(c.status(), 1, Integer::sum);
        }
        return m;
    }

    /** The results of the cases that check an implementation detail of CPython. */
    public static List<CaseResult> details(List<CaseResult> cases) {
        return cases.stream().filter(CaseResult::implementationDetail).toList();
    }

    /** Per module (sorted), the results per status, implementation details included. */
    @JsonIgnore
    public Map<String, Map<Status, Integer>> countsByModule() {
        return countsByModule(cases);
    }

    /** Per module (sorted), the results per status of {@code cases}. */
    public static Map<String, Map<Status, Integer>> countsByModule(List<CaseResult> cases) {
        Map<String, List<CaseResult>> byModule = new TreeMap<>();
        for (CaseResult c : cases) {
            byModule.computeIfAbsent(c.module(), k -> new java.util.ArrayList<>()).add(c);
        }
        Map<String, Map<Status, Integer>> out = new TreeMap<>();
        byModule.forEach((m, list) -> out.put(m, count(list)));
        return out;
    }

    /**
     * True when no case is FAIL, ERROR or TIMEOUT and at least one case ran; under {@code --strict}, also no case
     * is XPASS and every entry of the expectations file was used.
     */
    @JsonIgnore
    public boolean succeeded() {
        return cases.stream().noneMatch(c -> c.status().isFailure()) && cases.stream().anyMatch(c -> c.status().ran())
                && !(strict() && (cases.stream().anyMatch(c -> c.status() == Status.XPASS)
                        || !expectations.unused().isEmpty()));
    }

    /** Whether the run had an expectations file and {@code --strict}. */
    @JsonIgnore
    public boolean strict() {
        return expectations != null && expectations.strict();
    }

    /** The results that are not PASS. */
    @JsonIgnore
    public List<CaseResult> notPassed() {
        return cases.stream().filter(c -> c.status() != Status.PASS).toList();
    }
}
