/**
 * What every case stands on: the {@link dev.pyconc.spec.harness.PyCase} annotation and its JUnit extension
 * (adapter selection, NOT_APPLICABLE from the catalog, a per-case deadline with thread dumps), the
 * {@link dev.pyconc.spec.harness.Harness} for helper threads, polling and timeout assertions, and the named
 * {@link dev.pyconc.spec.harness.Timing} tiers.
 */
package dev.pyconc.spec.harness;
