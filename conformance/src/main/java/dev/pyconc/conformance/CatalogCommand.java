package dev.pyconc.conformance;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.spec.harness.CaseIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pyconc catalog}: every documented behaviour with the cases that check it. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Lists every catalog entry (behaviour id, summary, versions, doc link) with the cases that check it.")
final class CatalogCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-m", "--module"}, paramLabel = "M", completionCandidates = ModuleNames.class,
            description = "Only entries of this Python module (${COMPLETION-CANDIDATES}); repeatable.")
    List<String> modules = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConformanceRunner.checkModules(modules);
        Map<String, List<String>> cases = CaseIndex.casesByBehaviour();
        List<Behaviour> entries = Catalog.standard().entries().stream()
                .filter(b -> modules.isEmpty() || modules.contains(b.module())).toList();
        if (format == Format.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Behaviour b : entries) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", b.id());
                m.put("module", b.module());
                m.put("api", b.api());
                m.put("doc", b.doc());
                m.put("summary", b.summary());
                m.put("since", b.since());
                m.put("until", b.until());
                m.put("tags", b.tags());
                m.put("requires", b.requires().stream().map(Enum::name).toList());
                m.put("lacks", b.lacks().stream().map(Enum::name).toList());
                m.put("untestable", b.untestable());
                m.put("gap", b.gap());
                m.put("cases", cases.getOrDefault(b.id(), List.of()));
                list.add(m);
            }
            out.println(JsonReport.mapper().writeValueAsString(list));
            out.flush();
            return 0;
        }
        int withCases = 0;
        int untestable = 0;
        int gaps = 0;
        Map<String, int[]> coverage = new LinkedHashMap<>(); // module -> {testable, with a case}
        for (Behaviour b : entries) {
            List<String> cs = cases.getOrDefault(b.id(), List.of());
            withCases += cs.isEmpty() ? 0 : 1;
            untestable += b.testable() ? 0 : 1;
            gaps += b.gap() == null ? 0 : 1;
            if (b.testable()) {
                int[] c = coverage.computeIfAbsent(b.module(), k -> new int[2]);
                c[0]++;
                c[1] += cs.isEmpty() ? 0 : 1;
            }
            out.println(b.id() + versions(b) + (b.tags().isEmpty() ? "" : "  " + b.tags()));
            out.println("    " + b.summary());
            if (!b.testable()) {
                out.println("    untestable: " + b.untestable());
            }
            if (b.gap() != null) {
                out.println("    gap (no case until the SPI can express it): " + b.gap());
            }
            for (String c : cs) {
                out.println("    case: " + shortCase(c));
            }
            if (cs.isEmpty() && b.covered()) {
                out.println("    case: (none yet)");
            }
        }
        long caseCount = CaseIndex.cases().stream()
                .filter(c -> modules.isEmpty() || c.checks().stream().anyMatch(id -> Catalog.standard().find(id)
                        .map(b -> modules.contains(b.module())).orElse(false)))
                .count();
        out.println();
        out.println(entries.size() + " behaviours (" + withCases + " checked by cases, " + gaps
                + " testable but not yet expressible through the SPI, " + untestable + " untestable), " + caseCount
                + " case methods. 'pyconc show ID' prints one with its cases' source.");
        coverage.forEach((module, c) -> out.println(String.format(java.util.Locale.ROOT,
                "  %s: %d of %d testable behaviours have a case (%.1f%%)", module, c[1], c[0], 100.0 * c[1] / c[0])));
        out.flush();
        return 0;
    }

    static String versions(Behaviour b) {
        if (b.since() == null && b.until() == null) {
            return "";
        }
        return "  [Python " + (b.since() == null ? "3.0" : b.since()) + (b.until() == null ? "+" : ".." + b.until()) + "]";
    }

    /** {@code dev.pyconc.spec.cases.threading.LockCases#m} as {@code threading.LockCases#m}. */
    static String shortCase(String id) {
        String prefix = CaseIndex.CASES_PACKAGE + ".";
        return id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }
}
