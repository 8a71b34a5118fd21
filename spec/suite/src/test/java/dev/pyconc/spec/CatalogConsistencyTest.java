package dev.pyconc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.spec.harness.CaseIndex;
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
    void everyTestableBehaviourHasACase() {
        Map<String, List<String>> byBehaviour = CaseIndex.casesByBehaviour();
        List<String> missing = Catalog.standard().entries().stream()
                .filter(Behaviour::testable)
                .map(Behaviour::id)
                .filter(id -> !byBehaviour.containsKey(id))
                .toList();
        assertEquals(List.of(), missing, "testable behaviours without a case");
    }

    @Test
    void untestableEntriesSayWhy() {
        for (Behaviour b : Catalog.standard().entries()) {
            if (b.untestable() != null) {
                assertTrue(b.untestable().strip().length() >= 10, b.id() + ": untestable reason too short");
            }
        }
    }
}
