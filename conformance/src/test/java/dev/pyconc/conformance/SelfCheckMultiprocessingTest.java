package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Profile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The self-check for {@code multiprocessing}: see {@link SelfCheckTest} and {@link MultiprocessingFixtureProviders}.
 * Each broken adapter runs the cases that can see its bug, with a few that must not (most cases start child JVMs,
 * so not the whole module), and must be caught on exactly the behaviours its bug breaks; the reference passes the
 * same scopes.
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckMultiprocessingTest {
    /**
     * The cases that hand a {@code multiprocessing.Lock} to a child, and the Lock's own cases within one process
     * (which the broken Lock passes). The seeded counter case has a test of its own
     * ({@link #perProcessLockLosesCounts()}), since its behaviour id is the one {@code heldByChildExcludesParent}
     * already fails.
     */
    static final List<String> LOCK_SCOPE = List.of("LockCases#heldByChildExcludesParent",
            "LockCases#anotherProcessMayRelease", "LockCases#releaseUnlockedRaisesValueError",
            "LockCases#negativeTimeoutCountsAsZero", "LockCases#timeoutIgnoredWhenNonblocking",
            "LockCases#withReleasesOnError", "LockCases#badTimeoutRaisesOSError",
            "LockCases#noneTimeoutWaitsForRelease", "LockCases#factoryOfDefaultContext",
            "ProcessLifecycleCases#interruptRaisesKeyboardInterrupt", "ConnectionCases#sendUnpicklableRaises");
    /** The cases of Listener and Client, and the exception case that makes an AuthenticationError. */
    static final List<String> LISTENER_SCOPE = List.of("ListenerClientCases#*", "ListenerAuthCases#*",
            "MultiprocessingExceptionCases#processErrorIsTheBase");

    private static RunReport run(String adapter, List<String> scope) {
        return new ConformanceRunner().run(RunOptions.of(adapter).withProfile(Profile.CPYTHON)
                .withModules(List.of("multiprocessing")).withIds(scope), new ConformanceRunner.Observer() {
                    @Override
                    public void caseFinished(CaseResult r, int done, int expected) {
                        System.out.println("[self-check " + adapter + "] " + r.status().label() + " " + r.name() + " "
                                + r.behaviours() + (r.status() == Status.PASS ? "" : " -- " + r.reason()));
                    }
                });
    }

    /**
     * A Lock that a child opens as a lock of its own is caught where a child holds or releases the parent's
     * Lock: the parent takes the Lock a child holds, and the child's release raises ValueError (its lock is
     * not held).
     */
    @Test
    void perProcessLockIsCaught() {
        SelfCheckTest.assertCaught(run("broken-multiprocessing-per-process-lock", LOCK_SCOPE).cases(), Map.of(
                "multiprocessing.Lock/mutual-exclusion-across-processes", Status.FAIL,
                "multiprocessing.Lock.release/any-process-or-thread", Status.FAIL),
                Set.of());
    }

    /**
     * The seeded property case alone: children let loose together increment a shared counter under a Lock that
     * excludes only the threads of one process, and updates are lost (with one in-process case of the Lock beside
     * it, which must still pass).
     */
    @Test
    void perProcessLockLosesCounts() {
        SelfCheckTest.assertCaught(run("broken-multiprocessing-per-process-lock",
                List.of("LockCases#counterUnderLockIsExact", "LockCases#releaseUnlockedRaisesValueError")).cases(), Map.of(
                "multiprocessing.Lock/mutual-exclusion-across-processes", Status.FAIL),
                Set.of());
    }

    /**
     * A Listener that welcomes any answer to its challenge is caught only by a client that does not check the
     * Listener in turn (ListenerAuthCases): a Client with another key rejects the Listener's own answer, so
     * both sides still raise AuthenticationError in the wrong-key cases.
     */
    @Test
    void listenerSkippingTheAuthkeyCheckIsCaught() {
        SelfCheckTest.assertCaught(run("broken-multiprocessing-listener-skips-authkey", LISTENER_SCOPE).cases(), Map.of(
                "multiprocessing.connection.Listener.accept/auth-failure-raises", Status.FAIL,
                "multiprocessing.AuthenticationError/raised-on-auth-failure", Status.FAIL),
                Set.of());
    }

    /** The reference passes both scopes. */
    @Test
    void referencePassesTheMultiprocessingScopes() {
        RunReport r = run("reference", Stream.of(LOCK_SCOPE, LISTENER_SCOPE, List.of("LockCases#counterUnderLockIsExact"))
                .flatMap(List::stream).toList());
        assertTrue(r.succeeded(), () -> r.cases().toString());
    }
}
