package dev.pyconc.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Checks a report page, as the browser shows it, against the results files it was made from. It reads the
 * files with its own code (a JSON tree, not the reports module's reader) and says, as a list of problems:
 * a script error (a SEVERE browser log entry, or the page's script not reaching its end), a missing
 * implementation column or summary row, a behaviour of a file without a row, and any cell whose status,
 * label, results or messages differ from the file's.
 */
final class ReportPageChecker {
    /** Worst first; a word not listed ranks after XPASS and before XFAIL (HtmlReport's documented rule). */
    private static final List<String> WORST_FIRST = List.of("FAIL", "ERROR", "TIMEOUT", "XPASS", "XFAIL", "PASS",
            "SKIPPED", "NOT_APPLICABLE");

    private static final String EXTRACT = """
            var out = {ready: document.body.getAttribute('data-ready'), columns: [], rows: [], summary: [], stress: []};
            document.querySelectorAll('#matrix thead th.impl').forEach(function (th) {
              out.columns.push({impl: th.getAttribute('data-impl'), file: th.getAttribute('data-file'),
                shown: th.getClientRects().length > 0});
            });
            document.querySelectorAll('#summary tbody tr').forEach(function (tr) {
              var counts = {};
              tr.querySelectorAll('td.count[data-status]').forEach(function (td) {
                counts[td.getAttribute('data-status')] = td.textContent.trim();
              });
              out.summary.push({impl: tr.getAttribute('data-impl'), file: tr.getAttribute('data-file'), counts: counts});
            });
            document.querySelectorAll('#matrix tr.behaviour').forEach(function (tr) {
              var cells = [];
              tr.querySelectorAll('td.cell').forEach(function (td) {
                var items = [];
                td.querySelectorAll('li').forEach(function (li) {
                  var m = li.querySelector('pre.message');
                  items.push({id: li.getAttribute('data-case'), status: li.getAttribute('data-status'),
                    label: li.querySelector('.st').textContent, message: m ? m.textContent : null});
                });
                var st = td.querySelector('summary .st');
                cells.push({impl: td.getAttribute('data-impl'), status: td.getAttribute('data-status'),
                  label: (st ? st.textContent : td.textContent).trim(), items: items});
              });
              out.rows.push({behaviour: tr.getAttribute('data-behaviour'), cells: cells});
            });
            document.querySelectorAll('#stress div.stress-run').forEach(function (div) {
              var tests = {};
              div.querySelectorAll('tbody > tr[data-test]').forEach(function (tr) {
                tests[tr.getAttribute('data-test')] = tr.querySelector('td.cell').getAttribute('data-status');
              });
              out.stress.push({file: div.getAttribute('data-file'), tests: tests});
            });
            return JSON.stringify(out);
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportPageChecker() {}

    /**
     * Opens {@code index} in {@code driver} and returns every disagreement with {@code conformance} (results.json
     * files) and {@code stress} (summary.json files); empty when the page is right.
     */
    static List<String> check(WebDriver driver, Path index, List<Path> conformance, List<Path> stress) {
        driver.get(index.toUri().toString());
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add("script error: " + e.getMessage());
            }
        }
        JsonNode page;
        try {
            page = MAPPER.readTree((String) ((JavascriptExecutor) driver).executeScript(EXTRACT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"true".equals(page.path("ready").asText())) {
            problems.add("script error: the page's script did not run to its end (body has no data-ready)");
        }
        Map<Path, String> columnOfFile = new HashMap<>();
        for (JsonNode c : page.path("columns")) {
            columnOfFile.put(norm(c.path("file").asText()), c.path("impl").asText());
            if (!c.path("shown").asBoolean()) {
                problems.add("implementation column " + c.path("impl").asText() + " is not shown");
            }
        }
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode r : page.path("rows")) {
            rows.put(r.path("behaviour").asText(), r);
        }
        Map<Path, JsonNode> summaryOfFile = new HashMap<>();
        page.path("summary").forEach(s -> summaryOfFile.put(norm(s.path("file").asText()), s));

        for (Path file : conformance) {
            JsonNode results = read(file);
            String impl = columnOfFile.get(norm(file.toString()));
            if (impl == null) {
                problems.add("missing implementation column for " + file + " ("
                        + results.path("run").path("adapter").asText() + ")");
                continue;
            }
            JsonNode summary = summaryOfFile.get(norm(file.toString()));
            if (summary == null) {
                problems.add("missing summary row for " + file);
            } else {
                results.path("run").path("counts").fields().forEachRemaining(e -> {
                    String shown = summary.path("counts").path(e.getKey()).asText(null);
                    if (!String.valueOf(e.getValue().asInt()).equals(shown)) {
                        problems.add("summary of " + impl + ": " + e.getKey() + " is " + shown + ", the file says "
                                + e.getValue().asInt());
                    }
                });
            }
            // behaviour -> the file's results for it (a result without behaviours is its own row)
            Map<String, List<JsonNode>> expected = new LinkedHashMap<>();
            for (JsonNode c : results.path("cases")) {
                List<String> ids = new ArrayList<>();
                c.path("behaviours").forEach(b -> ids.add(b.asText()));
                if (ids.isEmpty()) {
                    ids.add(c.path("id").asText());
                }
                ids.forEach(id -> expected.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
            }
            for (var e : expected.entrySet()) {
                JsonNode row = rows.get(e.getKey());
                if (row == null) {
                    problems.add("no row for behaviour " + e.getKey() + " of " + impl);
                    continue;
                }
                JsonNode cell = cellOf(row, impl);
                if (cell == null) {
                    problems.add("row " + e.getKey() + " has no cell for " + impl);
                    continue;
                }
                problems.addAll(compareCell(e.getKey(), impl, cell, e.getValue()));
            }
            for (JsonNode row : page.path("rows")) {
                JsonNode cell = cellOf(row, impl);
                String b = row.path("behaviour").asText();
                if (!expected.containsKey(b) && cell != null && (!cell.path("status").asText().isEmpty()
                        || cell.path("items").size() > 0)) {
                    problems.add(impl + " / " + b + ": the file has no result, the page shows "
                            + cell.path("status").asText());
                }
            }
        }
        Map<Path, JsonNode> stressOfFile = new HashMap<>();
        page.path("stress").forEach(s -> stressOfFile.put(norm(s.path("file").asText()), s));
        for (Path file : stress) {
            JsonNode shown = stressOfFile.get(norm(file.toString()));
            if (shown == null) {
                problems.add("no stress section for " + file);
                continue;
            }
            for (JsonNode t : read(file).path("tests")) {
                boolean passed = !t.path("forbiddenSeen").asBoolean()
                        && List.of("OK", "PASS").contains(t.path("status").asText());
                String want = passed ? "PASS" : t.path("forbiddenSeen").asBoolean() ? "FAIL" : "ERROR";
                String got = shown.path("tests").path(t.path("test").asText()).asText(null);
                if (!want.equals(got)) {
                    problems.add("stress " + t.path("test").asText() + ": page shows " + got + ", the file says " + want);
                }
            }
        }
        return problems;
    }

    private static List<String> compareCell(String behaviour, String impl, JsonNode cell, List<JsonNode> cases) {
        List<String> problems = new ArrayList<>();
        String where = impl + " / " + behaviour + ": ";
        List<String> statuses = cases.stream().map(c -> c.path("status").asText()).toList();
        String want = worst(statuses);
        if (!want.equals(cell.path("status").asText())) {
            problems.add(where + "cell status " + cell.path("status").asText() + ", the file says " + want);
        }
        if (!label(want).equals(cell.path("label").asText())) {
            problems.add(where + "cell shows '" + cell.path("label").asText() + "', the file says " + label(want));
        }
        Map<String, JsonNode> items = new HashMap<>();
        cell.path("items").forEach(i -> items.put(i.path("id").asText(), i));
        if (items.size() != cases.size()) {
            problems.add(where + "cell lists " + items.size() + " results, the file has " + cases.size());
        }
        for (JsonNode c : cases) {
            JsonNode item = items.get(c.path("id").asText());
            if (item == null) {
                problems.add(where + "cell lacks result " + c.path("id").asText());
                continue;
            }
            String status = c.path("status").asText();
            if (!status.equals(item.path("status").asText()) || !label(status).equals(item.path("label").asText())) {
                problems.add(where + c.path("id").asText() + " shows " + item.path("label").asText() + ", the file says "
                        + status);
            }
            String message = c.hasNonNull("message") && !c.path("message").asText().isEmpty() ? c.path("message").asText() : null;
            String shownMessage = item.path("message").isNull() ? null : item.path("message").asText(null);
            if (!Objects.equals(message, shownMessage)) {
                problems.add(where + c.path("id").asText() + " message '" + shownMessage + "', the file says '" + message + "'");
            }
        }
        return problems;
    }

    private static String worst(List<String> statuses) {
        for (String s : WORST_FIRST.subList(0, WORST_FIRST.indexOf("XPASS") + 1)) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        var unknown = statuses.stream().filter(s -> !WORST_FIRST.contains(s)).sorted().findFirst();
        if (unknown.isPresent()) {
            return unknown.get();
        }
        return WORST_FIRST.stream().filter(statuses::contains).findFirst().orElse("");
    }

    private static String label(String status) {
        return switch (status) {
            case "NOT_APPLICABLE" -> "N/A";
            case "SKIPPED" -> "SKIP";
            default -> status;
        };
    }

    private static JsonNode cellOf(JsonNode row, String impl) {
        for (JsonNode c : row.path("cells")) {
            if (impl.equals(c.path("impl").asText())) {
                return c;
            }
        }
        return null;
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path norm(String p) {
        return Path.of(p).toAbsolutePath().normalize();
    }
}
