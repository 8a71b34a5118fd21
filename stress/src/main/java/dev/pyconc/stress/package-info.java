/**
 * Stress tests of the threading and queue primitives through the SPI: jcstress tests (this package and
 * below) and Lincheck tests (the module's tests). The adapter under test is named by system property
 * {@code pyconc.adapter} (default {@code reference}).
 */
package dev.pyconc.stress;
