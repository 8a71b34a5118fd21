package dev.pyconc.reference.multiprocessing.pool;

/**
 * pool.py's {@code (success, value)} pair: what a task returned, or the exception it raised.
 *
 * @param success whether the task returned
 * @param value the value returned, or what it raised: a Python exception ({@link RuntimeException}) or a Java
 *     {@link Error} of a Java callable (a failed assertion in a case's task)
 */
record Outcome(boolean success, Object value) {
    static Outcome ok(Object value) {
        return new Outcome(true, value);
    }

    static Outcome failed(Throwable e) {
        return new Outcome(false, e);
    }

    /** The value, or the exception raised again. */
    Object unwrap() {
        if (success) {
            return value;
        }
        if (value instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) value;
    }
}
