/**
 * {@code ./pyconc stress}: the command line that runs the jcstress and Lincheck tests against one adapter and
 * writes their reports ({@link dev.pyconc.stress.cli.StressMain}).
 */
package dev.pyconc.stress.cli;
