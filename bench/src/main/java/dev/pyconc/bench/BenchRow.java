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
 * @param target the most the reference may take per operation as a multiple of its Java counterpart (issue 14's
 *     targets, e.g. 1.3), or null when the row has none; the summary says whether the run met it
 * @param noCpython why CPython's column does not apply to this row (e.g. the row times the bridge to CPython), or
 *     null when the CPython script times the same operation
 */
public record BenchRow(String id, String operation, String reference, String java, String javaOperation, Double target,
        String noCpython) {
    public BenchRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(javaOperation, "javaOperation");
        if (target != null && !(target > 0)) {
            throw new IllegalArgumentException("target must be above 0: " + target);
        }
    }

    /** A row without target whose CPython column the script times. */
    public BenchRow(String id, String operation, String reference, String java, String javaOperation) {
        this(id, operation, reference, java, javaOperation, null, null);
    }

    /** This row with a target: the reference's time at most {@code maxRatio} times the Java counterpart's. */
    public BenchRow withTarget(double maxRatio) {
        return new BenchRow(id, operation, reference, java, javaOperation, maxRatio, noCpython);
    }

    /** This row without a CPython column, for the reason given. */
    public BenchRow withoutCpython(String why) {
        return new BenchRow(id, operation, reference, java, javaOperation, target, Objects.requireNonNull(why, "why"));
    }

    /** Whether {@code regex} finds the row's id, its Python or Java operation, or either benchmark's name. */
    public boolean matches(Pattern regex) {
        return regex.matcher(id).find() || regex.matcher(operation).find() || regex.matcher(reference).find()
                || regex.matcher(java).find() || regex.matcher(javaOperation).find();
    }
}
