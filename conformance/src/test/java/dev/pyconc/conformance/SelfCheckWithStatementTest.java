package dev.pyconc.conformance;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The self-check of the verdicts' precision: each broken adapter here has one bug in one behaviour, runs the
 * whole suite (none of them makes a case wait), and must be reported on exactly that behaviour's ids.
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckWithStatementTest {
    private static RunReport runAll(String adapter) {
        return new ConformanceRunner().run(RunOptions.of(adapter), new ConformanceRunner.Observer() {});
    }

    /**
     * See {@link SwallowingExitAdapterProvider}: only the cases that leave a with block by an exception notice,
     * because only they hand that exception to {@code __exit__}.
     */
    @Test
    void exitThatSwallowsIsCaughtOnTheWithOnErrorIds() {
        SelfCheckTest.assertCaught(runAll("broken-with-exit-swallows").cases(), Map.of(
                "threading.Lock/with-statement-releases-on-error", Status.FAIL,
                "threading.RLock/with-statement-releases-on-error", Status.FAIL,
                "threading.Condition/with-statement-releases-on-error", Status.FAIL,
                "threading.Semaphore/with-statement-releases-on-error", Status.FAIL,
                "threading.BoundedSemaphore/with-statement-releases-on-error", Status.FAIL), Set.of());
    }

    /**
     * See {@link SilentReleaseLockAdapterProvider}: one bug, one failing behaviour. No other case may borrow
     * the error of releasing an unlocked Lock as its stimulus (to raise inside a with block) or its oracle (to
     * prove a release happened exactly once).
     */
    @Test
    void silentReleaseFailsOnlyItsOwnBehaviour() {
        SelfCheckTest.assertCaught(runAll("broken-lock-silent-release").cases(),
                Map.of("threading.Lock.release/unlocked-raises-runtimeerror", Status.FAIL), Set.of());
    }
}
