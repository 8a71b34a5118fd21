package dev.pyconc.spi;

/**
 * The adapter itself failed, not the implementation under test: a bridge to an interpreter lost its process,
 * a reply did not come, the adapter's own glue broke. Not a Python exception.
 *
 * <p>An adapter throws this (or a subclass) for its own failures so that the harness can tell them from what
 * the implementation raised: a case during which an {@code AdapterFailure} was thrown is reported as ERROR,
 * even when the case caught it (for example inside {@code assertThrows}, which turns an unexpected exception
 * into an assertion failure) or a helper thread met it.
 */
public class AdapterFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdapterFailure(String message) {
        super(message);
    }

    public AdapterFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The first {@code AdapterFailure} in {@code t}'s causes and suppressed exceptions (depth first, {@code t}
     * itself included), or null if there is none.
     */
    public static AdapterFailure findIn(Throwable t) {
        return findIn(t, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static AdapterFailure findIn(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        if (t instanceof AdapterFailure f) {
            return f;
        }
        AdapterFailure f = findIn(t.getCause(), seen);
        if (f != null) {
            return f;
        }
        for (Throwable s : t.getSuppressed()) {
            f = findIn(s, seen);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
