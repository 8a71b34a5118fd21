package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
/**
 * {@code threading.Event}: a flag threads can wait for. Python's {@code wait} is {@code await} here.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#event-objects">Event objects</a>
 */
public interface Event {
    /** {@code is_set()}: whether the flag is true. */
    boolean isSet();

    /** {@code set()}: sets the flag and wakes every waiter. */
    void set();

    /** {@code clear()}: resets the flag. */
    void clear();

    /** {@code wait()}: blocks until the flag is true; returns true. */
    @Blocking
    boolean await();

    /**
     * {@code wait(timeout)}.
     *
     * @param timeout seconds to wait at most; null (None) for no limit
     * @return the flag on return: false only if the timeout expired with the flag still false
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Event.wait">Event.wait</a>
     */
    @Blocking
    boolean await(Double timeout);
}
