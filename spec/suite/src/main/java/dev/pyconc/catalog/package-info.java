/**
 * The catalog of documented behaviours: data (YAML under {@code dev/pyconc/catalog/} on the classpath, listed
 * in {@code index.txt}) that cases, the CLI and the reports read. See CONTRIBUTING.md for the entry format.
 */
package dev.pyconc.catalog;
