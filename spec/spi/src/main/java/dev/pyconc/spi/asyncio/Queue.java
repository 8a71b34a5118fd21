package dev.pyconc.spi.asyncio;

/**
 * {@code asyncio.Queue}, {@code asyncio.LifoQueue} or {@code asyncio.PriorityQueue}: they differ only in which
 * item a get returns. Items are plain values (see {@link dev.pyconc.spi}). Not thread-safe. Its exceptions are
 * asyncio's own: {@link dev.pyconc.spi.exceptions.QueueEmpty}, {@link dev.pyconc.spi.exceptions.QueueFull},
 * {@link dev.pyconc.spi.exceptions.QueueShutDown}, not those of the {@code queue} module.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.Queue">asyncio.Queue</a>
 */
public interface Queue {
    /** {@code maxsize}: the bound given at creation; 0 or less means unbounded. */
    long maxsize();

    /** {@code qsize()}: the number of items held. */
    long qsize();

    /** {@code empty()}: whether no item is held. */
    boolean empty();

    /** {@code full()}: whether maxsize items are held (never for an unbounded queue). */
    boolean full();

    /**
     * {@code put(item)}: a coroutine that adds the item, waiting while the queue is full. A put cancelled while
     * waiting adds nothing.
     *
     * @throws dev.pyconc.spi.exceptions.QueueShutDown (when awaited) if the queue is or becomes shut down
     */
    Awaitable<Object> put(Object item);

    /**
     * {@code put_nowait(item)}: adds the item at once.
     *
     * @throws dev.pyconc.spi.exceptions.QueueFull if there is no room
     * @throws dev.pyconc.spi.exceptions.QueueShutDown if the queue is shut down
     */
    void putNowait(Object item);

    /**
     * {@code get()}: a coroutine that removes and returns an item, waiting while the queue is empty. A get
     * cancelled while waiting takes no item: the item stays for the next getter.
     *
     * @throws dev.pyconc.spi.exceptions.QueueShutDown (when awaited) if the queue is shut down and empty, or shut
     *     down immediately
     */
    Awaitable<Object> get();

    /**
     * {@code get_nowait()}: removes and returns an item at once.
     *
     * @throws dev.pyconc.spi.exceptions.QueueEmpty if there is none
     * @throws dev.pyconc.spi.exceptions.QueueShutDown if the queue is shut down and empty
     */
    Object getNowait();

    /**
     * {@code task_done()}: one item got earlier is fully processed.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if called more times than items were put
     */
    void taskDone();

    /** {@code join()}: a coroutine that waits until every item put has been marked done. */
    Awaitable<Object> join();

    /** {@code shutdown()} (Python 3.13+): puts raise QueueShutDown; gets drain what is left, then raise it. */
    void shutdown();

    /**
     * {@code shutdown(immediate)} (Python 3.13+).
     *
     * @param immediate true: also drop the remaining items (each counts as done, so {@code join()} returns) and
     *     make waiting and later gets raise QueueShutDown at once
     * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.Queue.shutdown">Queue.shutdown</a>
     */
    void shutdown(boolean immediate);
}
