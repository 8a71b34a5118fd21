package dev.pyconc.conformance;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text rendering of a run for the terminal: progress lines and the closing summary. */
final class TextReport {
    /** The table's columns without an expectations file: XFAIL and XPASS cannot occur. */
    private static final List<Status> PLAIN_COLUMNS = java.util.Arrays.stream(Status.values())
            .filter(s -> s != Status.XFAIL && s != Status.XPASS).toList();

    private TextReport() {}

    /** One progress line: {@code [  3/42] PASS     threading  LockCases#m  0.012 s}, plus the reason if not PASS. */
    static String progressLine(CaseResult r, int done, int expected) {
        int width = String.valueOf(Math.max(expected, done)).length();
        String line = String.format(Locale.ROOT, "[%" + width + "d/%" + width + "d] %-7s %-10s %s  %.3f s",
                done, Math.max(expected, done), r.status().label(), r.module(), r.name(), r.durationSeconds());
        if (r.expectation() != null) {
            line += "\n" + " ".repeat(2 * width + 4) + "-> " + abbreviate(r.expectationNote(), 200);
        }
        if (r.status() != Status.PASS && r.status() != Status.XPASS && !r.reason().isEmpty()) {
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
        List<Status> columns = report.expectations() != null
                || report.cases().stream().anyMatch(c -> c.status() == Status.XFAIL || c.status() == Status.XPASS)
                ? List.of(Status.values()) : PLAIN_COLUMNS;
        out.println();
        out.println("Results on " + report.run().adapter() + " (" + report.run().implementation() + ", Python "
                + report.run().pythonVersion() + "), profile " + report.run().profile());
        if (!documented.isEmpty() || details.isEmpty()) {
            table(RunReport.countsByModule(documented), RunReport.count(documented), columns, out);
        }
        if (!details.isEmpty()) {
            out.println();
            out.println("Implementation details (CPython): what CPython does where the docs promise nothing or "
                    + "something else (profile " + report.run().profile() + ")");
            table(RunReport.countsByModule(details), RunReport.count(details), columns, out);
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
                if (r.expectation() != null) {
                    out.println("          expectation: " + abbreviate(r.expectationNote(), 300));
                }
                if (r.status() != Status.XPASS) {
                    out.println("          reason: " + abbreviate(r.reason().isEmpty() ? "(none given)" : r.reason(), 300));
                }
            }
        }
        RunReport.ExpectationsSummary exp = report.expectations();
        if (exp != null) {
            out.println();
            out.println("Expectations " + exp.source() + (exp.implementation() == null ? "" : " (" + exp.implementation() + ")")
                    + ": " + exp.entries() + " entr" + (exp.entries() == 1 ? "y" : "ies") + ", "
                    + c(report, Status.XFAIL) + " XFAIL, " + c(report, Status.XPASS) + " XPASS, "
                    + exp.unused().size() + " unused" + (exp.strict() ? " (--strict: XPASS and unused entries fail the run)" : ""));
            for (RunReport.Unused u : exp.unused()) {
                out.println("  " + (exp.strict() ? "error" : "warning") + ": unused entry '" + u.entry()
                        + "' (expected " + String.join(" or ", u.statuses().stream().map(Status::label).toList())
                        + ": " + abbreviate(u.reason(), 200) + ") matches no case of this run");
            }
        }
        out.println();
        Map<Status, Integer> c = report.run().counts();
        int xfail = c(report, Status.XFAIL);
        int xpass = c(report, Status.XPASS);
        String verdict = !report.succeeded() ? "DOES NOT CONFORM" : xfail > 0 ? "MATCHES ITS EXPECTATIONS" : "CONFORMS";
        out.println(String.format(Locale.ROOT,
                "%s on %s: %d passed, %d failed, %d errors, %d timed out, %s%d not applicable, %d skipped in %.1f s%s",
                verdict, report.run().adapter(), c.get(Status.PASS),
                c.get(Status.FAIL), c.get(Status.ERROR), c.get(Status.TIMEOUT),
                exp == null && xfail + xpass == 0 ? ""
                        : xfail + " expected failures (XFAIL), " + xpass + " unexpected passes (XPASS), ",
                c.get(Status.NOT_APPLICABLE), c.get(Status.SKIPPED), report.run().durationSeconds(),
                details.isEmpty() ? "" : " (" + details.size() + " of them implementation details)"));
        out.flush();
    }

    private static int c(RunReport report, Status s) {
        return (int) report.cases().stream().filter(x -> x.status() == s).count();
    }

    private static void table(Map<String, Map<Status, Integer>> byModule, Map<Status, Integer> totals,
            List<Status> columns, PrintWriter out) {
        int nameWidth = Math.max("module".length(), "total".length());
        for (String m : byModule.keySet()) {
            nameWidth = Math.max(nameWidth, m.length());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", "module"));
        for (Status s : columns) {
            header.append(String.format(Locale.ROOT, " %7s", s.label()));
        }
        header.append(String.format(Locale.ROOT, " %7s", "total"));
        out.println(header);
        out.println("-".repeat(header.length()));
        for (var e : byModule.entrySet()) {
            out.println(row(e.getKey(), e.getValue(), columns, nameWidth));
        }
        out.println("-".repeat(header.length()));
        out.println(row("total", totals, columns, nameWidth));
    }

    private static String row(String name, Map<Status, Integer> counts, List<Status> columns, int nameWidth) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", name));
        int total = 0;
        for (Status s : columns) {
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
