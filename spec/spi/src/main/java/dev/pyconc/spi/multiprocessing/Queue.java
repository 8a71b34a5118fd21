package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;

/**
 * {@code multiprocessing.Queue}: a process-shared FIFO queue, a near clone of {@code queue.Queue} without
 * {@code task_done()} and {@code join()}. Items are pickled by a feeder thread and sent through a pipe.
 * It raises {@code queue.Empty} and {@code queue.Full} ({@link dev.pyconc.spi.exceptions.Empty},
 * {@link dev.pyconc.spi.exceptions.Full}), and {@code ValueError} once closed.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Queue">Queue</a>
 */
public interface Queue {
    /** The approximate size (raises NotImplementedError where {@code sem_getvalue} is missing). */
    long qsize();

    /** Whether the queue is empty (unreliable under concurrency). */
    boolean empty();

    /** Whether the queue is full (unreliable under concurrency). */
    boolean full();

    /** {@code put(item)}: blocks until there is room. */
    @Blocking
    void put(Object item);

    /** {@code put(item, block)}. */
    @Blocking
    void put(Object item, boolean block);

    /** {@code put(item, block, timeout)}: timeout in seconds, None without limit; raises Full when it expires. */
    @Blocking
    void put(Object item, boolean block, Double timeout);

    /** {@code put_nowait(item)}: {@code put(item, False)}. */
    void putNowait(Object item);

    /** {@code get()}: blocks until there is an item. */
    @Blocking
    Object get();

    /** {@code get(block)}. */
    @Blocking
    Object get(boolean block);

    /** {@code get(block, timeout)}: timeout in seconds, None without limit; raises Empty when it expires. */
    @Blocking
    Object get(boolean block, Double timeout);

    /** {@code get_nowait()}: {@code get(False)}. */
    Object getNowait();

    /** No more items from this process; the feeder thread flushes what is buffered and ends. */
    void close();

    /**
     * Waits for the feeder thread to flush (after {@link #close()}).
     *
     * @throws dev.pyconc.spi.exceptions.PyAssertionError in CPython before close
     */
    @Blocking
    void joinThread();

    /** The process may exit without waiting for the feeder thread to flush. */
    void cancelJoinThread();
}
