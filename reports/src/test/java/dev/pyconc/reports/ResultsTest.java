package dev.pyconc.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.reports.stress.StressReport;
import dev.pyconc.reports.stress.StressTestResult;
import io.qameta.allure.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one result model reads both kinds of results file, keeps any status word, and maps it for Allure. */
class ResultsTest {
    private static final String CONFORMANCE = """
            {"format": "pyconc-results/1",
             "run": {"adapter": "x", "implementation": "X 1.0", "pythonVersion": "3.14", "suiteCommit": "abc",
                     "profile": "docs", "startedAt": "2026-01-01T00:00:00Z", "durationSeconds": 1.5,
                     "counts": {"PASS": 1, "XFAIL": 1}, "features": ["A", "B"], "newField": 1},
             "cases": [
               {"id": "p.LockCases#a", "name": "LockCases#a", "module": "threading", "behaviours": ["threading.Lock/x"],
                "status": "PASS", "durationSeconds": 0.5, "startedAtMillis": 10},
               {"id": "p.LockCases#b", "name": "LockCases#b", "module": "threading", "behaviours": [],
                "status": "XFAIL", "message": "known", "trace": "t", "threadDump": "d", "durationSeconds": 0.25,
                "startedAtMillis": 20}]}
            """;

    @Test
    void readsAConformanceFileKeepingUnknownStatusWords(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("results.json");
        Files.writeString(f, CONFORMANCE);
        Results r = Results.read(dir);
        assertEquals("conformance", r.run().kind());
        assertEquals("x", r.run().implementation());
        assertEquals("X 1.0", r.run().version());
        assertEquals(1, r.run().counts().get("XFAIL"));
        assertEquals("A,B", r.run().environment().get("features"));
        assertEquals(List.of("PASS", "XFAIL"), r.results().stream().map(ResultRecord::status).toList());
        assertEquals("LockCases", r.results().get(0).suite());
        assertEquals("t\nd", r.results().get(1).trace());
        assertEquals(f, r.source());
    }

    @Test
    void readsAStressSummary(@TempDir Path dir) {
        new StressReport(new StressReport.Run("seeded-x", "quick", null, List.of("jcstress"), "jvm", "os", 1000, 2.0, 1, false),
                List.of(new StressTestResult("a.LockStress.M", "jcstress", "threading.Lock", "FAILED",
                                List.of(new StressTestResult.Outcome("1, 1", 3, "FORBIDDEN", "both")), true, null, "seen", null),
                        new StressTestResult("LincheckTests.event", "lincheck", "threading.Event", "ERROR", List.of(), false,
                                1.0, "boom", null)))
                .writeJson(dir.resolve("summary.json"));
        Results r = Results.read(dir.resolve("summary.json"));
        assertEquals("stress", r.run().kind());
        assertEquals(List.of("FAIL", "ERROR"), r.results().stream().map(ResultRecord::status).toList());
        assertEquals("FAILED: seen", r.results().get(0).message());
        assertEquals("threading", r.results().get(0).module());
        assertEquals("threading.Lock", r.results().get(0).api());
    }

    @Test
    void rejectsOtherJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        assertThrows(IllegalArgumentException.class, () -> Results.read(dir.resolve("x.json")));
        assertThrows(IllegalArgumentException.class, () -> Results.read(dir.resolve("missing.json")));
    }

    @Test
    void allureStatusesAndAResultOfAnUnknownWord() {
        assertEquals(Status.PASSED, AllureResults.status("PASS"));
        assertEquals(Status.FAILED, AllureResults.status("FAIL"));
        assertEquals(Status.BROKEN, AllureResults.status("TIMEOUT"));
        assertEquals(Status.SKIPPED, AllureResults.status("NOT_APPLICABLE"));
        assertEquals(Status.SKIPPED, AllureResults.status("XFAIL"));
        assertEquals(Status.PASSED, AllureResults.status("XPASS"));
        assertNull(AllureResults.status("SOMETHING_NEW"));
        JsonNode tree = Json.mapper().valueToTree(AllureResults.toAllure(
                new RunRecord("conformance", "x", null, null, null, null, null, 0, null,
                        java.util.Map.of("adapter", "x"), null),
                new ResultRecord("p.C#m", "C#m", "queue", "C", List.of("queue.Queue.put/nonblocking-full-raises-full"), null, List.of(),
                        false, "XFAIL", "known bug", null, null, 0, 0.1)));
        assertEquals("XFAIL: known bug", tree.path("statusDetails").path("message").asText());
        assertEquals("queue.Queue.put", featureOf(tree)); // the behaviour's API, from the catalog
    }

    private static String featureOf(JsonNode allure) {
        for (JsonNode l : allure.path("labels")) {
            if (l.path("name").asText().equals("feature")) {
                return l.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void cellStatusIsTheWorstAndLabelsAreShort() {
        assertEquals("FAIL", HtmlReport.cellStatus(List.of("PASS", "FAIL", "XFAIL")));
        assertEquals("XPASS", HtmlReport.cellStatus(List.of("PASS", "XPASS", "XFAIL")));
        assertEquals("NEW", HtmlReport.cellStatus(List.of("PASS", "NEW", "XFAIL")));
        assertEquals("PASS", HtmlReport.cellStatus(List.of("NOT_APPLICABLE", "PASS")));
        assertEquals("", HtmlReport.cellStatus(List.of()));
        assertEquals("N/A", HtmlReport.label("NOT_APPLICABLE"));
        assertEquals("SKIP", HtmlReport.label("SKIPPED"));
        assertEquals("XFAIL", HtmlReport.label("XFAIL"));
    }
}
