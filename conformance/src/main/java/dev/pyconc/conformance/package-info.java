/**
 * The conformance runner and the {@code pyconc} command line.
 *
 * <p>{@link dev.pyconc.conformance.ConformanceRunner} runs the spec's cases against one adapter with the JUnit
 * Platform Launcher, maps every case (every invocation of a parameterized case) to a
 * {@link dev.pyconc.conformance.Status} and writes the results as JSON ({@link dev.pyconc.conformance.JsonReport}),
 * JUnit XML and Allure results (with the writers of module {@code reports}). {@link dev.pyconc.conformance.Main}
 * is the picocli command line ({@code run}, {@code catalog}, {@code show}, {@code adapters}, {@code report}) shaded into
 * {@code conformance/target/pyconc.jar} and started by the {@code ./pyconc} script.
 */
package dev.pyconc.conformance;
