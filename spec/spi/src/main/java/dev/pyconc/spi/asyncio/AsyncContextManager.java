package dev.pyconc.spi.asyncio;

import dev.pyconc.spi.exceptions.BaseException;

/**
 * An object usable in Python's {@code async with} statement: {@link Lock}, {@link Condition}, {@link Semaphore}
 * and {@link BoundedSemaphore}. {@link Coroutine#asyncWith} runs the statement; these two methods are its parts.
 *
 * @see <a href="https://docs.python.org/3/reference/compound_stmts.html#async-with">The async with statement</a>
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock">asyncio.Lock (async with)</a>
 */
public interface AsyncContextManager {
    /** {@code __aenter__()}: for the primitives here, {@code acquire()}; awaiting it returns None. */
    Awaitable<Object> aenter();

    /**
     * {@code __aexit__(type(exc), exc, exc.__traceback__)}, or {@code __aexit__(None, None, None)} when
     * {@code exc} is null: for the primitives here, {@code release()}.
     *
     * @param exc the Python exception the block is leaving by, or null for a normal exit
     * @return an awaitable of whether the exception is suppressed (the primitives here never suppress one)
     */
    Awaitable<Boolean> aexit(BaseException exc);
}
