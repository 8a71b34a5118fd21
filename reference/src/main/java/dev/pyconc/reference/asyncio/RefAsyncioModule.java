package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Barrier;
import dev.pyconc.spi.asyncio.BoundedSemaphore;
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Semaphore;

/** The reference's {@code asyncio}: {@link RefEventLoop#run} and the primitives' and queues' constructors. */
public final class RefAsyncioModule implements AsyncioModule {
    @Override
    public <T> T run(CoroutineFunction<T> main) {
        return RefEventLoop.run(main);
    }

    @Override
    public Lock lock() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Event event() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Condition condition() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Condition condition(Lock lock) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Semaphore semaphore() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Semaphore semaphore(long value) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public BoundedSemaphore boundedSemaphore() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public BoundedSemaphore boundedSemaphore(long value) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Barrier barrier(long parties) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue queue() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue queue(long maxsize) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue lifoQueue() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue lifoQueue(long maxsize) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue priorityQueue() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue priorityQueue(long maxsize) {
        throw new UnsupportedOperationException("stub");
    }
}
