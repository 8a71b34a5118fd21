/**
 * The SPI of {@code contextvars}: {@link dev.pyconc.spi.contextvars.ContextVarsModule},
 * {@link dev.pyconc.spi.contextvars.ContextVar}, {@link dev.pyconc.spi.contextvars.Token} and
 * {@link dev.pyconc.spi.contextvars.Context}. Values are plain values or SPI objects. Handles of the same
 * Python object are {@code equals} (for an adapter over a real interpreter: within one case).
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html">contextvars</a>
 */
package dev.pyconc.spi.contextvars;
