package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Profile;
import dev.pyconc.spec.harness.PyconcExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The implementation-detail gate: in the default profile no case checking a {@code cpython-detail} behaviour
 * runs (the runner leaves it out at discovery and says how many; the JUnit extension, for people running the
 * suite in their own build, skips it naming the profile); in profile {@code cpython} those cases run and are
 * reported apart.
 */
class ProfileGateTest {
    /** Two documented non-blocking run() behaviours and one detail (CPython returns the time left). */
    private static final List<String> SCOPE = List.of("sched.scheduler.run/nonblocking-*");
    private static final String DETAIL_CASE = "dev.pyconc.spec.cases.sched.RunCases#nonblockingRunReturnsTimeLeft";

    private static RunReport run(Profile p) {
        return new ConformanceRunner().run(RunOptions.of("reference").withIds(SCOPE).withProfile(p),
                new ConformanceRunner.Observer() {});
    }

    @Test
    void docsProfileRunsNoImplementationDetail() {
        RunReport r = run(Profile.DOCS);
        assertEquals("docs", r.run().profile());
        assertFalse(r.cases().isEmpty());
        for (CaseResult c : r.cases()) {
            assertFalse(c.implementationDetail(), c.name());
            assertFalse(Profile.isDetail(c.behaviours()), c.name() + " " + c.behaviours());
            assertEquals(Status.PASS, c.status(), c.name() + ": " + c.reason());
        }
        assertEquals(1, r.run().implementationDetailsLeftOut());
        assertEquals(0, r.run().implementationDetailCounts().get(Status.PASS));
        StringWriter text = new StringWriter();
        TextReport.summary(r, new PrintWriter(text));
        assertTrue(text.toString().contains("1 implementation-detail case method (CPython's behaviour beyond or "
                + "against the docs) left out; run them with --profile cpython"), text.toString());
    }

    @Test
    void cpythonProfileRunsAndFlagsThem() {
        RunReport r = run(Profile.CPYTHON);
        assertEquals("cpython", r.run().profile());
        assertEquals(0, r.run().implementationDetailsLeftOut());
        List<CaseResult> details = r.cases().stream().filter(CaseResult::implementationDetail).toList();
        assertEquals(List.of(DETAIL_CASE), details.stream().map(CaseResult::id).toList());
        assertEquals(Status.PASS, details.get(0).status(), details.get(0).reason());
        assertEquals(1, r.run().implementationDetailCounts().get(Status.PASS));
        assertTrue(r.cases().size() > 1, "the documented cases run as well");
        StringWriter text = new StringWriter();
        TextReport.summary(r, new PrintWriter(text));
        assertTrue(text.toString().contains("Implementation details (CPython)"), text.toString());
    }

    /** Outside the runner (a JUnit suite in someone's build), the extension skips a detail case unless asked. */
    @Test
    void extensionSkipsDetailCasesOutsideTheirProfile() {
        assertEquals("SKIPPED", runAlone(null).split(":")[0]);
        assertTrue(runAlone(null).contains(Profile.KEY + "=cpython"), runAlone(null));
        assertEquals("SUCCESSFUL", runAlone("cpython"));
    }

    /** Runs the detail case with the plain launcher; its skip reason, or its result's status. */
    private static String runAlone(String profile) {
        var b = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectMethod(DETAIL_CASE + "(dev.pyconc.spi.sched.SchedModule)"))
                .configurationParameter(PyconcExtension.ADAPTER_KEY, "reference");
        if (profile != null) {
            b.configurationParameter(Profile.KEY, profile);
        }
        Map<String, String> outcome = new ConcurrentHashMap<>();
        LauncherFactory.create().execute(b.build(), new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    outcome.put("r", reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcome.put("r", result.getStatus().name());
                }
            }
        });
        assertTrue(outcome.containsKey("r"), "the case was not discovered");
        return outcome.get("r");
    }
}
