/** The layout of the stress CLI's {@code summary.json}: {@link dev.pyconc.reports.stress.StressReport} and its tests. */
package dev.pyconc.reports.stress;
