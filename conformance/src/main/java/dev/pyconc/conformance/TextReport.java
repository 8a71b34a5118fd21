package dev.pyconc.conformance;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text rendering of a run for the terminal: progress lines and the closing summary. */
final class TextReport {
    private static final Status[] COLUMNS = Status.values();

    private TextReport() {}

    /** One progress line: {@code [  3/42] PASS     threading  LockCases#m  0.012 s}, plus the reason if not PASS. */
    static String progressLine(CaseResult r, int done, int expected) {
        int width = String.valueOf(Math.max(expected, done)).length();
        String line = String.format(Locale.ROOT, "[%" + width + "d/%" + width + "d] %-7s %-10s %s  %.3f s",
                done, Math.max(expected, done), r.status().label(), r.module(), r.name(), r.durationSeconds());
        if (r.status() != Status.PASS && !r.reason().isEmpty()) {
            line += "\n" + " ".repeat(2 * width + 4) + "-> " + abbreviate(r.reason(), 200);
        }
        return line;
    }

    /**
     * The summary: a table of counts per module of the documented cases, then (profile {@code cpython}) one of
     * the implementation-detail cases, or (profile {@code docs}) a line saying how many were left out; then
     * every non-PASS case with its reason, then totals.
     */
    static void summary(RunReport report, PrintWriter out) {
        List<CaseResult> documented = report.cases().stream().filter(c -> !c.implementationDetail()).toList();
        List<CaseResult> details = RunReport.details(report.cases());
        out.println();
        out.println("Results on " + report.run().adapter() + " (" + report.run().implementation() + ", Python "
                + report.run().pythonVersion() + "), profile " + report.run().profile());
        if (!documented.isEmpty() || details.isEmpty()) {
            table(RunReport.countsByModule(documented), RunReport.count(documented), out);
        }
        if (!details.isEmpty()) {
            out.println();
            out.println("Implementation details (CPython): what CPython does where the docs promise nothing or "
                    + "something else (profile " + report.run().profile() + ")");
            table(RunReport.countsByModule(details), RunReport.count(details), out);
        }
        int leftOut = report.run().implementationDetailsLeftOut();
        if (leftOut > 0) {
            out.println(leftOut + " implementation-detail case method" + (leftOut == 1 ? "" : "s")
                    + " (CPython's behaviour beyond or against the docs) left out; run them with --profile cpython");
        }

        List<CaseResult> notPassed = report.notPassed().stream()
                .sorted(java.util.Comparator.comparing(CaseResult::status).thenComparing(CaseResult::id)).toList();
        if (!notPassed.isEmpty()) {
            out.println();
            out.println("Not passed (" + notPassed.size() + "):");
            for (CaseResult r : notPassed) {
                out.println(String.format(Locale.ROOT, "  %-7s %s", r.status().label(), r.name()));
                out.println("          behaviours: " + String.join(", ", r.behaviours())
                        + (r.implementationDetail() ? " (implementation detail)" : ""));
                out.println("          reason: " + abbreviate(r.reason().isEmpty() ? "(none given)" : r.reason(), 300));
            }
        }
        out.println();
        Map<Status, Integer> c = report.run().counts();
        out.println(String.format(Locale.ROOT,
                "%s on %s: %d passed, %d failed, %d errors, %d timed out, %d not applicable, %d skipped in %.1f s%s",
                report.succeeded() ? "CONFORMS" : "DOES NOT CONFORM", report.run().adapter(), c.get(Status.PASS),
                c.get(Status.FAIL), c.get(Status.ERROR), c.get(Status.TIMEOUT), c.get(Status.NOT_APPLICABLE),
                c.get(Status.SKIPPED), report.run().durationSeconds(),
                details.isEmpty() ? "" : " (" + details.size() + " of them implementation details)"));
        out.flush();
    }

    private static void table(Map<String, Map<Status, Integer>> byModule, Map<Status, Integer> totals,
            PrintWriter out) {
        int nameWidth = Math.max("module".length(), "total".length());
        for (String m : byModule.keySet()) {
            nameWidth = Math.max(nameWidth, m.length());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", "module"));
        for (Status s : COLUMNS) {
            header.append(String.format(Locale.ROOT, " %7s", s.label()));
        }
        header.append(String.format(Locale.ROOT, " %7s", "total"));
        out.println(header);
        out.println("-".repeat(header.length()));
        for (var e : byModule.entrySet()) {
            out.println(row(e.getKey(), e.getValue(), nameWidth));
        }
        out.println("-".repeat(header.length()));
        out.println(row("total", totals, nameWidth));
    }

    private static String row(String name, Map<Status, Integer> counts, int nameWidth) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", name));
        int total = 0;
        for (Status s : COLUMNS) {
            int n = counts.getOrDefault(s, 0);
            total += n;
            sb.append(String.format(Locale.ROOT, " %7d", n));
        }
        sb.append(String.format(Locale.ROOT, " %7d", total));
        return sb.toString();
    }

    static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
