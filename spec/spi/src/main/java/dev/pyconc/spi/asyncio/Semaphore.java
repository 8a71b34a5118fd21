package dev.pyconc.spi.asyncio;

/**
 * {@code asyncio.Semaphore}: a counter that {@code acquire()} decrements, waiting at zero, and {@code release()}
 * increments. Waiters are served first come, first served. {@code async with} acquires and releases. Not
 * thread-safe.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Semaphore">asyncio.Semaphore</a>
 */
public interface Semaphore extends AsyncContextManager {
    /** {@code acquire()}: a coroutine that takes a unit, waiting while there is none; its result is True. */
    Awaitable<Boolean> acquire();

    /**
     * {@code release()}: gives a unit back, waking the first waiter if any. A plain Semaphore may be released
     * more often than it was acquired.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError for a {@link BoundedSemaphore} above its initial value
     */
    void release();

    /** {@code locked()}: whether an {@code acquire()} now would have to wait. */
    boolean locked();
}
