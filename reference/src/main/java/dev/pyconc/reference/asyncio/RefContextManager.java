package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.AsyncContextManager;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.exceptions.BaseException;

/**
 * {@code asyncio.locks._ContextManagerMixin}: {@code async with} on a Lock, Condition or Semaphore is
 * {@code await acquire()} on entry (the {@code as} target is None) and {@code release()} on exit, whatever the
 * block raised; the exception is never suppressed.
 */
interface RefContextManager extends AsyncContextManager {
    Awaitable<Boolean> acquire();

    void release();

    /** {@code __aenter__()}: awaits {@code acquire()} and returns None. */
    @Override
    default Awaitable<Object> aenter() {
        return new RefCoro<>("_ContextManagerMixin.__aenter__", co -> {
            co.await(acquire());
            return null;
        });
    }

    /** {@code __aexit__(exc_type, exc, tb)}: {@code release()}; returns None, so nothing is suppressed. */
    @Override
    default Awaitable<Boolean> aexit(BaseException exc) {
        return new RefCoro<>("_ContextManagerMixin.__aexit__", co -> {
            release();
            return false;
        });
    }
}
