package dev.pyconc.spi.shared_memory;

/**
 * {@code multiprocessing.shared_memory.ShareableList}: a list of at most a few plain types ({@code int} within
 * 64 bits, {@code float}, {@code bool}, {@code str} and {@code bytes} each under 10 MB, {@code None}) stored in a
 * {@link SharedMemory} block; its length is fixed and items keep their slot size.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.ShareableList">ShareableList</a>
 */
public interface ShareableList {
    /**
     * {@code l[index]} (negative counts from the end).
     *
     * @throws dev.pyconc.spi.exceptions.IndexError outside the list
     */
    Object get(long index);

    /**
     * {@code l[index] = value}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError when a str or bytes value is longer than its slot
     */
    void set(long index, Object value);

    /** {@code l[start:stop]}: ShareableList does not support slicing, so this raises what Python raises. */
    Object slice(Long start, Long stop);

    /** {@code len(l)}. */
    long len();

    /** {@code l.count(value)}: how many items equal value. */
    long count(Object value);

    /**
     * {@code l.index(value)}: the first position of value.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError when absent
     */
    long index(Object value);

    /** {@code l.format}: the struct format of the stored values. */
    String format();

    /** {@code l.shm}: the block holding the values. */
    SharedMemory shm();
}
