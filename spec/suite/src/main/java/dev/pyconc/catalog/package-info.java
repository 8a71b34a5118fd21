/**
 * The catalog of documented behaviours: data (YAML under {@code dev/pyconc/catalog/} on the classpath, one file
 * {@code <key>.yaml} per row of {@link dev.pyconc.spi.PyModule}) that cases, the CLI and the reports read. See
 * CONTRIBUTING.md for the entry format.
 */
package dev.pyconc.catalog;
