package dev.pyconc.spi.threading;

/**
 * An instance of {@code threading.local}: attributes whose values are separate for each thread.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#thread-local-data">Thread-local data</a>
 */
public interface Local {
    /**
     * {@code getattr(local, name)} in the calling thread.
     *
     * @throws dev.pyconc.spi.exceptions.AttributeError if this thread has not set it
     */
    Object getattr(String name);

    /** {@code setattr(local, name, value)} for the calling thread; value is a plain value. */
    void setattr(String name, Object value);

    /**
     * {@code delattr(local, name)} for the calling thread.
     *
     * @throws dev.pyconc.spi.exceptions.AttributeError if this thread has not set it
     */
    void delattr(String name);

    /** {@code hasattr(local, name)} in the calling thread. */
    boolean hasattr(String name);

    /**
     * {@code local.__dict__} read in the calling thread: a copy, as a plain dict, of the attributes that this
     * thread has set (and not deleted); other threads' attributes are not in it. Later changes to the object
     * do not show in the returned map, nor do changes to the map reach the object.
     *
     * @throws UnsupportedOperationException if the adapter does not implement it (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#thread-local-data">Thread-local data</a>
     */
    default java.util.Map<String, Object> dict() {
        throw new UnsupportedOperationException("this adapter does not implement local.__dict__");
    }
}
