package dev.pyconc.spi.asyncio;

import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.RuntimeError;
import java.util.List;

/**
 * What the body of a running coroutine may do: Python's {@code await} and {@code async with}, and the asyncio
 * functions that a coroutine calls to schedule work, sleep or bound a wait. Each {@link CoroutineFunction} body
 * receives its own; it is valid only while that body runs and only on the thread the body was called on (an
 * adapter may throw {@link IllegalStateException} otherwise: that is a misuse by Java code, not a Python error).
 *
 * <p>Every method that may wait ({@link #await}, {@link #sleep}, {@link #waitFor}, {@link #gather}, the blocks of
 * {@link #asyncWith} and {@link #timeout}) is a point where other tasks of the loop may run and where the task may
 * be cancelled: a cancellation arrives there as {@link dev.pyconc.spi.exceptions.AsyncioCancelledError}.
 */
public interface Coroutine {
    /**
     * {@code await awaitable}: suspends this coroutine until the awaitable is done, then returns its result or
     * throws its exception.
     *
     * @throws dev.pyconc.spi.exceptions.AsyncioCancelledError if this task is cancelled while suspended here, or
     *     the awaited task was cancelled
     * @throws RuntimeError if {@code awaitable} is a coroutine object that was already started
     * @throws BaseException whatever the awaited coroutine or task raised
     */
    <T> T await(Awaitable<T> awaitable);

    /**
     * Calls an {@code async def} function: returns the coroutine object for {@code fn}, which runs its body only
     * when awaited or wrapped in a task.
     */
    <T> Awaitable<T> coroutine(CoroutineFunction<T> fn);

    /**
     * {@code asyncio.create_task(coro)}: schedules the coroutine object as a new task of this loop; it starts at
     * the loop's next iteration, not now.
     *
     * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task">asyncio.create_task</a>
     */
    <T> Task<T> createTask(Awaitable<T> coro);

    /** {@code asyncio.create_task(coro, name=name)}: as {@link #createTask(Awaitable)}, naming the task. */
    <T> Task<T> createTask(Awaitable<T> coro, String name);

    /** {@code asyncio.create_task(fn())}: a new task running a Java body. */
    default <T> Task<T> createTask(CoroutineFunction<T> fn) {
        return createTask(coroutine(fn));
    }

    /**
     * {@code await asyncio.sleep(delay)}: suspends this task for {@code delay} seconds; {@code sleep(0)} lets
     * every other ready task take one step and then resumes (the way cases step the loop).
     *
     * @param delay seconds; 0 or less means one pass of the loop
     */
    void sleep(double delay);

    /**
     * {@code await asyncio.wait_for(awaitable, timeout)}: awaits it for at most {@code timeout} seconds; on
     * expiry cancels it, waits until it has finished cancelling, and raises TimeoutError.
     *
     * @param timeout seconds; null (None) waits without limit; 0 or less gives it no time to wait
     * @throws dev.pyconc.spi.exceptions.TimeoutError if it did not finish in time ({@code asyncio.TimeoutError} is
     *     this class from Python 3.11)
     * @throws dev.pyconc.spi.exceptions.AsyncioCancelledError if this task is cancelled meanwhile
     * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for">asyncio.wait_for</a>
     */
    <T> T waitFor(Awaitable<T> awaitable, Double timeout);

    /**
     * {@code async with asyncio.timeout(delay): body} (Python 3.11+): runs {@code body} in this task; if it is
     * still running {@code delay} seconds from now, the task is cancelled and the cancellation leaves the block as
     * TimeoutError.
     *
     * @param delay seconds; null (None) sets no deadline
     * @param body the block; it runs on the calling thread, in this coroutine, and may await through this object
     * @throws dev.pyconc.spi.exceptions.TimeoutError if the deadline cancelled the block
     * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout">asyncio.timeout</a>
     */
    void timeout(Double delay, Runnable body);

    /**
     * {@code await asyncio.gather(*awaitables, return_exceptions=returnExceptions)}: runs them concurrently
     * (coroutine objects are wrapped in tasks) and returns their results in the order given.
     *
     * @param returnExceptions false: the first exception raised is raised here (the others keep running); true:
     *     exceptions are returned in the list in place of results, as {@link BaseException} objects
     * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.gather">asyncio.gather</a>
     */
    List<Object> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions);

    /** {@code asyncio.current_task()}: the task running this coroutine. */
    Task<?> currentTask();

    /** {@code asyncio.get_running_loop().time()}: the loop's monotonic clock, in seconds. */
    double time();

    /**
     * {@code async with cm: body}: awaits {@code cm.__aenter__()}, runs {@code body} in this coroutine, then awaits
     * {@code cm.__aexit__(...)} with the exception the body left by, if any, and rethrows that exception unless
     * {@code __aexit__} suppressed it. A Java throwable that is not a Python exception is handed to
     * {@code __aexit__} as a Python {@code RuntimeError} carrying its text and is itself rethrown unless suppressed.
     *
     * @param body the block; it runs on the calling thread and may await through this object
     * @see <a href="https://docs.python.org/3/reference/compound_stmts.html#async-with">The async with statement</a>
     */
    default void asyncWith(AsyncContextManager cm, Runnable body) {
        await(cm.aenter());
        try {
            body.run();
        } catch (BaseException e) {
            if (!Boolean.TRUE.equals(await(cm.aexit(e)))) {
                throw e;
            }
            return;
        } catch (RuntimeException | Error e) {
            if (!Boolean.TRUE.equals(await(cm.aexit(new RuntimeError("Java exception in the async with block: " + e))))) {
                throw e;
            }
            return;
        }
        await(cm.aexit(null));
    }
}
