package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.CoroutineFunction;

/**
 * A coroutine object: a body not yet started. Awaiting it runs the body in the awaiting task, on that task's
 * thread, with the task's {@link dev.pyconc.spi.asyncio.Coroutine}; wrapping it in a task runs it as the task's
 * body. It may be started once. The primitives' coroutine methods return these. STUB: the loop helper fills it in.
 */
public final class RefCoro<T> implements Awaitable<T> {
    /**
     * @param qualname the Python name of the coroutine function, for messages and dumps ({@code Lock.acquire})
     * @param body what the coroutine does
     */
    public RefCoro(String qualname, CoroutineFunction<T> body) {}
}
