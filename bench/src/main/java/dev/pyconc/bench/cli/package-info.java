/**
 * {@code ./pyconc bench}: the command line that runs the benchmarks with JMH, times the same operations on CPython,
 * and writes the table ({@link dev.pyconc.bench.cli.BenchMain}).
 */
package dev.pyconc.bench.cli;
