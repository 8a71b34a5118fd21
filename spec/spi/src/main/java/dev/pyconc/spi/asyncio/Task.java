package dev.pyconc.spi.asyncio;

import dev.pyconc.spi.exceptions.BaseException;

/**
 * {@code asyncio.Task}: a coroutine scheduled to run on the loop. Awaiting it waits until it is done and returns
 * its result (or raises its exception); it may be awaited any number of times. The methods here never wait.
 *
 * @param <T> the coroutine's result
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.Task">asyncio.Task</a>
 */
public interface Task<T> extends Awaitable<T> {
    /** {@code done()}: whether the task has finished: returned, raised or was cancelled. */
    boolean done();

    /** {@code cancelled()}: whether the task finished by being cancelled. */
    boolean cancelled();

    /**
     * {@code cancel()}: asks the task to stop: {@code CancelledError} will be raised into its coroutine at the
     * {@code await} it is suspended in (or at its start, if it has not started).
     *
     * @return false if the task is already done, true otherwise
     */
    boolean cancel();

    /** {@code cancel(msg)}: as {@link #cancel()}, with a message the {@code CancelledError} carries. */
    boolean cancel(String msg);

    /** {@code cancelling()} (Python 3.11+): the number of cancellation requests not yet withdrawn by {@link #uncancel()}. */
    long cancelling();

    /** {@code uncancel()} (Python 3.11+): withdraws one cancellation request; returns the count left. */
    long uncancel();

    /**
     * {@code result()}: what the coroutine returned.
     *
     * @throws dev.pyconc.spi.exceptions.AsyncioInvalidStateError if the task is not done
     * @throws dev.pyconc.spi.exceptions.AsyncioCancelledError if it was cancelled
     * @throws BaseException the exception the coroutine raised
     */
    T result();

    /**
     * {@code exception()}: the exception the coroutine raised, or null (None) if it returned.
     *
     * @throws dev.pyconc.spi.exceptions.AsyncioInvalidStateError if the task is not done
     * @throws dev.pyconc.spi.exceptions.AsyncioCancelledError if it was cancelled
     */
    BaseException exception();

    /** {@code get_name()}: the task's name, given or made up by the loop ({@code Task-N} in CPython). */
    String getName();
}
