/**
 * Lincheck (linearizability) tests of the non-blocking operations of the threading and queue primitives:
 * one class of {@code @Operation}s per primitive, each with a trivially correct sequential {@code Model};
 * {@link dev.pyconc.stress.lincheck.LincheckTests} runs them, {@code seeded} holds broken variants that
 * Lincheck must reject. Python exceptions an operation may raise become result values (see {@code Outcomes}).
 */
package dev.pyconc.stress.lincheck;
