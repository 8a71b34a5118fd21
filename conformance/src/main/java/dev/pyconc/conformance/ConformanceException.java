package dev.pyconc.conformance;

/** A user-facing problem that stops a command before it runs anything (unknown module or id, no case selected). */
public class ConformanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConformanceException(String message) {
        super(message);
    }
}
