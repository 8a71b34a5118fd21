package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;

/**
 * {@code multiprocessing.SimpleQueue}: a pipe with a lock at each end; no size, no timeouts.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.SimpleQueue">SimpleQueue</a>
 */
public interface SimpleQueue {
    /**
     * Whether the queue is empty.
     *
     * @throws dev.pyconc.spi.exceptions.OSError once closed
     */
    boolean empty();

    /** Puts an item (pickled now). */
    @Blocking
    void put(Object item);

    /** Removes and returns an item, blocking until there is one. */
    @Blocking
    Object get();

    /** Closes the queue (3.9); using it afterwards is an error. */
    void close();
}
