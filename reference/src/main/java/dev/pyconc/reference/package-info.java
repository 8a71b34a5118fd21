/** pyconc's reference implementation of the SPI (adapter name {@code reference}). */
package dev.pyconc.reference;
