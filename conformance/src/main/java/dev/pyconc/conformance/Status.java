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
    /**
     * Expected failure: the case FAILed, ERRORed or TIMEd OUT as the run's expectations file says it would
     * ({@link Expectations}); the result keeps the status it had and the expectation's reason. Not a failure of
     * the run.
     */
    XFAIL("XFAIL"),
    /**
     * Unexpected pass: the expectations file lists the case as failing, but it passed. Reported; a failure of
     * the run only under {@code --strict}.
     */
    XPASS("XPASS"),
    /** The behaviour does not apply to the adapter (other Python version, missing feature); not run. */
    NOT_APPLICABLE("N/A"),
    /** Not run for another reason (disabled, aborted by an assumption, deselected), with the reason. */
    SKIPPED("SKIP");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** Short column label: PASS, FAIL, ERROR, TIMEOUT, XFAIL, XPASS, N/A, SKIP. */
    public String label() {
        return label;
    }

    /**
     * Whether this outcome makes a run fail: FAIL, ERROR or TIMEOUT (XPASS only under {@code --strict}, which
     * {@link RunReport#succeeded()} decides).
     */
    public boolean isFailure() {
        return this == FAIL || this == ERROR || this == TIMEOUT;
    }

    /** Whether the case body ran (PASS, FAIL, ERROR, TIMEOUT, XFAIL, XPASS). */
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
