package dev.pyconc.spi.support;

import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Barrier;
import dev.pyconc.spi.asyncio.BoundedSemaphore;
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Semaphore;
import java.util.Objects;

/**
 * An {@code asyncio} module that forwards every call to another. Extend it to change one piece of an existing
 * adapter: override the factory of that piece, wrap what {@link #delegate} makes, and write the changed coroutine
 * methods with {@link #coroutine}.
 *
 * <p>Every body run through this module ({@link #run}'s main, and every task or coroutine made from a Java body
 * inside it) receives a {@link DelegatingCoroutine}, which understands the coroutine objects {@link #coroutine}
 * makes and hands the delegate a coroutine object of its own for each. The primitives of the delegate pass
 * through unchanged unless a factory is overridden.
 */
public class DelegatingAsyncioModule implements AsyncioModule {
    protected final AsyncioModule delegate;

    public DelegatingAsyncioModule(AsyncioModule delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * A coroutine object whose body is Java code of the wrapper, for a changed coroutine method (say, a Lock's
     * {@code acquire()}). Like every coroutine object it runs only when awaited or wrapped in a task, and may be
     * started once; it may be used only in bodies run through a {@code DelegatingAsyncioModule}.
     *
     * @param qualname the Python name of the coroutine function it stands for, for messages ({@code Lock.acquire})
     */
    public static <T> Awaitable<T> coroutine(String qualname, CoroutineFunction<T> body) {
        return new DelegatingCoroutine.Pending<>(qualname, body);
    }

    @Override
    public <T> T run(CoroutineFunction<T> main) {
        return delegate.run(DelegatingCoroutine.wrap(main));
    }

    @Override public Lock lock() { return delegate.lock(); }
    @Override public Event event() { return delegate.event(); }
    @Override public Condition condition() { return delegate.condition(); }
    @Override public Condition condition(Lock lock) { return delegate.condition(lock); }
    @Override public Semaphore semaphore() { return delegate.semaphore(); }
    @Override public Semaphore semaphore(long value) { return delegate.semaphore(value); }
    @Override public BoundedSemaphore boundedSemaphore() { return delegate.boundedSemaphore(); }
    @Override public BoundedSemaphore boundedSemaphore(long value) { return delegate.boundedSemaphore(value); }
    @Override public Barrier barrier(long parties) { return delegate.barrier(parties); }
    @Override public Queue queue() { return delegate.queue(); }
    @Override public Queue queue(long maxsize) { return delegate.queue(maxsize); }
    @Override public Queue lifoQueue() { return delegate.lifoQueue(); }
    @Override public Queue lifoQueue(long maxsize) { return delegate.lifoQueue(maxsize); }
    @Override public Queue priorityQueue() { return delegate.priorityQueue(); }
    @Override public Queue priorityQueue(long maxsize) { return delegate.priorityQueue(maxsize); }
}
