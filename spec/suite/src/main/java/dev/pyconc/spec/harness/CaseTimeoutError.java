package dev.pyconc.spec.harness;

/** A case did not finish within {@link Timing#CASE}; the message holds the thread dumps. Reported TIMEOUT. */
public class CaseTimeoutError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public CaseTimeoutError(String message) {
        super(message);
    }
}
