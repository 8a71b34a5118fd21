package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runner's self-check: the spec, run through the runner against deliberately broken adapters, must
 * report exactly the behaviours each one breaks, and nothing on the reference adapter. Each broken run is
 * restricted with the runner's own filters to the part of the spec the broken piece can affect, which keeps
 * it fast and is itself a test of the filters.
 */
class SelfCheckTest {
    static final List<String> LOCK_SCOPE = List.of("threading.Lock.*");
    static final List<String> QUEUE_SCOPE = List.of("queue.Queue/*");
    static final List<String> SEMAPHORE_SCOPE = List.of("threading.Semaphore.*");

    private static RunReport run(String adapter, List<String> ids) {
        return new ConformanceRunner().run(RunOptions.of(adapter).withIds(ids), new ConformanceRunner.Observer() {
            @Override
            public void caseFinished(CaseResult r, int done, int expected) {
                System.out.println("[self-check " + adapter + "] " + TextReport.progressLine(r, done, expected));
            }
        });
    }

    /** Case name to status, for the cases that did not pass or were not applicable. */
    private static Map<String, Status> failing(RunReport r) {
        return r.cases().stream().filter(c -> c.status() != Status.PASS && c.status() != Status.NOT_APPLICABLE)
                .collect(Collectors.toMap(CaseResult::name, CaseResult::status, (a, b) -> a, TreeMap::new));
    }

    /** The behaviour ids of the cases that did not pass (N/A aside). */
    private static Set<String> failingBehaviours(RunReport r) {
        return r.cases().stream().filter(c -> c.status() != Status.PASS && c.status() != Status.NOT_APPLICABLE)
                .flatMap(c -> c.behaviours().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(RunReport r) {
        return r.cases().stream().map(c -> c.status() + " " + c.name() + " " + c.behaviours()
                + (c.status() == Status.PASS ? "" : " -- " + c.reason())).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @Test
    void referenceAdapterPassesEveryCaseOfTheSelfCheckScopes() {
        List<String> all = new java.util.ArrayList<>();
        all.addAll(LOCK_SCOPE);
        all.addAll(QUEUE_SCOPE);
        all.addAll(SEMAPHORE_SCOPE);
        RunReport r = run("reference", all);
        assertEquals(Map.of(), failing(r), describe(r));
        assertTrue(r.succeeded(), describe(r));
        assertTrue(r.run().counts().get(Status.PASS) >= 10, "the scopes hold enough cases: " + describe(r));
    }

    @Test
    void reentrantLockIsCaught() {
        RunReport r = run("broken-reentrant-lock", LOCK_SCOPE);
        Set<String> b = failingBehaviours(r);
        assertTrue(b.containsAll(Set.of("threading.Lock.release/any-thread-may-release",
                "threading.Lock.acquire/nonblocking-held-returns-false")), describe(r));
    }

    @Test
    void lifoQueuePosingAsQueueIsCaught() {
        RunReport r = run("broken-lifo-queue", QUEUE_SCOPE);
        Set<String> b = failingBehaviours(r);
        assertTrue(b.contains("queue.Queue/first-in-first-out"), describe(r));
    }

    @Test
    void semaphoreThatLosesWakeupsIsCaught() {
        RunReport r = run("broken-semaphore-lost-wakeup", SEMAPHORE_SCOPE);
        assertTrue(!failing(r).isEmpty(), describe(r));
    }
}
