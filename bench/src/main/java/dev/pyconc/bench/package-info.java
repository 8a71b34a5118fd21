/**
 * JMH benchmarks of the reference implementation ({@code ./pyconc bench}): each Python operation the reference
 * implements is timed beside its Java counterpart, and CPython's time for the same operation is taken in the same
 * sitting by a Python script ({@code cpython_bench.py}). {@link dev.pyconc.bench.BenchRows} lists the rows.
 */
package dev.pyconc.bench;
