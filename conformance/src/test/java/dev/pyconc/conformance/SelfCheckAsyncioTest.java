package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The self-check for {@code asyncio}: see {@link SelfCheckTest} and {@link AsyncioFixtureProviders}. Each broken
 * adapter runs the whole module and must be caught on exactly the behaviours its bug breaks.
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckAsyncioTest {
    private static RunReport run(String adapter) {
        return new ConformanceRunner().run(RunOptions.of(adapter).withModules(List.of("asyncio")),
                new ConformanceRunner.Observer() {});
    }

    /**
     * A Lock that wakes the newest waiter is caught by the first-come-first-served cases, with and without
     * cancellations, and by the hand-over from a waiter cancelled after the release chose it.
     */
    @Test
    void lockWakingTheNewestIsCaught() {
        SelfCheckTest.assertCaught(run("broken-asyncio-lock-wakes-newest").cases(), Map.of(
                "asyncio.Lock.acquire/fifo", Status.FAIL,
                "asyncio.Lock.acquire/fifo-under-cancellation", Status.FAIL,
                "asyncio.Lock.acquire/cancelled-after-release-hands-over", Status.FAIL),
                Set.of());
    }

    /** A cancelled Condition.wait that leaves without the lock is caught by the cancellation cases of wait and wait_for. */
    @Test
    void cancelledWaitLeavingUnlockedIsCaught() {
        SelfCheckTest.assertCaught(run("broken-asyncio-condition-cancelled-wait-unlocked").cases(), Map.of(
                "asyncio.Condition.wait/reacquires-when-cancelled", Status.FAIL,
                "asyncio.Condition.wait_for/reacquires-when-cancelled", Status.FAIL,
                "asyncio.Condition.wait/timeout-reacquires", Status.FAIL),
                Set.of());
    }

    /** A cancelled Queue.get that drops an item is caught by the cancelled-getter cases. */
    @Test
    void cancelledGetDroppingAnItemIsCaught() {
        SelfCheckTest.assertCaught(run("broken-asyncio-queue-get-drops-on-cancel").cases(), Map.of(
                "asyncio.Queue.get/cancelled-getter-loses-no-item", Status.FAIL),
                Set.of());
    }

    /** The reference passes the same scope. */
    @Test
    void referencePassesTheAsyncioScope() {
        RunReport r = run("reference");
        assertTrue(r.succeeded(), () -> r.cases().toString());
    }
}
