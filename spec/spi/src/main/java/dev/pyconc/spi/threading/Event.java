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

    /**
     * {@code isSet()}: the deprecated camelCase alias of {@code is_set()} (deprecated since Python 3.10, still
     * present in 3.14). The Java name is the Python name plus {@code Alias} (see {@link dev.pyconc.spi}).
     *
     * @return whether the flag is true, as {@link #isSet()}
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Event.is_set">Event.is_set</a>
     */
    default boolean isSetAlias() {
        throw new UnsupportedOperationException("this adapter does not implement Event.isSet (the alias)");
    }
}
