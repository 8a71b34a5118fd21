package dev.pyconc.spi.asyncio;

/**
 * {@code asyncio.Barrier} (Python 3.11+): lets {@code parties} tasks wait for each other. It cycles through
 * filling (tasks arrive), draining (the released tasks leave), resetting and broken states. Python's {@code wait}
 * is {@code await} here. Not thread-safe.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier">asyncio.Barrier</a>
 */
public interface Barrier extends AsyncContextManager {
    /**
     * {@code wait()}: a coroutine that waits until {@code parties} tasks are waiting, then releases them all;
     * its result is an arrival index from 0 to parties - 1. The docs promise a different index for each task of
     * one cycle; CPython (3.11 to 3.14) gives the next arrival the current count, so after a task that arrived
     * first is cancelled two tasks of that cycle get the same index (catalog:
     * {@code asyncio.Barrier.wait/index-repeats-after-cancelled-arrival}).
     *
     * @throws dev.pyconc.spi.exceptions.AsyncioBrokenBarrierError (when awaited) if the barrier is or becomes broken
     *     or is reset while the task waits
     */
    Awaitable<Long> await();

    /**
     * {@code reset()}: a coroutine that returns the barrier to the empty state; tasks waiting get
     * BrokenBarrierError.
     */
    Awaitable<Object> reset();

    /**
     * {@code abort()}: a coroutine that breaks the barrier: current and later waits raise BrokenBarrierError
     * until a reset.
     */
    Awaitable<Object> abort();

    /** {@code parties}: the number of tasks needed to pass. */
    long parties();

    /** {@code n_waiting}: the number of tasks waiting while the barrier fills. */
    long nWaiting();

    /** {@code broken}: whether the barrier is broken. */
    boolean broken();
}
