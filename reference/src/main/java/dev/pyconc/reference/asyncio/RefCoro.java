package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.exceptions.RuntimeError;

/**
 * A coroutine object: a body not yet started. Awaiting it ({@link RefCoroutine#await}) runs the body in the
 * awaiting task, on that task's thread, with a {@link dev.pyconc.spi.asyncio.Coroutine} of its own, as
 * {@code await coro} runs the coroutine inside the awaiting task in Python; wrapping it in a task runs it as the
 * task's body. It may be started once: a second start raises RuntimeError, as CPython's
 * {@code cannot reuse already awaited coroutine}. The primitives' coroutine methods return these.
 */
public final class RefCoro<T> implements Awaitable<T> {
    final String qualname;
    final CoroutineFunction<T> body;
    private boolean started;

    /**
     * @param qualname the Python name of the coroutine function, for messages and dumps ({@code Lock.acquire})
     * @param body what the coroutine does
     */
    public RefCoro(String qualname, CoroutineFunction<T> body) {
        this.qualname = qualname;
        this.body = body;
    }

    /** Marks it started; RuntimeError if it was already (awaited, or run by a task). */
    void start() {
        if (started) {
            throw new RuntimeError("cannot reuse already awaited coroutine");
        }
        started = true;
    }

    boolean started() {
        return started;
    }

    /** The coroutine function's qualified name. */
    public String qualname() {
        return qualname;
    }

    @Override
    public String toString() {
        return "<coroutine object " + qualname + " at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
