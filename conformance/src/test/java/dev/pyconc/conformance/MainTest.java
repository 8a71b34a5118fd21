package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.reports.CaseSources;
import dev.pyconc.spec.harness.CaseIndex;
import dev.pyconc.spi.PyModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, one-line errors, and what each command prints. */
class MainTest {
    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Result r, int code, String start) {
        assertEquals(code, r.code(), r.toString());
        assertTrue(r.err().startsWith(start), r.err());
        assertEquals(1, r.err().lines().count(), "one line on stderr: " + r.err());
    }

    @Test
    void runOnAConformingAdapterExitsZeroAndWritesResults(@TempDir Path dir) throws Exception {
        Result r = cli("run", "--adapter", "fake", "--id", "threading.Lock.release/unlocked-raises-runtimeerror",
                "--results-dir", dir.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("PASS"), r.out());
        assertTrue(r.out().contains("CONFORMS on fake: "), r.out());
        assertTrue(r.out().contains("module"), "summary table header: " + r.out());
        JsonNode json = JsonReport.mapper().readTree(dir.resolve("results.json").toFile());
        assertTrue(json.at("/run/counts/PASS").asInt() >= 1);
        assertTrue(Files.exists(dir.resolve("junit/TEST-junit-jupiter.xml")));
    }

    @Test
    void notApplicableOnlyIsNotASuccessfulRun(@TempDir Path dir) {
        Result r = cli("run", "--adapter", "fake-old", "--id", "threading.Lock.acquire/timeout-expires-returns-false",
                "--results-dir", dir.toString());
        assertEquals(1, r.code(), "no case ran: " + r);
        assertTrue(r.out().contains("N/A"), r.out());
        assertTrue(r.out().contains("applies to Python 3.2+"), "the reason is listed: " + r.out());
    }

    @Test
    void problemsAreOneLineErrors(@TempDir Path dir) {
        assertOneLineError(cli("run", "--adapter", "fake-unavailable", "--results-dir", dir.toString()), 1,
                "pyconc: error: fake-unavailable: no interpreter at /nowhere/python");
        assertOneLineError(cli("run", "--adapter", "nope"), 1, "pyconc: error: unknown adapter 'nope'; known: ");
        assertOneLineError(cli("run", "--adapter", "fake", "--id", "no.such/thing"), 1,
                "pyconc: error: no case selected by --id no.such/thing");
        assertOneLineError(cli("run", "--module", "signal"), 1, "pyconc: error: unknown module 'signal'");
        assertOneLineError(cli("show", "no.such/thing"), 1, "pyconc: error: unknown id 'no.such/thing'");
        assertOneLineError(cli("run", "--bogus"), 2, "pyconc: Unknown option: '--bogus'");
        assertOneLineError(cli("catalog", "--format", "xml"), 2, "pyconc: Invalid value for option '--format'");
        assertOneLineError(cli(), 2, "pyconc: missing command");
        assertOneLineError(cli("frobnicate"), 2, "pyconc: Unmatched argument");
        assertFalse(Files.exists(dir.resolve("results.json")), "nothing ran, nothing written");
    }

    /** On fake, threading.Event cases ERROR (it has no Event); an expectations file can list them. */
    @Test
    void expectationsMakeListedFailuresXfailAndStrictFailsOnUnusedEntries(@TempDir Path dir) throws Exception {
        String event = "threading.Event/initially-false";
        Path file = dir.resolve("fake.yaml");
        Files.writeString(file, "implementation: the fake adapter\nexpectations:\n"
                + "  " + event + ": {status: ERROR, reason: fake has no Event}\n");
        Result without = cli("run", "--adapter", "fake", "--id", event, "--results-dir", dir.resolve("a").toString());
        assertEquals(1, without.code(), without.toString());

        Result r = cli("run", "--adapter", "fake", "--id", event, "--expectations", file.toString(), "--strict",
                "--results-dir", dir.resolve("b").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("XFAIL"), r.out());
        assertTrue(r.out().contains("expected ERROR: fake has no Event"), r.out());
        assertTrue(r.out().contains("MATCHES ITS EXPECTATIONS on fake: "), r.out());
        assertTrue(r.out().contains("1 expected failures (XFAIL), 0 unexpected passes (XPASS)"), r.out());

        Files.writeString(file, "expectations:\n  " + event + ": {status: ERROR, reason: fake has no Event}\n"
                + "  '*#gone': {status: FAIL, reason: stale}\n");
        Result loose = cli("run", "--adapter", "fake", "--id", event, "--expectations", file.toString(),
                "--results-dir", dir.resolve("c").toString());
        assertEquals(0, loose.code(), loose.toString());
        assertTrue(loose.out().contains("warning: unused entry '*#gone'"), loose.out());
        Result strict = cli("run", "--adapter", "fake", "--id", event, "--expectations", file.toString(), "--strict",
                "--results-dir", dir.resolve("d").toString());
        assertEquals(1, strict.code(), strict.toString());
        assertTrue(strict.out().contains("error: unused entry '*#gone'"), strict.out());
        assertTrue(strict.out().contains("DOES NOT CONFORM on fake"), strict.out());

        Result xpass = cli("run", "--adapter", "fake", "--id", "threading.Lock.release/unlocked-raises-runtimeerror",
                "--expectations", file.toString(), "--results-dir", dir.resolve("e").toString());
        assertEquals(0, xpass.code(), "no XPASS here, and unused entries only warn: " + xpass);

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "expectations:\n  " + event + ": {status: FLAKY, reason: r}\n");
        assertOneLineError(cli("run", "--adapter", "fake", "--expectations", bad.toString()), 1,
                "pyconc: error: expectations file " + bad + ": entry '" + event + "': unknown status 'FLAKY'");
        assertOneLineError(cli("run", "--adapter", "fake", "--expectations", "no-such-impl"), 1,
                "pyconc: error: no expectations file 'no-such-impl': not a file, nor one of the bundled ");
        assertOneLineError(cli("run", "--adapter", "fake", "--strict"), 2,
                "pyconc: --strict needs --expectations");
    }

    @Test
    void aRedirectedRunPrintsALinePerCaseAndNoProgressBar(@TempDir Path dir) {
        Result r = cli("run", "--adapter", "fake", "--id", "threading.Lock.release/unlocked-raises-runtimeerror",
                "--results-dir", dir.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\[\\s*1/\\s*\\d+\\] PASS .*")), r.out());
        assertFalse(r.out().contains("\r"), "no carriage return (a bar's redraw) in redirected output");
        assertFalse(r.err().contains("\r"), r.err());
        Result verbose = cli("run", "--verbose", "--adapter", "fake", "--id",
                "threading.Lock.release/unlocked-raises-runtimeerror", "--results-dir", dir.toString());
        assertEquals(r.out().lines().filter(l -> l.startsWith("[")).count(),
                verbose.out().lines().filter(l -> l.startsWith("[")).count(), verbose.out());
    }

    @Test
    void helpAndModuleCheckListTheRegistry() {
        String known = String.join(", ", PyModule.pythonNames());
        String list = ("(" + known + ")").replaceAll("\\s+", ""); // help text is wrapped anywhere
        assertTrue(cli("--help").out().replaceAll("\\s+", "").contains(list), cli("--help").out());
        for (String command : List.of("run", "catalog")) {
            Result help = cli(command, "--help");
            assertTrue(help.out().replaceAll("\\s+", "").contains("module" + list), help.out());
            assertOneLineError(cli(command, "--module", "signal"), 1,
                    "pyconc: error: unknown module 'signal'; known: " + known);
        }
    }

    @Test
    void catalogJsonListsEveryEntryWithItsCases() throws Exception {
        Result r = cli("catalog", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode list = JsonReport.mapper().readTree(r.out());
        assertEquals(Catalog.standard().size(), list.size());
        Map<String, List<String>> byBehaviour = CaseIndex.casesByBehaviour();
        for (JsonNode e : list) {
            List<String> cases = new ArrayList<>();
            e.get("cases").forEach(c -> cases.add(c.asText()));
            assertEquals(byBehaviour.getOrDefault(e.get("id").asText(), List.of()), cases, e.toString());
            assertTrue(e.get("doc").asText().contains("#"));
        }
        Result text = cli("catalog");
        assertEquals(0, text.code());
        for (var b : Catalog.standard().entries()) {
            assertTrue(text.out().contains(b.id()), b.id());
        }
    }

    @Test
    void showPrintsTheBehaviourAndTheSourceOfItsCases() {
        CaseIndex.Case c = CaseIndex.cases().get(0);
        String id = c.checks().get(0);
        Result r = cli("show", id);
        assertEquals(0, r.code(), r.err());
        var b = Catalog.standard().get(id);
        assertTrue(r.out().startsWith(id + "\n"), r.out());
        assertTrue(r.out().contains(b.summary()));
        assertTrue(r.out().contains(b.doc()));
        assertTrue(r.out().contains("void " + c.method().getName() + "("), "case source: " + r.out());
        assertTrue(r.out().contains("@Checks("), r.out());

        String simple = c.testClass().getSimpleName() + "#" + c.method().getName();
        Result byCase = cli("show", simple);
        assertEquals(0, byCase.code(), byCase.err());
        assertTrue(byCase.out().contains("void " + c.method().getName() + "("), byCase.out());
    }

    @Test
    void adaptersListsTheProvidersOnTheClassPath() {
        Result r = cli("adapters");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fake "), r.out());
        assertTrue(r.out().contains("fake-unavailable"), r.out());
    }

    @Test
    void caseSourceExtractionKeepsJavadocAnnotationsAndBody() {
        String src = String.join("\n",
                "class XCases {",
                "    private static final int N = 3;",
                "",
                "    /** First. */",
                "    @Test",
                "    void first() {",
                "        String s = \"}\"; // }",
                "        char c = '{';",
                "        if (true) { /* } */ }",
                "    }",
                "",
                "    /**",
                "     * Second; with a semicolon.",
                "     */",
                "    @ParameterizedTest",
                "    @CsvSource({\"a, b\",",
                "        \"c, d\"})",
                "    void second(String x, String y) {",
                "        call(first());",
                "    }",
                "}");
        var first = CaseSources.extract(src, "first").orElseThrow();
        assertEquals(4, first.line());
        assertEquals(String.join("\n", "/** First. */", "@Test", "void first() {", "    String s = \"}\"; // }",
                "    char c = '{';", "    if (true) { /* } */ }", "}", ""), first.text());
        var second = CaseSources.extract(src, "second").orElseThrow();
        assertEquals(12, second.line());
        assertTrue(second.text().startsWith("/**\n * Second; with a semicolon.\n */\n@ParameterizedTest\n"), second.text());
        assertTrue(second.text().endsWith("    call(first());\n}\n"), second.text());
        assertTrue(CaseSources.extract(src, "third").isEmpty());
    }
}
