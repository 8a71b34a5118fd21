package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Task;

/**
 * {@code asyncio.Task}, ported from {@code asyncio/tasks.py}: a future that drives a coroutine step by step on its
 * loop. STUB: the loop helper fills it in.
 */
public final class RefTask<T> extends RefFuture<T> implements Task<T> {
    RefTask(RefEventLoop loop) {
        super(loop);
    }

    @Override
    public long cancelling() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public long uncancel() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException("stub");
    }
}
