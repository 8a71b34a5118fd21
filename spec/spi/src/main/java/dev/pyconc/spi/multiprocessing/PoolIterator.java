package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyIterator;

/**
 * The iterator {@code imap} and {@code imap_unordered} return: {@code next()} raises StopIteration at the end,
 * and {@code next(timeout)} raises {@code multiprocessing.TimeoutError} when no result comes in time.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.Pool.imap">Pool.imap</a>
 */
public interface PoolIterator extends PyIterator<Object> {
    /** {@code next(timeout)}: the next result, waiting at most timeout seconds (None: without limit). */
    @Blocking
    Object next(Double timeout);
}
