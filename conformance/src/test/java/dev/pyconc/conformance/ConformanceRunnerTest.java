package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.spi.AdapterUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.jupiter.api.io.TempDir;

/** The runner maps every JUnit outcome to the right status and writes its three result formats. */
class ConformanceRunnerTest {
    private static RunReport runFixtures(RunOptions o) {
        return new ConformanceRunner(List.of(DiscoverySelectors.selectClass(RunnerFixtureCases.class)))
                .run(o, new ConformanceRunner.Observer() {});
    }

    private static Map<String, Status> statuses(RunReport r) {
        Map<String, Status> m = new TreeMap<>();
        for (CaseResult c : r.cases()) {
            assertNull(m.put(c.name(), c.status()), "duplicate result for " + c.name());
        }
        return m;
    }

    @Test
    void everyOutcomeGetsItsStatus() {
        RunReport r = runFixtures(RunOptions.of("fake"));
        Map<String, Status> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("RunnerFixtureCases#passes", Status.PASS),
                Map.entry("RunnerFixtureCases#failsAnAssertion", Status.FAIL),
                Map.entry("RunnerFixtureCases#raisesAnError", Status.ERROR),
                Map.entry("RunnerFixtureCases#usesAMissingApi", Status.ERROR),
                Map.entry("RunnerFixtureCases#timesOut", Status.TIMEOUT),
                Map.entry("RunnerFixtureCases#failsInAHelperThread", Status.FAIL),
                Map.entry("RunnerFixtureCases#isAborted", Status.SKIPPED),
                Map.entry("RunnerFixtureCases#adapterFailsInsideAssertThrows", Status.ERROR),
                Map.entry("RunnerFixtureCases#dependsOnABrokenBehaviour", Status.SKIPPED),
                Map.entry("RunnerFixtureCases#isDisabled", Status.SKIPPED),
                Map.entry("RunnerFixtureCases#needsPython32", Status.PASS),
                Map.entry("RunnerFixtureCases#parameterized[1] 1", Status.PASS),
                Map.entry("RunnerFixtureCases#parameterized[2] 2", Status.FAIL),
                Map.entry("RunnerFixtureCases#parameterized[3] 3", Status.PASS)));
        assertEquals(expected, statuses(r));
        assertFalse(r.succeeded());
        assertEquals(14, r.run().total());
        assertEquals(4, r.run().counts().get(Status.PASS));
        assertEquals(3, r.run().counts().get(Status.FAIL));

        CaseResult fail = find(r, "RunnerFixtureCases#failsAnAssertion");
        assertTrue(fail.message().contains("one is not two"), fail.message());
        assertTrue(fail.trace().contains("AssertionFailedError"), fail.trace());
        assertEquals("threading", fail.module());
        assertEquals(List.of("threading.Lock.release/any-thread-may-release"), fail.behaviours());
        assertEquals("dev.pyconc.conformance.RunnerFixtureCases#failsAnAssertion", fail.id());

        CaseResult timeout = find(r, "RunnerFixtureCases#timesOut");
        assertEquals("case did not finish within 60.0 s", timeout.message());
        assertTrue(timeout.threadDump().contains("Java threads:"), timeout.threadDump());
        assertTrue(timeout.trace().contains("CaseTimeoutError"), timeout.trace());

        CaseResult error = find(r, "RunnerFixtureCases#usesAMissingApi");
        assertTrue(error.message().startsWith("UnsupportedOperationException: fake adapter has no threading.event"),
                error.message());
        assertTrue(find(r, "RunnerFixtureCases#isDisabled").message().contains("disabled on purpose"));
        assertTrue(find(r, "RunnerFixtureCases#isAborted").message().contains("precondition not met"));
        assertTrue(find(r, "RunnerFixtureCases#adapterFailsInsideAssertThrows").message().contains("bridge lost"));
        assertTrue(find(r, "RunnerFixtureCases#dependsOnABrokenBehaviour").message()
                .contains("relies on threading.Lock.release/unlocked-raises-runtimeerror"));
        assertNull(find(r, "RunnerFixtureCases#passes").message());
        assertEquals("2", find(r, "RunnerFixtureCases#parameterized[2] 2").reportEntries().get("n"));
        assertEquals("threading.Lock.acquire/nonblocking-held-returns-false",
                find(r, "RunnerFixtureCases#passes").reportEntries().get("behaviours"));

        assertEquals("fake", r.run().adapter());
        assertEquals("3.14.0", r.run().pythonVersion());
        assertEquals(List.of("REAL_THREADS"), r.run().features());
        assertEquals(Map.of("kind", "test fake"), r.run().adapterDetails());
        assertNotNull(r.run().suiteCommit());
    }

    @Test
    void behavioursForAnotherVersionAreNotApplicableWithTheReason() {
        RunReport r = runFixtures(RunOptions.of("fake-old").withIds(List.of("*#needsPython32", "*#passes")));
        assertEquals(Map.of("RunnerFixtureCases#needsPython32", Status.NOT_APPLICABLE,
                "RunnerFixtureCases#passes", Status.PASS), statuses(r));
        CaseResult na = find(r, "RunnerFixtureCases#needsPython32");
        assertTrue(na.message().startsWith("threading.Lock.acquire/timeout-expires-returns-false applies to Python 3.2+"),
                na.message());
        assertTrue(r.succeeded(), "N/A and PASS only is a success");
    }

    @Test
    void idGlobsSelectByBehaviourOrCaseAtDiscovery() {
        int before = RunnerFixtureCases.BODIES.get();
        RunReport byBehaviour = runFixtures(RunOptions.of("fake").withIds(List.of("threading.Lock.acquire/nonblocking-*")));
        assertEquals(List.of("RunnerFixtureCases#parameterized[1] 1", "RunnerFixtureCases#parameterized[2] 2",
                "RunnerFixtureCases#parameterized[3] 3", "RunnerFixtureCases#passes"),
                byBehaviour.cases().stream().map(CaseResult::name).sorted().toList());
        assertEquals(before + 4, RunnerFixtureCases.BODIES.get(), "unselected cases must not run");
        RunReport byCase = runFixtures(RunOptions.of("fake")
                .withIds(List.of("dev.pyconc.conformance.RunnerFixtureCases#raisesAn?rror")));
        assertEquals(Map.of("RunnerFixtureCases#raisesAnError", Status.ERROR), statuses(byCase));
        RunReport byModule = runFixtures(RunOptions.of("fake").withModules(List.of("threading"))
                .withIds(List.of("RunnerFixtureCases#passes")));
        assertEquals(Map.of("RunnerFixtureCases#passes", Status.PASS), statuses(byModule));
    }

    @Test
    void unavailableOrUnknownAdapterFailsBeforeAnythingRuns() {
        int before = RunnerFixtureCases.BODIES.get();
        var e = assertThrows(AdapterUnavailableException.class, () -> runFixtures(RunOptions.of("fake-unavailable")));
        assertEquals("fake-unavailable: no interpreter at /nowhere/python", e.getMessage());
        var u = assertThrows(AdapterUnavailableException.class, () -> runFixtures(RunOptions.of("no-such-adapter")));
        assertTrue(u.getMessage().startsWith("unknown adapter 'no-such-adapter'; known: "), u.getMessage());
        assertEquals(before, RunnerFixtureCases.BODIES.get());
    }

    @Test
    void emptySelectionAndUnknownModuleAreErrors() {
        var none = assertThrows(ConformanceException.class,
                () -> runFixtures(RunOptions.of("fake").withIds(List.of("no.such/behaviour"))));
        assertEquals("no case selected by --id no.such/behaviour", none.getMessage());
        var mod = assertThrows(ConformanceException.class,
                () -> runFixtures(RunOptions.of("fake").withModules(List.of("signal"))));
        assertTrue(mod.getMessage().startsWith("unknown module 'signal'; known: "), mod.getMessage());
    }

    @Test
    void writesJsonJunitXmlAndAllureResults(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/run.json");
        RunReport r = runFixtures(RunOptions.of("fake").withResults(dir, json));

        JsonNode root = JsonReport.mapper().readTree(json.toFile());
        assertEquals(RunReport.FORMAT, root.get("format").asText());
        assertEquals("fake", root.at("/run/adapter").asText());
        assertEquals(14, root.at("/run/total").asInt());
        assertEquals(1, root.at("/run/counts/TIMEOUT").asInt());
        assertTrue(root.at("/run/startedAt").asText().endsWith("Z"));
        assertEquals(14, root.get("cases").size());
        RunReport back = JsonReport.read(json);
        assertEquals(r.cases(), back.cases());

        Path xml = dir.resolve("junit/TEST-junit-jupiter.xml");
        String x = Files.readString(xml);
        assertTrue(x.contains("tests=\"14\""), x.substring(0, Math.min(600, x.length())));
        assertTrue(x.contains("fixture: disabled on purpose"));

        List<Path> allure;
        try (Stream<Path> s = Files.list(dir.resolve("allure-results"))) {
            allure = s.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList();
        }
        assertEquals(14, allure.size());
        Map<String, JsonNode> byName = new TreeMap<>();
        for (Path p : allure) {
            JsonNode n = JsonReport.mapper().readTree(p.toFile());
            byName.put(n.get("name").asText(), n);
        }
        assertEquals("broken", byName.get("RunnerFixtureCases#timesOut").get("status").asText());
        assertEquals("broken", byName.get("RunnerFixtureCases#raisesAnError").get("status").asText());
        assertEquals("failed", byName.get("RunnerFixtureCases#failsAnAssertion").get("status").asText());
        assertEquals("passed", byName.get("RunnerFixtureCases#passes").get("status").asText());
        JsonNode skipped = byName.get("RunnerFixtureCases#isDisabled");
        assertEquals("skipped", skipped.get("status").asText());
        assertTrue(skipped.at("/statusDetails/message").asText().contains("disabled on purpose"));
        JsonNode pass = byName.get("RunnerFixtureCases#passes");
        Map<String, List<String>> labels = new TreeMap<>();
        pass.get("labels").forEach(l -> labels.computeIfAbsent(l.get("name").asText(), k -> new ArrayList<>())
                .add(l.get("value").asText()));
        assertEquals(List.of("threading"), labels.get("module"));
        assertEquals(List.of("RunnerFixtureCases"), labels.get("suite"));
        assertEquals(List.of("threading.Lock.acquire/nonblocking-held-returns-false"), labels.get("behaviour"));
        assertEquals("https://docs.python.org/3/library/threading.html#threading.Lock.acquire",
                pass.at("/links/0/url").asText());
        assertEquals("fake", pass.at("/parameters/0/value").asText());

        // A second run into the same folder replaces the first run's results instead of piling up.
        runFixtures(RunOptions.of("fake").withIds(List.of("*#passes")).withResults(dir, json));
        try (Stream<Path> s = Files.list(dir.resolve("allure-results"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().endsWith("-result.json")).count());
        }
        assertEquals(1, JsonReport.read(json).cases().size());
    }

    @Test
    void statusOfFailures() {
        assertEquals(Status.TIMEOUT, Status.ofFailure(new dev.pyconc.spec.harness.CaseTimeoutError("x")));
        assertEquals(Status.FAIL, Status.ofFailure(new org.opentest4j.AssertionFailedError("x")));
        assertEquals(Status.FAIL, Status.ofFailure(new AssertionError("x")));
        assertEquals(Status.FAIL, Status.ofFailure(new org.opentest4j.MultipleFailuresError("h", List.of())));
        assertEquals(Status.ERROR, Status.ofFailure(new dev.pyconc.spi.exceptions.RuntimeError("x")));
        assertEquals(Status.ERROR, Status.ofFailure(new AdapterUnavailableException("x")));
        assertEquals(Status.ERROR, Status.ofFailure(new OutOfMemoryError("x")));
    }

    @Test
    void globMatchesWholeIdsAcrossSeparators() {
        assertTrue(new Glob("threading.*").matches("threading.Lock.release/any-thread-may-release"));
        assertTrue(new Glob("*#m?").matches("a.B#m1"));
        assertFalse(new Glob("threading.Lock").matches("threading.Lock.release/x"));
        assertFalse(new Glob("a.c").matches("abc"), "dot is literal");
    }

    private static CaseResult find(RunReport r, String name) {
        return r.cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no result " + name + " in "
                        + r.cases().stream().map(CaseResult::name).collect(Collectors.joining(", "))));
    }
}
