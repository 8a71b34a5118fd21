package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An adapter that provides only the required modules gets NOT_APPLICABLE, with the reason, for the cases of
 * the modules it lacks, including cases filed under threading that also use another module, and still passes
 * the rest.
 */
class ModuleApplicabilityTest {
    @Test
    void casesOfMissingModulesAreNotApplicable() throws Exception {
        RunReport r = new ConformanceRunner().run(RunOptions.of("required-modules-only")
                .withModules(List.of("concurrent.futures", "sched", "_thread", "contextvars")),
                new ConformanceRunner.Observer() {});
        assertFalse(r.cases().isEmpty());
        for (CaseResult c : r.cases()) {
            // Cases of the other modules that check threading ids (Thread's context argument) also run here.
            if (c.status() == Status.PASS && c.module().equals("threading")) {
                continue;
            }
            assertEquals(Status.NOT_APPLICABLE, c.status(), c.name() + ": " + c.reason());
            assertTrue(c.reason().contains("does not provide"), c.name() + ": " + c.reason());
        }
    }

    @Test
    void threadingCasesUsingContextvarsAreNotApplicable() throws Exception {
        RunReport r = new ConformanceRunner().run(RunOptions.of("required-modules-only")
                .withIds(List.of("threading.Thread/context*")), new ConformanceRunner.Observer() {});
        assertFalse(r.cases().isEmpty());
        for (CaseResult c : r.cases()) {
            assertEquals(Status.NOT_APPLICABLE, c.status(), c.name() + ": " + c.reason());
            assertTrue(c.reason().contains("contextvars"), c.reason());
        }
    }

    @Test
    void theReasonSaysWhenTheModuleIsNewerThanTheAdaptersPython() throws Exception {
        RunReport r = new ConformanceRunner().run(RunOptions.of("fake-old").withModules(List.of("contextvars")),
                new ConformanceRunner.Observer() {});
        assertFalse(r.cases().isEmpty());
        long newer = 0;
        for (CaseResult c : r.cases()) {
            assertEquals(Status.NOT_APPLICABLE, c.status(), c.name() + ": " + c.reason());
            if (c.reason().contains("contextvars (new in Python 3.7), which adapter 'fake-old' does not provide")) {
                newer++;
            }
        }
        assertTrue(newer > 0, "no reason names contextvars as new in 3.7: " + r.cases().get(0).reason());
    }
}
