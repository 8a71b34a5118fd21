package dev.pyconc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.spec.harness.CaseIndex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog and the cases agree: no case without a known behaviour, no testable behaviour without a case. */
class CatalogConsistencyTest {

    @Test
    void catalogLoadsAndIsNotEmpty() {
        assertFalse(Catalog.standard().entries().isEmpty());
    }

    @Test
    void everyCaseNamesKnownTestableBehaviours() {
        List<String> problems = new ArrayList<>();
        for (CaseIndex.Case c : CaseIndex.cases()) {
            if (c.checks().isEmpty()) {
                problems.add(c.id() + " has no @Checks");
            }
            for (String id : c.checks()) {
                var b = Catalog.standard().find(id);
                if (b.isEmpty()) {
                    problems.add(c.id() + " checks unknown behaviour " + id);
                } else if (!b.get().testable()) {
                    problems.add(c.id() + " checks " + id + ", marked untestable");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTestableBehaviourHasACaseUnlessItIsAGap() {
        Map<String, List<String>> byBehaviour = CaseIndex.casesByBehaviour();
        List<String> missing = Catalog.standard().entries().stream()
                .filter(Behaviour::covered)
                .map(Behaviour::id)
                .filter(id -> !byBehaviour.containsKey(id))
                .toList();
        assertEquals(List.of(), missing, "testable behaviours without a case (or a gap saying why the SPI cannot)");
        List<String> stale = Catalog.standard().entries().stream()
                .filter(b -> b.gap() != null && byBehaviour.containsKey(b.id()))
                .map(Behaviour::id)
                .toList();
        assertEquals(List.of(), stale, "entries marked as gaps that have a case: drop their gap");
    }

    /** Modules allowed below 95% for now, with the reason; empty since every module reached it. */
    private static final Map<String, Integer> COVERAGE_FLOOR = Map.of();

    /**
     * Each module keeps at least its floor (95% by default) of its testable behaviours covered by cases: the
     * gaps (behaviours the SPI cannot express yet) stay few. Untestable entries (what no suite could check)
     * do not count, nor do gaps deferred to a later issue ({@link Behaviour#deferred()}), which the module's
     * coverage figure still counts as uncovered.
     */
    @Test
    void eachModuleKeepsItsCoverageFloor() {
        Map<String, List<String>> byBehaviour = CaseIndex.casesByBehaviour();
        List<String> below = new ArrayList<>();
        for (dev.pyconc.spi.PyModule m : dev.pyconc.spi.PyModule.values()) {
            List<Behaviour> testable = Catalog.standard().entries().stream()
                    .filter(b -> b.module().equals(m.pythonName()) && b.testable() && !b.deferred()).toList();
            long withCase = testable.stream().filter(b -> byBehaviour.containsKey(b.id())).count();
            int floor = COVERAGE_FLOOR.getOrDefault(m.pythonName(), 95);
            if (withCase * 100 < (long) floor * testable.size()) {
                below.add(m.pythonName() + ": " + withCase + " of " + testable.size() + ", floor " + floor + "%");
            }
        }
        assertEquals(List.of(), below, "modules below their coverage floor of testable behaviours");
    }

    @Test
    void untestableEntriesAndGapsSayWhy() {
        for (Behaviour b : Catalog.standard().entries()) {
            if (b.untestable() != null) {
                assertTrue(b.untestable().strip().length() >= 10, b.id() + ": untestable reason too short");
            }
            if (b.gap() != null) {
                assertTrue(b.gap().strip().length() >= 10, b.id() + ": gap reason too short");
            }
        }
    }

    /**
     * A case checks either documented behaviour or CPython's implementation details, never both, so that the
     * profile that leaves details out (see {@code Profile}) loses no documented check. Only the ids of the
     * method's own {@code @Checks} count: a binding class may add a documented id (a version bound) to all
     * its cases.
     */
    @Test
    void noCaseMixesDocumentedBehaviourAndImplementationDetails() {
        List<String> mixed = new ArrayList<>();
        for (CaseIndex.Case c : CaseIndex.cases()) {
            List<String> onClasses = new ArrayList<>();
            for (Class<?> k = c.testClass(); k != null; k = k.getSuperclass()) {
                Checks onClass = k.getDeclaredAnnotation(Checks.class);
                if (onClass != null) {
                    onClasses.addAll(List.of(onClass.value()));
                }
            }
            List<String> own = c.checks().stream().filter(id -> !onClasses.contains(id)).toList();
            long details = own.stream().map(Catalog.standard()::find).flatMap(java.util.Optional::stream)
                    .filter(Profile::isDetail).count();
            if (details > 0 && details < own.size()) {
                mixed.add(c.id() + " " + own);
            }
        }
        assertEquals(List.of(), mixed, "cases mixing documented and cpython-detail behaviours: split them");
    }
}
