package dev.pyconc.spec.cases.queue;

/**
 * The calls that {@code queue.Queue} and {@code asyncio.Queue} (and their LIFO and priority variants) share, as
 * {@link QueueContract} uses them: a binding wraps one queue of its module in this view. The view is for calls
 * that are expected not to wait: {@link #put} and {@link #get} are the waiting forms ({@code queue}'s blocking
 * calls; {@code await} for asyncio), used only where the queue has room, has an item, or must raise at once; a
 * binding bounds them so that a broken queue fails the case instead of hanging it where it can.
 */
public interface SharedQueue {
    /** {@code qsize()}. */
    long qsize();

    /** {@code empty()}. */
    boolean empty();

    /** {@code full()}. */
    boolean full();

    /** {@code put_nowait(item)}: the binding's Full (QueueFull) when there is no room. */
    void putNowait(Object item);

    /** {@code get_nowait()}: the binding's Empty (QueueEmpty) when there is no item. */
    Object getNowait();

    /** {@code put(item)} ({@code await q.put(item)} for asyncio), where it should not have to wait. */
    void put(Object item);

    /** {@code get()} ({@code await q.get()} for asyncio), where it should not have to wait. */
    Object get();

    /** {@code task_done()}. */
    void taskDone();

    /** {@code join()} ({@code await q.join()}), where nothing is unfinished, so it must return without help. */
    void join();

    /** {@code shutdown(immediate)} (Python 3.13+). */
    void shutdown(boolean immediate);
}
