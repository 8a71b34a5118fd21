/**
 * Deliberately broken primitives, one or more per Lincheck test, each with its bug described in its javadoc,
 * and {@code Seeded*Lincheck} classes that put them under the same operations as the real test. The build
 * proves Lincheck rejects every one ({@code LincheckSeededBugsTest}); a stress suite that cannot fail is
 * not done. Never use these outside that proof.
 */
package dev.pyconc.stress.lincheck.seeded;
