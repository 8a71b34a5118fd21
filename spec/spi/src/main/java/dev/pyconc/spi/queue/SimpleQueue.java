package dev.pyconc.spi.queue;

import dev.pyconc.spi.Blocking;
/**
 * {@code queue.SimpleQueue} (Python 3.7+): unbounded FIFO; {@code put} never blocks and its {@code block}
 * and {@code timeout} arguments are ignored.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html#simplequeue-objects">SimpleQueue objects</a>
 */
public interface SimpleQueue {
    /** {@code qsize()}. */
    long qsize();

    /** {@code empty()}. */
    boolean empty();

    /** {@code put(item)}: never blocks. */
    @Blocking
    void put(Object item);

    /** {@code put(item, block)}: block is ignored. */
    @Blocking
    void put(Object item, boolean block);

    /** {@code put(item, block, timeout)}: both ignored (kept for Queue compatibility). */
    @Blocking
    void put(Object item, boolean block, Double timeout);

    /** {@code put_nowait(item)}. */
    void putNowait(Object item);

    /** {@code get()}: blocks until an item is there. */
    @Blocking
    Object get();

    /**
     * {@code get(block)}.
     *
     * @throws dev.pyconc.spi.exceptions.Empty if block is false and there is no item
     */
    @Blocking
    Object get(boolean block);

    /**
     * {@code get(block, timeout)}.
     *
     * @param timeout seconds; null (None) for no limit
     * @throws dev.pyconc.spi.exceptions.Empty if no item in time
     * @throws dev.pyconc.spi.exceptions.ValueError if timeout is negative
     */
    @Blocking
    Object get(boolean block, Double timeout);

    /** {@code get_nowait()}. */
    Object getNowait();
}
