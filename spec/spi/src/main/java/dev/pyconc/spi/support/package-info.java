/** Helpers for writing adapters, e.g. wrappers that change one piece of an existing adapter. */
package dev.pyconc.spi.support;
