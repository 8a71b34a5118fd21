package dev.pyconc.spi.asyncio;

/**
 * Something {@link Coroutine#await} accepts: a coroutine object returned by a coroutine method of the SPI (such as
 * {@link Lock#acquire()}) or by {@link Coroutine#coroutine}, or a {@link Task}.
 *
 * <p>A coroutine object does nothing until it is awaited or wrapped in a task, and may be started only once;
 * awaiting it a second time raises {@code RuntimeError} in Python. A task may be awaited any number of times.
 * Adapters make their own awaitables; a case never implements this interface. It has no methods so that a Java
 * lambda is never taken for one (a lambda is a {@link CoroutineFunction}).
 *
 * @param <T> what awaiting it returns
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#awaitables">Awaitables</a>
 */
public interface Awaitable<T> {}
