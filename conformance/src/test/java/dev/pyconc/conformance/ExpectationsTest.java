package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.spec.harness.CaseIndex;
import dev.pyconc.spec.harness.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Expectations files: the runner turns listed failures into XFAIL and listed passes into XPASS, leaves unlisted
 * failures alone, reports unused entries, and {@code --strict} fails on XPASS and unused entries; a bad file is
 * refused with one line naming the file and the entry. Runs {@link RunnerFixtureCases} on the {@code fake} adapter.
 */
class ExpectationsTest {
    private static RunReport runFixtures(RunOptions o) {
        return new ConformanceRunner(List.of(DiscoverySelectors.selectClass(RunnerFixtureCases.class)))
                .run(o, new ConformanceRunner.Observer() {});
    }

    private static Expectations yaml(String text) {
        return Expectations.parse("test.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Status> statuses(RunReport r) {
        Map<String, Status> m = new TreeMap<>();
        r.cases().forEach(c -> m.put(c.name(), c.status()));
        return m;
    }

    private static CaseResult find(RunReport r, String name) {
        return r.cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no result " + name + " in "
                        + r.cases().stream().map(CaseResult::name).collect(Collectors.joining(", "))));
    }

    private static final String FILE = String.join("\n",
            "implementation: the fixture cases",
            "expectations:",
            "  RunnerFixtureCases#failsAnAssertion: {status: FAIL, reason: fixture bug 1}",
            "  '*#raisesAnError': {status: ERROR, reason: fixture bug 2}",
            "  '*#timesOut':",
            "    status: [FAIL, TIMEOUT]",
            "    reason: fixture is slow",
            "  RunnerFixtureCases#passes: {status: FAIL, reason: was broken and fixed since}",
            "  '*#usesAMissingApi': {status: FAIL, reason: listed as FAIL but it ERRORs}",
            "  RunnerFixtureCases#parameterized[2] 2: {status: FAIL, reason: only the second invocation}",
            "  '*#isDisabled': {status: FAIL, reason: a skipped case uses its entry and stays SKIP}",
            "  no.such/behaviour: {status: FAIL, reason: matches nothing}",
            "  threading.Lock.acquire/timeout-expires-returns-false: {status: FAIL, reason: detail, profile: cpython}",
            "");

    @Test
    void listedFailuresAreXfailListedPassesXpassAndUnlistedFailuresStay() {
        RunReport r = runFixtures(RunOptions.of("fake").withExpectations(yaml(FILE), false));
        Map<String, Status> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("RunnerFixtureCases#passes", Status.XPASS),
                Map.entry("RunnerFixtureCases#failsAnAssertion", Status.XFAIL),
                Map.entry("RunnerFixtureCases#raisesAnError", Status.XFAIL),
                Map.entry("RunnerFixtureCases#usesAMissingApi", Status.ERROR),
                Map.entry("RunnerFixtureCases#timesOut", Status.XFAIL),
                Map.entry("RunnerFixtureCases#failsInAHelperThread", Status.FAIL),
                Map.entry("RunnerFixtureCases#isAborted", Status.SKIPPED),
                Map.entry("RunnerFixtureCases#adapterFailsInsideAssertThrows", Status.ERROR),
                Map.entry("RunnerFixtureCases#dependsOnABrokenBehaviour", Status.SKIPPED),
                Map.entry("RunnerFixtureCases#isDisabled", Status.SKIPPED),
                Map.entry("RunnerFixtureCases#needsPython32", Status.PASS),
                Map.entry("RunnerFixtureCases#parameterized[1] 1", Status.PASS),
                Map.entry("RunnerFixtureCases#parameterized[2] 2", Status.XFAIL),
                Map.entry("RunnerFixtureCases#parameterized[3] 3", Status.PASS)));
        assertEquals(expected, statuses(r));
        assertFalse(r.succeeded(), "unlisted failures still fail the run");

        CaseResult xfail = find(r, "RunnerFixtureCases#failsAnAssertion");
        assertEquals(new CaseResult.Expected("RunnerFixtureCases#failsAnAssertion", List.of(Status.FAIL),
                "fixture bug 1", Status.FAIL), xfail.expectation());
        assertTrue(xfail.message().contains("one is not two"), "the failure's own message stays: " + xfail.message());
        assertEquals("expected FAIL: fixture bug 1", xfail.expectationNote());
        assertEquals(Status.TIMEOUT, find(r, "RunnerFixtureCases#timesOut").expectation().outcome());
        CaseResult xpass = find(r, "RunnerFixtureCases#passes");
        assertEquals("listed as expected FAIL but passed: was broken and fixed since", xpass.expectationNote());
        CaseResult other = find(r, "RunnerFixtureCases#usesAMissingApi");
        assertEquals("listed as expected FAIL but was ERROR: listed as FAIL but it ERRORs", other.expectationNote());
        assertNull(find(r, "RunnerFixtureCases#isDisabled").expectation());
        assertNull(find(r, "RunnerFixtureCases#failsInAHelperThread").expectation());

        RunReport.ExpectationsSummary s = r.expectations();
        assertEquals("test.yaml", s.source());
        assertEquals("the fixture cases", s.implementation());
        assertEquals(8, s.entries(), "the profile-cpython entry does not apply in profile docs");
        assertEquals(List.of(new RunReport.Unused("no.such/behaviour", List.of(Status.FAIL), "matches nothing")),
                s.unused());
        assertEquals(4, r.run().counts().get(Status.XFAIL));
        assertEquals(1, r.run().counts().get(Status.XPASS));
    }

    @Test
    void onlyListedFailuresLeftMeansSuccessAndStrictFailsOnXpassAndUnusedEntries() {
        String failsOnly = "expectations:\n  '*#failsAnAssertion': {status: FAIL, reason: known}\n";
        RunOptions xfailAndPass = RunOptions.of("fake").withIds(List.of("*#failsAnAssertion", "*#needsPython32"));
        RunReport ok = runFixtures(xfailAndPass.withExpectations(yaml(failsOnly), false));
        assertEquals(Map.of("RunnerFixtureCases#failsAnAssertion", Status.XFAIL,
                "RunnerFixtureCases#needsPython32", Status.PASS), statuses(ok));
        assertTrue(ok.succeeded(), "an XFAIL does not fail the run");
        assertTrue(runFixtures(xfailAndPass.withExpectations(yaml(failsOnly), true)).succeeded(),
                "nor under --strict");
        assertFalse(runFixtures(xfailAndPass).succeeded(), "without the file the failure fails the run");

        String xpass = failsOnly + "  RunnerFixtureCases#needsPython32: {status: TIMEOUT, reason: fixed upstream}\n";
        RunReport loose = runFixtures(xfailAndPass.withExpectations(yaml(xpass), false));
        assertEquals(Status.XPASS, find(loose, "RunnerFixtureCases#needsPython32").status());
        assertTrue(loose.succeeded(), "an XPASS is reported, not a failure");
        RunReport strict = runFixtures(xfailAndPass.withExpectations(yaml(xpass), true));
        assertEquals(Status.XPASS, find(strict, "RunnerFixtureCases#needsPython32").status());
        assertFalse(strict.succeeded(), "--strict: an XPASS fails the run");

        String unused = failsOnly + "  '*#noSuchCase': {status: FAIL, reason: stale}\n";
        RunReport warned = runFixtures(xfailAndPass.withExpectations(yaml(unused), false));
        assertEquals(List.of("*#noSuchCase"), warned.expectations().unused().stream().map(RunReport.Unused::entry).toList());
        assertTrue(warned.succeeded(), "an unused entry is a warning");
        assertFalse(runFixtures(xfailAndPass.withExpectations(yaml(unused), true)).succeeded(),
                "--strict: an unused entry fails the run");

        // An entry for another profile is neither used nor unused.
        String other = failsOnly + "  '*#noSuchCase': {status: FAIL, reason: detail only, profile: cpython}\n";
        RunReport docs = runFixtures(xfailAndPass.withExpectations(yaml(other), true));
        assertTrue(docs.succeeded());
        assertEquals(1, docs.expectations().entries());
        assertFalse(runFixtures(xfailAndPass.withProfile(Profile.CPYTHON).withExpectations(yaml(other), true))
                .succeeded(), "in profile cpython the entry applies, and is unused");
    }

    @Test
    void resultsFilesShowXfailAndXpassWithTheirReasons(@TempDir Path dir) throws Exception {
        String file = "expectations:\n  '*#failsAnAssertion': {status: FAIL, reason: 'bug #12: off by one'}\n"
                + "  RunnerFixtureCases#passes: {status: ERROR, reason: fixed upstream}\n";
        RunOptions o = RunOptions.of("fake").withIds(List.of("*#failsAnAssertion", "*#passes"))
                .withResults(dir, dir.resolve("results.json"));
        runFixtures(o.withExpectations(yaml(file), false));

        JsonNode root = JsonReport.mapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(1, root.at("/run/counts/XFAIL").asInt());
        assertEquals(1, root.at("/run/counts/XPASS").asInt());
        assertEquals("test.yaml", root.at("/expectations/source").asText());
        assertFalse(root.at("/expectations/strict").asBoolean());
        Map<String, JsonNode> cases = new TreeMap<>();
        root.get("cases").forEach(c -> cases.put(c.get("name").asText(), c));
        JsonNode xfail = cases.get("RunnerFixtureCases#failsAnAssertion");
        assertEquals("XFAIL", xfail.get("status").asText());
        assertEquals("bug #12: off by one", xfail.at("/expectation/reason").asText());
        assertEquals("FAIL", xfail.at("/expectation/outcome").asText());
        assertEquals("XPASS", cases.get("RunnerFixtureCases#passes").get("status").asText());
        RunReport back = JsonReport.read(dir.resolve("results.json"));
        assertEquals(Status.XFAIL, find(back, "RunnerFixtureCases#failsAnAssertion").status());
        assertEquals("test.yaml", back.expectations().source());
        assertEquals("bug #12: off by one", find(back, "RunnerFixtureCases#failsAnAssertion").expectation().reason());

        String xml = Files.readString(dir.resolve("junit/TEST-junit-jupiter.xml"));
        assertTrue(xml.contains("skipped=\"1\""), xml);
        assertTrue(xml.contains("failures=\"0\""), "an XFAIL is no failure in JUnit XML: " + xml);
        assertTrue(xml.contains("XFAIL (expected FAIL: bug #12: off by one): FAIL: fixture: one is not two"), xml);
        assertTrue(xml.contains("XPASS (listed as expected ERROR but passed: fixed upstream)"),
                "a non-strict XPASS passes, with a note: " + xml);

        Map<String, JsonNode> allure = allure(dir);
        JsonNode a = allure.get("RunnerFixtureCases#failsAnAssertion");
        assertEquals("skipped", a.get("status").asText());
        assertTrue(a.at("/statusDetails/message").asText().startsWith("XFAIL (expected FAIL: bug #12: off by one): "),
                a.toString());
        assertEquals("passed", allure.get("RunnerFixtureCases#passes").get("status").asText());

        runFixtures(o.withExpectations(yaml(file), true));
        String strictXml = Files.readString(dir.resolve("junit/TEST-junit-jupiter.xml"));
        assertTrue(strictXml.contains("failures=\"1\""), "--strict: an XPASS is a failure in JUnit XML: " + strictXml);
        assertTrue(strictXml.contains("XPASS (listed as expected ERROR but passed: fixed upstream); --strict"),
                strictXml);
        assertEquals("failed", allure(dir).get("RunnerFixtureCases#passes").get("status").asText());
        assertTrue(JsonReport.mapper().readTree(dir.resolve("results.json").toFile()).at("/expectations/strict")
                .asBoolean());
    }

    private static Map<String, JsonNode> allure(Path dir) throws Exception {
        Map<String, JsonNode> byName = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir.resolve("allure-results"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode n = JsonReport.mapper().readTree(p.toFile());
                byName.put(n.get("name").asText(), n);
            }
        }
        return byName;
    }

    @Test
    void badFilesAreRefusedWithOneLineNamingTheFileAndTheEntry() {
        Map<String, String> bad = new TreeMap<>(Map.ofEntries(
                Map.entry("expectations:\n  a.b/c: {status: PASS, reason: r}\n",
                        "expectations file test.yaml: entry 'a.b/c': unknown status 'PASS' (expected FAIL, ERROR, TIMEOUT)"),
                Map.entry("expectations:\n  a.b/c: {status: [FAIL, flaky], reason: r}\n",
                        "expectations file test.yaml: entry 'a.b/c': unknown status 'flaky' (expected FAIL, ERROR, TIMEOUT)"),
                Map.entry("expectations:\n  a.b/c: {status: FAIL}\n",
                        "expectations file test.yaml: entry 'a.b/c': missing reason (a bug link, a disagreement with "
                                + "the docs, a version gap)"),
                Map.entry("expectations:\n  a.b/c: {status: FAIL, reason: '  '}\n",
                        "expectations file test.yaml: entry 'a.b/c': missing reason (a bug link, a disagreement with "
                                + "the docs, a version gap)"),
                Map.entry("expectations:\n  a.b/c: {reason: r}\n",
                        "expectations file test.yaml: entry 'a.b/c': missing status (FAIL, ERROR, TIMEOUT, or a list of them)"),
                Map.entry("expectations:\n  a.b/c: {status: FAIL, reason: r, stauts: FAIL}\n",
                        "expectations file test.yaml: entry 'a.b/c': unknown key 'stauts' (known: status, reason, profile)"),
                Map.entry("expectations:\n  a.b/c: {status: FAIL, reason: r, profile: pypy}\n",
                        "expectations file test.yaml: entry 'a.b/c': profile must be docs or cpython: pypy"),
                Map.entry("expectations:\n  a.b/c: FAIL\n",
                        "expectations file test.yaml: entry 'a.b/c': expected a mapping with 'status' and 'reason'"),
                Map.entry("expectation:\n  a.b/c: {status: FAIL, reason: r}\n",
                        "expectations file test.yaml: unknown key 'expectation' (known: implementation, expectations)"),
                Map.entry("implementation: x\n",
                        "expectations file test.yaml: missing key 'expectations' (write 'expectations: {}' for none)"),
                Map.entry("", "expectations file test.yaml: empty; write 'expectations: {}' for a file without entries"),
                Map.entry("- a\n- b\n",
                        "expectations file test.yaml: expected a mapping with the key 'expectations' at the top"),
                Map.entry("expectations: [a, b]\n", "expectations file test.yaml: 'expectations' must map a behaviour "
                        + "id, case id or glob to its status and reason"),
                Map.entry("expectations:\n  a.b/c: {status: FAIL, reason: r}\n  a.b/c: {status: ERROR, reason: s}\n",
                        "expectations file test.yaml: duplicate entry 'a.b/c' (line 3)")));
        for (var e : bad.entrySet()) {
            var ex = assertThrows(ConformanceException.class, () -> yaml(e.getKey()), e.getKey());
            assertEquals(e.getValue(), ex.getMessage(), e.getKey());
            assertEquals(1, ex.getMessage().lines().count(), ex.getMessage());
        }
        var syntax = assertThrows(ConformanceException.class, () -> yaml("expectations:\n  a: {status: FAIL\n"));
        assertTrue(syntax.getMessage().startsWith("expectations file test.yaml: "), syntax.getMessage());
        assertTrue(syntax.getMessage().contains("(line "), syntax.getMessage());
        assertEquals(1, syntax.getMessage().lines().count(), syntax.getMessage());
        // The good form of each is accepted.
        assertEquals(2, yaml("expectations:\n  a.b/c: {status: [FAIL, TIMEOUT], reason: r}\n"
                + "  '*#x': {status: ERROR, reason: s, profile: cpython}\n").entries().size());
        assertEquals(0, yaml("expectations: {}\n").entries().size());
    }

    @Test
    void resolveTakesAFileOrABundledName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "expectations:\n  a.b/c: {status: FAIL, reason: r}\n");
        assertEquals(f.toString(), Expectations.resolve(f.toString()).source());
        assertEquals("bundled:graalpy", Expectations.resolve("graalpy").source());
        var none = assertThrows(ConformanceException.class, () -> Expectations.resolve("jython"));
        assertEquals("no expectations file 'jython': not a file, nor one of the bundled cpython-3.14, cpython-3.13, "
                + "python3, pypy3, graalpy", none.getMessage());
        var missing = assertThrows(ConformanceException.class,
                () -> Expectations.resolve(dir.resolve("nope.yaml").toString()));
        assertTrue(missing.getMessage().startsWith("no expectations file '" + dir.resolve("nope.yaml")), missing.getMessage());
        var folder = assertThrows(ConformanceException.class, () -> Expectations.resolve(dir.toString()));
        assertEquals("expectations file " + dir + ": not a regular file", folder.getMessage());
    }

    /** Every bundled file loads, is listed in BUNDLED, and each of its entries names a case of the suite. */
    @Test
    void bundledFilesAreValidAndEveryEntryNamesACase() throws Exception {
        Path folder = Path.of(ExpectationsTest.class.getClassLoader().getResource(Expectations.BUNDLED_DIR).toURI());
        List<String> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(Expectations.BUNDLED.stream().map(n -> n + ".yaml").sorted().toList(), files);
        List<String> problems = new ArrayList<>();
        for (String name : Expectations.BUNDLED) {
            problems.addAll(problems(name, Expectations.bundled(name)));
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> problems(String name, Expectations e) {
        List<CaseInfo> cases = CaseIndex.cases().stream().map(c -> CaseInfo.of(c.testClass(), c.method())).toList();
        List<String> problems = new ArrayList<>();
        for (Expectations.Entry entry : e.entries()) {
            List<CaseInfo> named = cases.stream().filter(c -> entry.matches(c, List.of())).toList();
            if (named.isEmpty()) {
                problems.add(name + ": '" + entry.pattern() + "' names no case");
            }
            if (entry.profile() != Profile.CPYTHON && named.stream().anyMatch(CaseInfo::implementationDetail)) {
                problems.add(name + ": '" + entry.pattern() + "' names an implementation detail: give it "
                        + "profile: cpython");
            }
        }
        return problems;
    }

    /** The check above is not vacuous: a stale entry and a detail entry without its profile are caught. */
    @Test
    void theBundledFilesCheckCatchesStaleAndUnprofiledEntries() {
        Expectations bad = yaml("expectations:\n"
                + "  threading.Lock.release/renamed-since: {status: FAIL, reason: r}\n"
                + "  threading.Lock.acquire/nan-timeout-raises-valueerror: {status: FAIL, reason: r}\n"
                + "  threading.Lock.release/unlocked-raises-runtimeerror: {status: FAIL, reason: r}\n");
        assertEquals(List.of("bad: 'threading.Lock.release/renamed-since' names no case",
                "bad: 'threading.Lock.acquire/nan-timeout-raises-valueerror' names an implementation detail: give it "
                        + "profile: cpython"), problems("bad", bad));
    }
}
