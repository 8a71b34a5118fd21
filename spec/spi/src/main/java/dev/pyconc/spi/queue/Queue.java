package dev.pyconc.spi.queue;

import dev.pyconc.spi.Blocking;
/**
 * {@code queue.Queue}, {@code queue.LifoQueue} or {@code queue.PriorityQueue}: they differ only in which item
 * {@code get} returns. Items are plain values (see {@link dev.pyconc.spi}).
 *
 * @see <a href="https://docs.python.org/3/library/queue.html#queue-objects">Queue objects</a>
 */
public interface Queue {
    /** {@code qsize()}: approximate number of items. */
    long qsize();

    /** {@code empty()}: approximately, whether there are no items. */
    boolean empty();

    /** {@code full()}: approximately, whether there are maxsize items (never for an unbounded queue). */
    boolean full();

    /**
     * {@code put(item)}: blocks until there is room.
     *
     * @throws dev.pyconc.spi.exceptions.ShutDown if the queue is shut down (Python 3.13+)
     */
    @Blocking
    void put(Object item);

    /**
     * {@code put(item, block)}.
     *
     * @throws dev.pyconc.spi.exceptions.Full if block is false and there is no room
     * @throws dev.pyconc.spi.exceptions.ShutDown if the queue is shut down
     */
    @Blocking
    void put(Object item, boolean block);

    /**
     * {@code put(item, block, timeout)}.
     *
     * @param timeout seconds to wait at most when block is true; null (None) for no limit; ignored when block
     *     is false
     * @throws dev.pyconc.spi.exceptions.Full if no room in time (or at once when block is false)
     * @throws dev.pyconc.spi.exceptions.ValueError if block is true, timeout is negative and the queue is
     *     bounded (CPython only looks at the timeout when a bounded queue might have to wait)
     * @throws dev.pyconc.spi.exceptions.ShutDown if the queue is or becomes shut down
     * @see <a href="https://docs.python.org/3/library/queue.html#queue.Queue.put">Queue.put</a>
     */
    @Blocking
    void put(Object item, boolean block, Double timeout);

    /** {@code put_nowait(item)}: {@code put(item, False)}. */
    void putNowait(Object item);

    /**
     * {@code get()}: removes and returns an item, blocking until one is there.
     *
     * @throws dev.pyconc.spi.exceptions.ShutDown if the queue is shut down and empty, or shut down immediately
     */
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
     * @param timeout seconds to wait at most when block is true; null (None) for no limit
     * @throws dev.pyconc.spi.exceptions.Empty if no item in time (or at once when block is false)
     * @throws dev.pyconc.spi.exceptions.ValueError if block is true and timeout is negative (even when an
     *     item is available; the item stays queued)
     * @throws dev.pyconc.spi.exceptions.ShutDown as {@link #get()}
     * @see <a href="https://docs.python.org/3/library/queue.html#queue.Queue.get">Queue.get</a>
     */
    @Blocking
    Object get(boolean block, Double timeout);

    /** {@code get_nowait()}: {@code get(False)}. */
    Object getNowait();

    /**
     * {@code task_done()}: one earlier-fetched item is fully processed.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if called more times than items were put
     */
    void taskDone();

    /** {@code join()}: blocks until every item put has been marked done. */
    @Blocking
    void join();

    /** {@code shutdown()} (Python 3.13+): puts raise ShutDown; gets drain what is left, then raise ShutDown. */
    void shutdown();

    /**
     * {@code shutdown(immediate)} (Python 3.13+).
     *
     * @param immediate true: also drop the remaining items (they count as done) and make gets raise at once
     * @see <a href="https://docs.python.org/3/library/queue.html#queue.Queue.shutdown">Queue.shutdown</a>
     */
    void shutdown(boolean immediate);
}
