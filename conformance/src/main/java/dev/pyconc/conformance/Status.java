package dev.pyconc.conformance;

import dev.pyconc.spec.harness.CaseTimeoutError;

/** The outcome of one case (one invocation of a parameterized case) against one adapter. */
public enum Status {
    /** The case ran and every check held. */
    PASS("PASS"),
    /** A check failed: the implementation does not behave as Python documents ({@link AssertionError}). */
    FAIL("FAIL"),
    /** The case could not complete: any other exception, including the adapter's own errors. */
    ERROR("ERROR"),
    /** The case passed its deadline ({@code Timing.CASE}); the result holds the thread dumps. */
    TIMEOUT("TIMEOUT"),
    /** The behaviour does not apply to the adapter (other Python version, missing feature); not run. */
    NOT_APPLICABLE("N/A"),
    /** Not run for another reason (disabled, aborted by an assumption, deselected), with the reason. */
    SKIPPED("SKIP");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** Short column label: PASS, FAIL, ERROR, TIMEOUT, N/A, SKIP. */
    public String label() {
        return label;
    }

    /** Whether this outcome makes a run fail: FAIL, ERROR or TIMEOUT. */
    public boolean isFailure() {
        return this == FAIL || this == ERROR || this == TIMEOUT;
    }

    /** Whether the case body ran (PASS, FAIL, ERROR, TIMEOUT). */
    public boolean ran() {
        return this != NOT_APPLICABLE && this != SKIPPED;
    }

    /**
     * The status of a case that ended with {@code t}: {@link CaseTimeoutError} is TIMEOUT, any other
     * {@link AssertionError} (opentest4j's AssertionFailedError, MultipleFailuresError, ...) is FAIL,
     * anything else is ERROR.
     */
    public static Status ofFailure(Throwable t) {
        if (t instanceof CaseTimeoutError) {
            return TIMEOUT;
        }
        if (t instanceof AssertionError) {
            return FAIL;
        }
        return ERROR;
    }
}
