package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;

/**
 * {@code multiprocessing.JoinableQueue}: a {@link Queue} with {@code task_done()} and {@code join()}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.JoinableQueue">JoinableQueue</a>
 */
public interface JoinableQueue extends Queue {
    /**
     * Marks one fetched item done.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError when called more times than there were items
     */
    void taskDone();

    /** Blocks until every item put has been marked done. */
    @Blocking
    void join();
}
