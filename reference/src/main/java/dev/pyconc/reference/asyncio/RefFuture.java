package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.exceptions.BaseException;
import java.util.function.Consumer;

/**
 * {@code asyncio.Future}, ported from {@code asyncio/futures.py}: pending, then finished with a result, an
 * exception, or cancelled; done callbacks are scheduled on the loop with {@code call_soon}. Awaiting it suspends
 * the awaiting task until it is done. STUB: the loop helper fills it in.
 */
public class RefFuture<T> implements Awaitable<T> {
    /** A pending future of {@code loop}. */
    public RefFuture(RefEventLoop loop) {}

    public RefEventLoop loop() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean done() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean cancelled() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean cancel() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean cancel(String msg) {
        throw new UnsupportedOperationException("stub");
    }

    /** @throws dev.pyconc.spi.exceptions.AsyncioInvalidStateError if already done */
    public void setResult(T result) {
        throw new UnsupportedOperationException("stub");
    }

    /** @throws dev.pyconc.spi.exceptions.AsyncioInvalidStateError if already done */
    public void setException(BaseException exc) {
        throw new UnsupportedOperationException("stub");
    }

    public T result() {
        throw new UnsupportedOperationException("stub");
    }

    public BaseException exception() {
        throw new UnsupportedOperationException("stub");
    }

    /** Schedules {@code fn(this)} with call_soon when done (at once, scheduled, if done already). */
    public void addDoneCallback(Consumer<? super RefFuture<T>> fn) {
        throw new UnsupportedOperationException("stub");
    }
}
