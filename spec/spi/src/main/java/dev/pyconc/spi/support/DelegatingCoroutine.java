package dev.pyconc.spi.support;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Coroutine} that bodies run through a {@link DelegatingAsyncioModule} receive: it forwards to the
 * delegate's, after turning each coroutine object made by {@link DelegatingAsyncioModule#coroutine} into one of
 * the delegate's (made once per object, so a second await still fails as Python's does), and wraps the Java
 * bodies it is given so that they, too, receive a {@code DelegatingCoroutine}. {@code async with} is the SPI's
 * default statement, so that the wrapper's own {@code __aenter__}/{@code __aexit__} are used.
 */
public final class DelegatingCoroutine implements Coroutine {
    /** A coroutine object of a wrapper, not yet handed to the delegate. */
    static final class Pending<T> implements Awaitable<T> {
        private final String qualname;
        private final CoroutineFunction<T> body;
        private Awaitable<T> translated;

        Pending(String qualname, CoroutineFunction<T> body) {
            this.qualname = Objects.requireNonNull(qualname, "qualname");
            this.body = Objects.requireNonNull(body, "body");
        }

        synchronized Awaitable<T> in(Coroutine delegate) {
            if (translated == null) {
                translated = delegate.coroutine(wrap(body));
            }
            return translated;
        }

        @Override
        public String toString() {
            return "<coroutine object " + qualname + ">";
        }
    }

    private final Coroutine delegate;

    private DelegatingCoroutine(Coroutine delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@code fn}, receiving a {@code DelegatingCoroutine} over the delegate's {@code Coroutine}. */
    static <T> CoroutineFunction<T> wrap(CoroutineFunction<T> fn) {
        Objects.requireNonNull(fn, "fn");
        return co -> fn.call(new DelegatingCoroutine(co));
    }

    private <T> Awaitable<T> unwrap(Awaitable<T> aw) {
        return aw instanceof Pending<T> p ? p.in(delegate) : aw;
    }

    @Override public <T> T await(Awaitable<T> awaitable) { return delegate.await(unwrap(awaitable)); }
    @Override public <T> Awaitable<T> coroutine(CoroutineFunction<T> fn) { return delegate.coroutine(wrap(fn)); }
    @Override public <T> Task<T> createTask(Awaitable<T> coro) { return delegate.createTask(unwrap(coro)); }
    @Override public <T> Task<T> createTask(Awaitable<T> coro, String name) { return delegate.createTask(unwrap(coro), name); }
    @Override public void sleep(double delay) { delegate.sleep(delay); }
    @Override public <T> T waitFor(Awaitable<T> awaitable, Double timeout) { return delegate.waitFor(unwrap(awaitable), timeout); }
    @Override public void timeout(Double delay, Runnable body) { delegate.timeout(delay, body); }
    @Override public Task<?> currentTask() { return delegate.currentTask(); }
    @Override public double time() { return delegate.time(); }

    @Override
    public List<Object> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        List<Awaitable<?>> mine = new ArrayList<>(awaitables.size());
        for (Awaitable<?> a : awaitables) {
            mine.add(unwrap(a));
        }
        return delegate.gather(mine, returnExceptions);
    }
}
