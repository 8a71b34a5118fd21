package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;

/**
 * {@code multiprocessing.pool.AsyncResult}: the result of {@code apply_async} and {@code map_async}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.AsyncResult">AsyncResult</a>
 */
public interface AsyncResult {
    /** Waits for the result and returns it, or raises the exception the call raised. */
    @Blocking
    Object get();

    /**
     * As {@link #get()}, waiting at most timeout seconds (None: without limit).
     *
     * @throws dev.pyconc.spi.exceptions.MultiprocessingTimeoutError when the timeout expires
     */
    @Blocking
    Object get(Double timeout);

    /** {@code wait(timeout)} (named {@code await} after the clash table): waits until ready or timeout. */
    @Blocking
    void await(Double timeout);

    /** Whether the call has finished. */
    boolean ready();

    /**
     * Whether the call finished without raising.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError when not ready (3.7)
     */
    boolean successful();
}
