package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Timing;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a self-check test (visibly, with the reason) under a timing factor so small that an expected
 * timeout is shorter than the clock's resolution, such as the 0.02 of the timeout-path execution that
 * {@code -Dtest=...} also sends every selected test to: there a lock that does not wait at all "times out"
 * in time, and the self-check's expectations would be judged on noise.
 */
public final class SelfCheckTiming implements ExecutionCondition {
    /** The smallest factor the self-check's expectations hold at (SHORT is then 5 ms). */
    static final double MIN_FACTOR = 0.1;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Timing.factor() >= MIN_FACTOR
                ? ConditionEvaluationResult.enabled("timing factor " + Timing.factor())
                : ConditionEvaluationResult.disabled("self-check needs pyconc.timing.factor >= " + MIN_FACTOR
                        + ", this JVM has " + Timing.factor());
    }
}
