package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.CaseIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runner's self-check: the spec, run through the runner against deliberately broken adapters, must
 * report exactly the behaviours each one breaks, and the reference adapter must pass the same cases.
 *
 * <p>Each broken run is restricted with the runner's own {@code --id} filter to the cases that check the
 * broken type's behaviours. The broken adapters make cases wait for their deadlines, so the cases of a scope
 * run as separate one-case runs, a few at a time (most of that time is waiting), and this class runs in its
 * own JVM with shorter timeout tiers (see {@code pyconc.selfcheck.timing.factor} in conformance/pom.xml).
 *
 * <p>Expectations are on behaviour ids (stable by the catalog's rules) with the status of the cases that
 * check them (a case checking several behaviours, such as a randomised model check, counts for each): FAIL where the implementation answers wrongly, ERROR where it raises instead (the reentrant
 * Lock raises RuntimeError when another thread releases). Behaviours checked by randomised or
 * interleaving-dependent cases that the bug breaks only in some runs are listed as "may fail".
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckTest {
    static final List<String> LOCK_SCOPE = List.of("threading.Lock/*", "threading.Lock.*");
    static final List<String> QUEUE_SCOPE = List.of("queue.*");
    static final List<String> SEMAPHORE_SCOPE = List.of("threading.Semaphore/*", "threading.Semaphore.*");
    private static final int PARALLEL_RUNS = 4;

    /** Runs every case of the scope on the adapter, one run per case method, a few runs at a time. */
    static List<CaseResult> runScope(String adapter, List<String> scope) throws Exception {
        CaseFilter filter = new CaseFilter(List.of(), scope);
        List<String> caseIds = CaseIndex.cases().stream().map(c -> CaseInfo.of(c.testClass(), c.method()))
                .filter(filter::test).map(CaseInfo::id).toList();
        assertFalse(caseIds.isEmpty(), "no case in scope " + scope);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_RUNS);
        try {
            List<Future<RunReport>> runs = new ArrayList<>();
            for (String id : caseIds) {
                runs.add(pool.submit(() -> new ConformanceRunner().run(RunOptions.of(adapter).withProfile(Profile.CPYTHON)
                        .withIds(List.of(id)),
                        new ConformanceRunner.Observer() {
                            @Override
                            public void caseFinished(CaseResult r, int done, int expected) {
                                System.out.println("[self-check " + adapter + "] " + r.status().label() + " "
                                        + r.name() + " " + r.behaviours()
                                        + (r.status() == Status.PASS ? "" : " -- " + r.reason()));
                            }
                        })));
            }
            List<CaseResult> all = new ArrayList<>();
            for (Future<RunReport> f : runs) {
                all.addAll(f.get().cases());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Behaviour id to the statuses of the non-passing (and not N/A) cases that check it. */
    private static Map<String, Set<Status>> failing(List<CaseResult> results) {
        Map<String, Set<Status>> m = new TreeMap<>();
        for (CaseResult c : results) {
            if (c.status() != Status.PASS && c.status() != Status.NOT_APPLICABLE) {
                for (String b : c.behaviours()) {
                    m.computeIfAbsent(b, k -> new TreeSet<>()).add(c.status());
                }
            }
        }
        return m;
    }

    private static String describe(List<CaseResult> results) {
        return results.stream().map(c -> c.status() + " " + c.name() + " " + c.behaviours()
                + (c.status() == Status.PASS ? "" : " -- " + c.reason())).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /**
     * Asserts what the broken piece breaks: every behaviour of {@code expected} has a case reported with
     * exactly its status; every case not passing checks one of the {@code expected} behaviours (with that
     * status) or one of the {@code mayFail} ones; and some cases still pass (the broken piece did not break
     * everything). A case checking several behaviours counts for each.
     */
    static void assertCaught(List<CaseResult> results, Map<String, Status> expected, Set<String> mayFail) {
        List<CaseResult> bad = results.stream()
                .filter(c -> c.status() != Status.PASS && c.status() != Status.NOT_APPLICABLE).toList();
        Map<String, Set<Status>> caught = new TreeMap<>();
        for (CaseResult c : bad) {
            for (String b : c.behaviours()) {
                if (expected.containsKey(b)) {
                    caught.computeIfAbsent(b, k -> new TreeSet<>()).add(c.status());
                }
            }
        }
        Map<String, Set<Status>> want = new TreeMap<>();
        expected.forEach((b, s) -> want.put(b, Set.of(s)));
        assertEquals(want, caught, "behaviours the broken piece must break, with their status:" + describe(results));
        List<String> unexplained = new ArrayList<>();
        for (CaseResult c : bad) {
            boolean explained = c.behaviours().stream().anyMatch(b -> expected.get(b) == c.status())
                    || c.behaviours().stream().anyMatch(mayFail::contains);
            if (!explained) {
                unexplained.add(c.status() + " " + c.name() + " " + c.behaviours());
            }
        }
        assertEquals(List.of(), unexplained, "nothing else may fail:" + describe(results));
        assertTrue(results.stream().anyMatch(c -> c.status() == Status.PASS), describe(results));
    }

    @Test
    void referenceAdapterPassesEveryCaseOfTheSelfCheckScopes() throws Exception {
        List<String> all = new ArrayList<>(LOCK_SCOPE);
        all.addAll(QUEUE_SCOPE);
        all.addAll(SEMAPHORE_SCOPE);
        RunReport r = new ConformanceRunner().run(RunOptions.of("reference").withProfile(Profile.CPYTHON).withIds(all), new ConformanceRunner.Observer() {});
        assertEquals(Map.of(), failing(r.cases()), describe(r.cases()));
        assertTrue(r.succeeded(), describe(r.cases()));
        assertTrue(r.run().counts().get(Status.PASS) >= 100, "the scopes hold the Lock, Semaphore and queue cases: "
                + describe(r.cases()));
    }

    /** See {@link ReentrantLockAdapterProvider}: owner-only release is ERROR, reentrancy is FAIL. */
    @Test
    void reentrantLockIsCaught() throws Exception {
        assertCaught(runScope("broken-reentrant-lock", LOCK_SCOPE), Map.ofEntries(
                // Another thread releases: ReentrantLock refuses (RuntimeError).
                Map.entry("threading.Lock.release/any-thread-may-release", Status.ERROR),
                Map.entry("threading.Lock.release/lets-exactly-one-waiter-proceed", Status.ERROR),
                Map.entry("threading.Lock.acquire/blocks-until-released", Status.ERROR),
                Map.entry("threading.Lock.acquire/timeout-acquires-when-released", Status.ERROR),
                Map.entry("threading.Lock.acquire/timeout-minus-one-waits-unbounded", Status.ERROR),
                Map.entry("threading.Lock/atomic-nonblocking-acquire", Status.ERROR),
                // The holder acquires again: ReentrantLock lets it in.
                Map.entry("threading.Lock.acquire/not-reentrant", Status.FAIL),
                Map.entry("threading.Lock.acquire/nonblocking-held-returns-false", Status.FAIL),
                Map.entry("threading.Lock.acquire/timeout-expires-returns-false", Status.FAIL),
                Map.entry("threading.Lock/with-statement", Status.FAIL)), Set.of());
    }

    /** See {@link LifoQueueAdapterProvider}: only order-checking cases notice. */
    @Test
    void lifoQueuePosingAsQueueIsCaught() throws Exception {
        RunReport r = new ConformanceRunner().run(RunOptions.of("broken-lifo-queue").withProfile(Profile.CPYTHON).withIds(QUEUE_SCOPE),
                new ConformanceRunner.Observer() {});
        assertCaught(r.cases(), Map.of("queue.Queue/first-in-first-out", Status.FAIL),
                // Per-producer order under concurrency: LIFO shows only when two items of one producer wait together.
                Set.of("queue.Queue/many-producers-many-consumers"));
    }

    /** See {@link LostWakeupSemaphoreAdapterProvider}: every case that waits for a release notices. */
    @Test
    void semaphoreThatLosesWakeupsIsCaught() throws Exception {
        assertCaught(runScope("broken-semaphore-lost-wakeup", SEMAPHORE_SCOPE), Map.of(
                "threading.Semaphore.acquire/blocks-at-zero-until-release", Status.FAIL,
                "threading.Semaphore.acquire/timeout-acquires-when-released", Status.FAIL,
                "threading.Semaphore.release/increments-and-wakes-one", Status.FAIL,
                "threading.Semaphore.release/n-wakes-n-waiters", Status.FAIL,
                "threading.Semaphore/with-statement", Status.FAIL),
                // Randomised: workers block only in the runs where more of them arrive than there are units.
                Set.of("threading.Semaphore/at-most-value-holders"));
    }
}
