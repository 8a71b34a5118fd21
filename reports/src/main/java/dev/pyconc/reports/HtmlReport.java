package dev.pyconc.reports;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.reports.stress.StressReport;
import dev.pyconc.reports.stress.StressTestResult;
import dev.pyconc.spec.harness.CaseIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The static HTML report ({@code pyconc report}): a behaviour x implementation matrix of one or more
 * conformance results files, grouped by Python module and dotted API, with a summary per implementation,
 * filters, each behaviour's documentation link and the source of its cases, and the stress summaries given.
 * It works offline: the page's CSS and JavaScript are copied from this jar into {@code assets/}.
 *
 * <p>Files written into the output folder: {@code index.html} (summary, filters, matrix, stress),
 * {@code cases.html} (the source of every case in the matrix, as {@code pyconc show} prints it),
 * {@code assets/report.css}, {@code assets/report.js}.
 *
 * <p>A cell holds every result of the implementation that checks the behaviour; it shows the first status of
 * {@link #SEVERITY} that occurs among them (a status word not listed there ranks after XPASS and before XFAIL),
 * the number of results when more than one, and, on demand ({@code <details>}), each result's case, status
 * and message. Its {@code data-status} attribute carries the status word as the results file writes it.
 */
public final class HtmlReport {
    /** Cell status order, worst first: the cell of several results shows the first of these that occurs. */
    public static final List<String> SEVERITY = List.of("FAIL", "ERROR", "TIMEOUT", "XPASS", "XFAIL", "PASS",
            "SKIPPED", "NOT_APPLICABLE");

    private static final String ASSETS = "dev/pyconc/reports/assets/";
    private static final String NO_API = "(no behaviour)";

    /** The suite's cases, scanned once (CaseIndex scans the class path on every call). */
    private static volatile List<CaseIndex.Case> suiteCases;

    private HtmlReport() {}

    private static List<CaseIndex.Case> suiteCases() {
        List<CaseIndex.Case> c = suiteCases;
        if (c == null) {
            c = List.copyOf(CaseIndex.cases());
            suiteCases = c;
        }
        return c;
    }

    /**
     * Reads each file (a conformance {@code results.json} or a stress {@code summary.json}, or a folder with
     * one) and writes the report into {@code outDir}.
     *
     * @return the report's {@code index.html}
     */
    public static Path write(List<Path> results, Path outDir) {
        List<Results> runs = new ArrayList<>();
        for (Path p : results) {
            runs.add(Results.read(p));
        }
        return render(runs, outDir);
    }

    /** Writes the report of {@code runs} into {@code outDir}; returns its {@code index.html}. */
    public static Path render(List<Results> runs, Path outDir) {
        List<Results> conformance = runs.stream().filter(r -> "conformance".equals(r.run().kind())).toList();
        List<Results> stress = runs.stream().filter(r -> r.stress() != null).toList();
        if (conformance.isEmpty() && stress.isEmpty()) {
            throw new IllegalArgumentException("no results to report");
        }
        try {
            Files.createDirectories(outDir.resolve("assets"));
            copyAsset("report.css", outDir);
            copyAsset("report.js", outDir);
            List<Column> columns = columns(conformance);
            Matrix matrix = matrix(columns);
            Path index = outDir.resolve("index.html");
            Files.writeString(index, index(columns, matrix, stress).outerHtml(), StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve("cases.html"), cases(matrix).outerHtml(), StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** The label a status word is shown with: N/A and SKIP for NOT_APPLICABLE and SKIPPED, else the word. */
    public static String label(String status) {
        if (status == null || status.isEmpty()) {
            return "\u2014";
        }
        return switch (status) {
            case "NOT_APPLICABLE" -> "N/A";
            case "SKIPPED" -> "SKIP";
            default -> status;
        };
    }

    /** The status a cell with these results' statuses shows (see {@link #SEVERITY}); empty for none. */
    public static String cellStatus(List<String> statuses) {
        if (statuses.isEmpty()) {
            return "";
        }
        for (String s : SEVERITY.subList(0, SEVERITY.indexOf("XPASS") + 1)) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        Optional<String> unknown = statuses.stream().filter(s -> !SEVERITY.contains(s)).sorted().findFirst();
        if (unknown.isPresent()) {
            return unknown.get();
        }
        for (String s : SEVERITY) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        return statuses.get(0);
    }

    /** One implementation column: a conformance results file. */
    private record Column(String key, String file, Results results) {}

    /** One row: a behaviour (or, for results naming none, a case). */
    private record Row(String id, String module, String api, Behaviour behaviour, Map<String, List<ResultRecord>> cells,
            Set<String> cases) {}

    private record Matrix(Map<String, Map<String, List<Row>>> byModuleAndApi, Map<String, List<String>> caseBehaviours) {}

    /**
     * A column's name: the results file's own name when it has one ({@code pypy3.json}, as {@code pyconc matrix}
     * names its files, gives {@code pypy3}), else the implementation (the adapter) that a {@code results.json}
     * records.
     */
    private static String columnName(Results r) {
        if (r.source() != null && r.source().getFileName() != null) {
            String file = r.source().getFileName().toString();
            if (file.endsWith(".json") && !file.equals("results.json") && !file.equals("summary.json")) {
                return file.substring(0, file.length() - ".json".length());
            }
        }
        return r.run().implementation();
    }

    private static List<Column> columns(List<Results> conformance) {
        Map<String, Integer> names = new HashMap<>();
        for (Results r : conformance) {
            names.merge(columnName(r), 1, Integer::sum);
        }
        List<Column> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Results r : conformance) {
            String key = columnName(r);
            if (names.get(key) > 1 && r.run().pythonVersion() != null) {
                key = key + " " + r.run().pythonVersion();
            }
            String unique = key;
            for (int n = 2; !used.add(unique); n++) {
                unique = key + " (" + n + ")";
            }
            out.add(new Column(unique, r.source() == null ? unique : r.source().toString(), r));
        }
        return out;
    }

    private static Matrix matrix(List<Column> columns) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, List<String>> caseBehaviours = new TreeMap<>();
        for (Column c : columns) {
            for (ResultRecord r : c.results().results()) {
                List<String> ids = r.behaviours().isEmpty() ? List.of(r.id()) : r.behaviours();
                for (String id : ids) {
                    Row row = rows.computeIfAbsent(id, k -> newRow(k, r));
                    row.cells().computeIfAbsent(c.key(), k -> new ArrayList<>()).add(r);
                    row.cases().add(caseOf(r.id()));
                }
                caseBehaviours.computeIfAbsent(caseOf(r.id()), k -> new ArrayList<>());
                for (String b : r.behaviours()) {
                    if (!caseBehaviours.get(caseOf(r.id())).contains(b)) {
                        caseBehaviours.get(caseOf(r.id())).add(b);
                    }
                }
            }
        }
        // Catalog order (module registry order, then the catalog's order of APIs and entries), unknown ids after.
        Map<String, Integer> order = new HashMap<>();
        int i = 0;
        for (Behaviour b : Catalog.standard().entries()) {
            order.put(b.id(), i++);
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing((Row r) -> order.getOrDefault(r.id(), Integer.MAX_VALUE)).thenComparing(Row::id));
        Map<String, Map<String, List<Row>>> grouped = new LinkedHashMap<>();
        for (Row r : sorted) {
            grouped.computeIfAbsent(r.module(), k -> new LinkedHashMap<>()).computeIfAbsent(r.api(), k -> new ArrayList<>()).add(r);
        }
        return new Matrix(grouped, caseBehaviours);
    }

    private static Row newRow(String id, ResultRecord first) {
        Optional<Behaviour> b = first.behaviours().isEmpty() ? Optional.empty() : Catalog.standard().find(id);
        String module = b.map(Behaviour::module).orElse(first.module() == null ? "(unknown)" : first.module());
        String api = b.map(Behaviour::api).orElse(first.behaviours().isEmpty() ? NO_API
                : id.contains("/") ? id.substring(0, id.indexOf('/')) : id);
        return new Row(id, module, api, b.orElse(null), new LinkedHashMap<>(), new LinkedHashSet<>());
    }

    /**
     * The case method's id: the longest case id of this build that starts {@code resultId} (a parameterized
     * invocation adds its display name), else {@code resultId} up to a {@code [} after the method name.
     */
    private static String caseOf(String resultId) {
        String best = null;
        for (CaseIndex.Case c : suiteCases()) {
            if (resultId.startsWith(c.id()) && (best == null || c.id().length() > best.length())) {
                best = c.id();
            }
        }
        if (best != null) {
            return best;
        }
        int hash = resultId.indexOf('#');
        int bracket = hash < 0 ? -1 : resultId.indexOf('[', hash);
        return bracket < 0 ? resultId : resultId.substring(0, bracket);
    }

    /** An id usable as an HTML anchor. */
    static String anchor(String prefix, String id) {
        StringBuilder sb = new StringBuilder(prefix);
        for (char ch : id.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' || ch == '_' ? ch : '_');
        }
        return sb.toString();
    }

    private static Document page(String title) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.title(title);
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", "assets/report.css");
        doc.body().appendElement("h1").text(title);
        return doc;
    }

    private static Document index(List<Column> columns, Matrix matrix, List<Results> stress) {
        Document doc = page("pyconc conformance report");
        Element body = doc.body();
        body.appendElement("p").addClass("generated").text("Generated " + Instant.now().toString().substring(0, 19)
                + "Z from " + columns.size() + " conformance results file" + (columns.size() == 1 ? "" : "s")
                + (stress.isEmpty() ? "" : " and " + stress.size() + " stress summar" + (stress.size() == 1 ? "y" : "ies"))
                + ". Each behaviour links to the Python documentation and to the cases that check it.");
        List<String> statuses = statusesOf(columns);
        if (!columns.isEmpty()) {
            summary(body, columns, statuses);
            filters(body, columns, matrix, statuses);
            table(body, columns, matrix);
        }
        if (!stress.isEmpty()) {
            stress(body, stress);
        }
        body.appendElement("script").attr("src", "assets/report.js");
        return doc;
    }

    private static List<String> statusesOf(List<Column> columns) {
        Set<String> seen = new LinkedHashSet<>();
        for (Column c : columns) {
            seen.addAll(c.results().run().counts().keySet());
            c.results().results().forEach(r -> seen.add(r.status()));
        }
        List<String> out = new ArrayList<>();
        for (String s : List.of("PASS", "FAIL", "ERROR", "TIMEOUT", "NOT_APPLICABLE", "SKIPPED", "XFAIL", "XPASS")) {
            if (seen.remove(s)) {
                out.add(s);
            }
        }
        seen.stream().sorted().forEach(out::add);
        return out;
    }

    private static void summary(Element body, List<Column> columns, List<String> statuses) {
        Element section = body.appendElement("section").id("summary");
        section.appendElement("h2").text("Implementations");
        Element table = section.appendElement("table").addClass("summary");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("implementation", "version", "Python", "date", "suite commit", "profile")) {
            head.appendElement("th").text(h);
        }
        for (String s : statuses) {
            head.appendElement("th").addClass("count").attr("data-status", s).text(label(s));
        }
        head.appendElement("th").addClass("count").text("total");
        Element tbody = table.appendElement("tbody");
        for (Column c : columns) {
            RunRecord run = c.results().run();
            Element tr = tbody.appendElement("tr").attr("data-impl", c.key()).attr("data-file", c.file());
            tr.appendElement("th").attr("scope", "row").text(c.key());
            tr.appendElement("td").text(nz(run.version()));
            tr.appendElement("td").text(nz(run.pythonVersion()));
            tr.appendElement("td").text(nz(run.date()).length() > 19 ? run.date().substring(0, 19) + "Z" : nz(run.date()));
            String commit = nz(run.suiteCommit());
            tr.appendElement("td").appendElement("code").attr("title", commit).text(commit.length() > 12 ? commit.substring(0, 12) : commit);
            tr.appendElement("td").text(nz(run.profile()));
            int total = 0;
            for (String s : statuses) {
                int n = run.counts().getOrDefault(s, 0);
                total += n;
                tr.appendElement("td").addClass("count").attr("data-status", s).attr("data-count", String.valueOf(n))
                        .text(String.valueOf(n));
            }
            tr.appendElement("td").addClass("count").attr("data-count", String.valueOf(total)).text(String.valueOf(total));
        }
    }

    private static void filters(Element body, List<Column> columns, Matrix matrix, List<String> statuses) {
        Element form = body.appendElement("form").id("filters").attr("autocomplete", "off");
        form.appendElement("h2").text("Filters");
        Element mods = form.appendElement("fieldset").attr("data-filter", "module");
        mods.appendElement("legend").text("module");
        matrix.byModuleAndApi().keySet().forEach(m -> checkbox(mods, "module", m, m));
        Element st = form.appendElement("fieldset").attr("data-filter", "status");
        st.appendElement("legend").text("status (rows with a shown cell of)");
        statuses.forEach(s -> checkbox(st, "status", s, label(s)).attr("data-status", s));
        Element im = form.appendElement("fieldset").attr("data-filter", "impl");
        im.appendElement("legend").text("implementation");
        columns.forEach(c -> checkbox(im, "impl", c.key(), c.key()));
        form.appendElement("p").id("shown").attr("aria-live", "polite");
    }

    private static Element checkbox(Element parent, String name, String value, String text) {
        Element label = parent.appendElement("label");
        label.appendElement("input").attr("type", "checkbox").attr("name", name).attr("value", value).attr("checked", true);
        label.appendText(" " + text);
        return label;
    }

    private static void table(Element body, List<Column> columns, Matrix matrix) {
        Element section = body.appendElement("section").id("matrix");
        section.appendElement("h2").text("Behaviours");
        Element table = section.appendElement("table").addClass("matrix");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("behaviour");
        for (Column c : columns) {
            head.appendElement("th").addClass("impl").attr("data-impl", c.key()).attr("data-file", c.file())
                    .attr("title", nz(c.results().run().version())).text(c.key());
        }
        int span = columns.size() + 1;
        for (var module : matrix.byModuleAndApi().entrySet()) {
            Element tbody = table.appendElement("tbody").attr("data-module", module.getKey());
            tbody.appendElement("tr").addClass("module").appendElement("th").attr("colspan", String.valueOf(span))
                    .text(module.getKey());
            for (var api : module.getValue().entrySet()) {
                tbody.appendElement("tr").addClass("api").attr("data-api", api.getKey())
                        .appendElement("th").attr("colspan", String.valueOf(span)).appendElement("code").text(api.getKey());
                for (Row row : api.getValue()) {
                    row(tbody, columns, row);
                }
            }
        }
    }

    private static void row(Element tbody, List<Column> columns, Row row) {
        Element tr = tbody.appendElement("tr").addClass("behaviour").attr("data-behaviour", row.id())
                .attr("data-module", row.module()).id(anchor("b-", row.id()));
        Element th = tr.appendElement("th").attr("scope", "row");
        Element name = th.appendElement("div").addClass("bid");
        String slug = row.id().contains("/") ? row.id().substring(row.id().indexOf('/') + 1) : row.id();
        name.appendElement("a").attr("href", "#" + anchor("b-", row.id())).attr("title", row.id()).text(slug);
        Behaviour b = row.behaviour();
        if (b != null) {
            if (b.tags().contains("cpython-detail")) {
                name.appendText(" ").appendElement("span").addClass("tag").text("CPython detail");
            }
            th.appendElement("div").addClass("summary-text").text(b.summary());
        }
        Element links = th.appendElement("div").addClass("links");
        if (b != null && b.doc() != null) {
            links.appendElement("a").addClass("doc").attr("href", b.doc()).text("docs");
        }
        for (String c : row.cases()) {
            links.appendText(" ");
            links.appendElement("a").addClass("case").attr("href", "cases.html#" + anchor("c-", c)).text(shortCase(c));
        }
        for (Column c : columns) {
            List<ResultRecord> rs = row.cells().getOrDefault(c.key(), List.of());
            String status = cellStatus(rs.stream().map(ResultRecord::status).toList());
            Element td = tr.appendElement("td").addClass("cell").attr("data-impl", c.key()).attr("data-status", status);
            if (rs.isEmpty()) {
                td.addClass("none").text("\u2014");
                continue;
            }
            Element details = td.appendElement("details");
            Element summary = details.appendElement("summary");
            summary.appendElement("span").addClass("st").text(label(status));
            if (rs.size() > 1) {
                summary.appendElement("span").addClass("n").text(" \u00d7" + rs.size());
            }
            Element ul = details.appendElement("ul");
            for (ResultRecord r : rs) {
                Element li = ul.appendElement("li").attr("data-case", r.id()).attr("data-status", r.status());
                li.appendElement("span").addClass("st").text(label(r.status()));
                li.appendText(" ");
                li.appendElement("a").attr("href", "cases.html#" + anchor("c-", caseOf(r.id()))).text(nz(r.name()));
                li.appendText(String.format(Locale.ROOT, " %.3f s", r.durationSeconds()));
                if (r.implementationDetail()) {
                    li.appendText(" ").appendElement("span").addClass("tag").text("CPython detail");
                }
                if (r.expectation() != null) {
                    li.appendElement("p").addClass("expectation").text(r.expectation());
                }
                if (r.message() != null && !r.message().isEmpty()) {
                    li.appendElement("pre").addClass("message").text(r.message());
                }
            }
        }
    }

    private static String shortCase(String caseId) {
        String cls = caseId.contains("#") ? caseId.substring(0, caseId.indexOf('#')) : caseId;
        String method = caseId.contains("#") ? caseId.substring(caseId.indexOf('#')) : "";
        return cls.substring(cls.lastIndexOf('.') + 1) + method;
    }

    private static void stress(Element body, List<Results> stress) {
        Element section = body.appendElement("section").id("stress");
        section.appendElement("h2").text("Stress");
        List<Results> seeded = stress.stream().filter(r -> r.stress().run().adapter().startsWith("seeded-")).toList();
        if (!seeded.isEmpty()) {
            section.appendElement("h3").text("Seeded bugs");
            section.appendElement("p").text("Each seeded adapter is a deliberately broken implementation; a stress "
                    + "tool catches it when a test sees a forbidden outcome or a non-linearizable run.");
            Element t = section.appendElement("table").addClass("seeded");
            Element h = t.appendElement("thead").appendElement("tr");
            h.appendElement("th").text("seeded adapter");
            h.appendElement("th").text("caught");
            h.appendElement("th").text("by");
            Element tb = t.appendElement("tbody");
            for (Results r : seeded) {
                List<String> by = r.stress().tests().stream().filter(StressTestResult::forbiddenSeen)
                        .map(StressTestResult::test).toList();
                Element tr = tb.appendElement("tr").attr("data-adapter", r.stress().run().adapter());
                tr.appendElement("th").text(r.stress().run().adapter());
                tr.appendElement("td").attr("data-status", by.isEmpty() ? "FAIL" : "PASS").attr("data-caught", String.valueOf(!by.isEmpty()))
                        .text(by.isEmpty() ? "no" : "yes");
                tr.appendElement("td").text(String.join(", ", by));
            }
        }
        for (Results r : stress) {
            StressReport s = r.stress();
            StressReport.Run run = s.run();
            Element div = section.appendElement("div").addClass("stress-run").attr("data-adapter", run.adapter())
                    .attr("data-file", r.source() == null ? "" : r.source().toString());
            div.appendElement("h3").text(run.adapter() + ", profile " + run.profile());
            div.appendElement("p").text(String.format(Locale.ROOT, "%s; %s; %s; %.1f s; tools %s%s; %s",
                    Instant.ofEpochMilli(run.startedAtMillis()).toString(), nz(run.jvm()), nz(run.os()), run.durationSeconds(),
                    String.join(", ", run.tools()), run.jcstressExitCode() == null ? "" : ", jcstress exit code " + run.jcstressExitCode(),
                    run.passed() ? "passed" : "did not pass"));
            Element t = div.appendElement("table").addClass("stress");
            Element h = t.appendElement("thead").appendElement("tr");
            for (String x : List.of("tool", "test", "primitive", "status", "outcomes / verdict")) {
                h.appendElement("th").text(x);
            }
            Element tb = t.appendElement("tbody");
            for (int i = 0; i < s.tests().size(); i++) {
                StressTestResult test = s.tests().get(i);
                ResultRecord rec = r.results().get(i);
                Element tr = tb.appendElement("tr").attr("data-test", test.test());
                tr.appendElement("td").text(test.tool());
                tr.appendElement("td").appendElement("code").text(test.test().substring(test.test().lastIndexOf('.') + 1))
                        .attr("title", test.test());
                tr.appendElement("td").appendElement("code").text(nz(test.primitive()));
                tr.appendElement("td").addClass("cell").attr("data-status", rec.status())
                        .appendElement("span").addClass("st").text(label(rec.status()) + " (" + test.status() + ")");
                Element o = tr.appendElement("td");
                if (test.outcomes().isEmpty()) {
                    o.text(test.forbiddenSeen() ? "non-linearizable run found" : test.passed() ? "linearizable" : nz(test.message()));
                } else {
                    Element d = o.appendElement("details");
                    d.appendElement("summary").text(test.outcomes().size() + " outcome" + (test.outcomes().size() == 1 ? "" : "s")
                            + (test.forbiddenSeen() ? ", FORBIDDEN seen" : ""));
                    Element ot = d.appendElement("table").addClass("outcomes");
                    for (StressTestResult.Outcome x : test.outcomes()) {
                        Element otr = ot.appendElement("tr").attr("data-expect", x.expect());
                        otr.appendElement("td").appendElement("code").text(x.result());
                        otr.appendElement("td").addClass("count").text(String.valueOf(x.samples()));
                        otr.appendElement("td").text(x.expect());
                        otr.appendElement("td").text(nz(x.description()));
                    }
                }
                if (test.message() != null && !test.outcomes().isEmpty()) {
                    o.appendElement("pre").addClass("message").text(test.message());
                }
            }
        }
    }

    private static Document cases(Matrix matrix) {
        Document doc = page("pyconc cases");
        Element body = doc.body();
        body.appendElement("p").appendElement("a").attr("href", "index.html").text("\u2190 back to the report");
        body.appendElement("p").text("The source of each case in the report, with the behaviours it checks "
                + "(what ./pyconc show prints).");
        Map<String, CaseIndex.Case> index = new HashMap<>();
        for (CaseIndex.Case c : suiteCases()) {
            index.put(c.id(), c);
        }
        for (var e : matrix.caseBehaviours().entrySet()) {
            Element sec = body.appendElement("section").addClass("case").id(anchor("c-", e.getKey()));
            sec.appendElement("h2").appendElement("code").text(shortCase(e.getKey()));
            Element ul = sec.appendElement("ul");
            for (String b : e.getValue()) {
                Element li = ul.appendElement("li");
                li.appendElement("a").attr("href", "index.html#" + anchor("b-", b)).text(b);
                Catalog.standard().find(b).ifPresent(x -> {
                    li.appendText(": " + x.summary() + " ");
                    li.appendElement("a").attr("href", x.doc()).text("docs");
                });
            }
            CaseIndex.Case c = index.get(e.getKey());
            if (c == null) {
                sec.appendElement("p").text("(not a case of this pyconc build: no source)");
                continue;
            }
            Optional<CaseSources.Snippet> s = CaseSources.find(c.method().getDeclaringClass().getName(), c.method().getName());
            String where = s.map(x -> x.file().substring(CaseSources.ROOT.length()) + ":" + x.line()).orElse("source not packaged");
            Element p = sec.appendElement("p").addClass("where").text(where);
            if (c.method().getDeclaringClass() != c.testClass()) {
                p.appendText(" (inherited from " + c.method().getDeclaringClass().getSimpleName() + ")");
            }
            s.ifPresent(x -> sec.appendElement("pre").addClass("source").appendElement("code").text(x.text()));
        }
        return doc;
    }

    private static void copyAsset(String name, Path outDir) throws IOException {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ASSETS + name);
            }
            Files.copy(in, outDir.resolve("assets").resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
