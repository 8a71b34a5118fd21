package dev.pyconc.spi.asyncio;

/**
 * A Java stand-in for an {@code async def} function without parameters: its body runs as one coroutine of an
 * event loop and does its awaiting through the {@link Coroutine} it receives.
 *
 * <p>The body may throw any Python exception (the classes of {@link dev.pyconc.spi.exceptions}); it is raised out
 * of the coroutine, so a task running it ends with that exception. A Java throwable that is not a Python
 * exception ends the task with a Python {@code RuntimeError} carrying its text, and the adapter rethrows the Java
 * throwable itself from {@link AsyncioModule#run} when it reaches the main task (so a failed JUnit assertion in a
 * task fails the case).
 *
 * @param <T> what the coroutine returns (a plain value, see {@link dev.pyconc.spi}, or an SPI object)
 */
@FunctionalInterface
public interface CoroutineFunction<T> {
    /**
     * The coroutine's body.
     *
     * @param co what this coroutine may do: await, create tasks, {@code async with}; valid only during this call
     *     and only on the thread the call came on
     * @return the coroutine's result
     */
    T call(Coroutine co);
}
