package dev.pyconc.spi.asyncio;

import java.util.function.Supplier;

/**
 * {@code asyncio.Condition}: a condition variable over an {@link Lock asyncio.Lock}, its own or one given.
 * Python's {@code wait}, {@code notify} and {@code notify_all} are {@code await}, {@code signal} and
 * {@code signalAll} here (see {@link dev.pyconc.spi}). {@code async with}
 * acquires and releases the underlying lock. Not thread-safe.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Condition">asyncio.Condition</a>
 */
public interface Condition extends AsyncContextManager {
    /** {@code acquire()}: the underlying lock's {@code acquire()}. */
    Awaitable<Boolean> acquire();

    /**
     * {@code release()}: the underlying lock's {@code release()}.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the lock is not held
     */
    void release();

    /** {@code locked()}: whether the underlying lock is held. */
    boolean locked();

    /**
     * {@code wait()}: a coroutine that releases the lock, waits until notified, then takes the lock back before
     * returning True. It takes the lock back even when the wait ends by cancellation (the CancelledError is raised
     * with the lock held).
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError (when awaited) if the lock is not held
     */
    Awaitable<Boolean> await();

    /**
     * {@code wait_for(predicate)}: a coroutine that waits until {@code predicate()} is true and returns its last
     * value; the predicate is called with the lock held, first before any wait.
     *
     * @param predicate called in the waiting task, on the task's thread; its result is judged by truthiness
     * @throws dev.pyconc.spi.exceptions.RuntimeError (when awaited) if the lock is not held
     */
    Awaitable<Object> waitFor(Supplier<Object> predicate);

    /**
     * {@code notify()}: wakes one waiting task, if any.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the lock is not held
     */
    void signal();

    /**
     * {@code notify(n)}: wakes up to {@code n} waiting tasks.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the lock is not held
     */
    void signal(long n);

    /**
     * {@code notify_all()}: wakes every waiting task.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the lock is not held
     */
    void signalAll();
}
