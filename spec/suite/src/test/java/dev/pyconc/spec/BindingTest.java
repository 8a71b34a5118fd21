package dev.pyconc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.CaseIndex;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One suite, several bindings: contract cases are listed under each concrete class with that binding's ids. */
class BindingTest {
    private static final String CASES = CaseIndex.CASES_PACKAGE;

    private static Map<String, List<String>> checksById() {
        return CaseIndex.cases().stream().collect(Collectors.toMap(CaseIndex.Case::id, CaseIndex.Case::checks));
    }

    @Test
    void abstractContractsAreNotListedAndNoPlaceholderIsLeft() {
        for (CaseIndex.Case c : CaseIndex.cases()) {
            assertFalse(Modifier.isAbstract(c.testClass().getModifiers()), c.id());
            assertTrue(c.id().startsWith(c.testClass().getName() + "#"), c.id());
            for (String id : c.checks()) {
                assertFalse(id.contains("{") || id.contains("}"), c.id() + " keeps a placeholder: " + id);
            }
        }
    }

    @Test
    void lockContractIsBoundPerClass() {
        Map<String, List<String>> m = checksById();
        assertEquals(List.of("threading.Lock/mutual-exclusion"), m.get(CASES + ".threading.LockCases#mutualExclusion"));
        assertEquals(List.of("_thread.lock/mutual-exclusion"), m.get(CASES + ".thread.AllocateLockCases#mutualExclusion"));
        assertEquals(List.of("_thread.lock/mutual-exclusion", "_thread.LockType/callable-makes-new-lock"),
                m.get(CASES + ".thread.LockTypeCases#mutualExclusion"));
        assertEquals(List.of("threading.Lock.acquire/nan-timeout-raises-valueerror"),
                m.get(CASES + ".threading.LockCases#nanTimeoutRaises"));
        assertFalse(m.containsKey(CASES + ".thread.AllocateLockCases#nanTimeoutRaises"), "threading-only case leaked");
        assertEquals(List.of("multiprocessing.Lock/mutual-exclusion", "multiprocessing.Lock.locked/reflects-state"),
                m.get(CASES + ".multiprocessing.MultiprocessingLockCases#mutualExclusion"));
        assertFalse(m.containsKey(CASES + ".multiprocessing.MultiprocessingLockCases#releaseUnlockedRaises"),
                "a threading-only contract case leaked into the multiprocessing binding");
        assertEquals(List.of("multiprocessing.Event/initially-false", "multiprocessing.Event/clone-of-threading-event"),
                m.get(CASES + ".multiprocessing.MultiprocessingEventCases#initiallyClear"));
        assertEquals(List.of("threading.Event/initially-false"), m.get(CASES + ".threading.EventCases#initiallyClear"));
        assertFalse(m.containsKey(CASES + ".multiprocessing.MultiprocessingEventCases#waitTimeoutAboveMaxRaises"),
                "threading's TIMEOUT_MAX case leaked into the multiprocessing Event binding");
        assertEquals(List.of("multiprocessing.Semaphore/default-value-one", "multiprocessing.Semaphore/counter-like-threading"),
                m.get(CASES + ".multiprocessing.MultiprocessingSemaphoreCases#defaultValueIsOne"));
        assertEquals(List.of("threading.Semaphore/default-value-one"), m.get(CASES + ".threading.SemaphoreCases#defaultValueIsOne"));
        long contract = CaseIndex.cases().stream()
                .filter(c -> c.method().getDeclaringClass().getSimpleName().equals("LockContract")).count();
        long threadOnly = CaseIndex.cases().stream()
                .filter(c -> c.method().getDeclaringClass().getSimpleName().equals("ThreadLockContract")).count();
        long perBinding = contract / 4;
        assertEquals(contract, perBinding * 4, "each of the four bindings lists every shared contract case");
        long perThreadBinding = threadOnly / 3;
        assertEquals(threadOnly, perThreadBinding * 3, "each of the three thread bindings lists every case of theirs");
        assertTrue(perBinding + perThreadBinding >= 19, "contract cases per thread binding: " + (perBinding + perThreadBinding));
    }

    /** A contract case overridden without @Test is not a case of the subclass (JUnit runs neither version). */
    @Test
    void overrideWithoutTestHidesTheContractCase() {
        List<String> ids = CaseIndex.casesOf(HidingFixture.class).stream().map(CaseIndex.Case::id).toList();
        assertEquals(List.of(HidingFixture.class.getName() + "#kept"), ids);
    }

    abstract static class ContractFixture {
        @Test
        void kept() {}

        @Test
        void hidden() {}
    }

    static final class HidingFixture extends ContractFixture {
        @Override
        void hidden() {}
    }
}
