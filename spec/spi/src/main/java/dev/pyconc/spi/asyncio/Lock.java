package dev.pyconc.spi.asyncio;

/**
 * {@code asyncio.Lock}: a mutual-exclusion lock for the tasks of one loop. Not owned by a task: any task may
 * release it. Waiters are served first come, first served; a waiter cancelled before it got the lock leaves the
 * lock to the next one. {@code async with lock} acquires and releases it. Not thread-safe (see the package
 * notes).
 *
 * <p>Memory effects: as for every primitive of the package, the loop's hand-over between tasks orders all
 * accesses (see {@link dev.pyconc.spi.asyncio}).
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock">asyncio.Lock</a>
 */
public interface Lock extends AsyncContextManager {
    /**
     * {@code acquire()}: a coroutine that takes the lock, waiting while another holds it; its result is True.
     * Cancelling the waiting task leaves the lock as it was (not taken by the cancelled waiter).
     */
    Awaitable<Boolean> acquire();

    /**
     * {@code release()}: unlocks; if tasks are waiting, the first one will get the lock.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the lock is not held
     */
    void release();

    /** {@code locked()}: whether the lock is held. */
    boolean locked();
}
