/**
 * The SPI of {@code concurrent.futures}: {@link dev.pyconc.spi.futures.FuturesModule} (the module's
 * functions and executor constructors), {@link dev.pyconc.spi.futures.Future} and
 * {@link dev.pyconc.spi.futures.Executor}. The exceptions are in {@link dev.pyconc.spi.exceptions}
 * ({@code CancelledError}, {@code InvalidStateError}, {@code BrokenExecutor}, {@code BrokenThreadPool},
 * {@code BrokenProcessPool}, {@code BrokenInterpreterPool}; {@code concurrent.futures.Error} is
 * {@code FuturesError}; {@code concurrent.futures.TimeoutError} is builtins' {@code TimeoutError} since 3.11).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html">concurrent.futures</a>
 */
package dev.pyconc.spi.futures;
