package dev.pyconc.bench;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the bench's table: a Python operation, timed three ways in the same sitting.
 *
 * @param id a short, stable key (e.g. {@code subprocess.run}); the CPython script times the operation of the same
 *     name, and {@code summary.json} keys the row by it
 * @param operation the Python call, as Python code (e.g. {@code subprocess.run(["true"])})
 * @param reference the JMH benchmark (class name, dot, method) timing the reference's implementation of it
 * @param java the JMH benchmark timing its Java counterpart (a {@code java.util.concurrent} class, the JDK's
 *     own way of doing the same thing)
 * @param javaOperation the Java counterpart, as Java code
 */
public record BenchRow(String id, String operation, String reference, String java, String javaOperation) {
    public BenchRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(javaOperation, "javaOperation");
    }

    /** Whether {@code regex} finds the row's id, its Python or Java operation, or either benchmark's name. */
    public boolean matches(Pattern regex) {
        return regex.matcher(id).find() || regex.matcher(operation).find() || regex.matcher(reference).find()
                || regex.matcher(java).find() || regex.matcher(javaOperation).find();
    }
}
