package dev.pyconc.spi.support;

import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;

/**
 * A {@code queue} module that forwards every call to another. Extend it to change one piece of an existing
 * adapter: override the factory of that piece and use {@link #delegate} for the rest.
 */
public class DelegatingQueueModule implements QueueModule {
    protected final QueueModule delegate;

    public DelegatingQueueModule(QueueModule delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override public Queue queue() { return delegate.queue(); }
    @Override public Queue queue(long maxsize) { return delegate.queue(maxsize); }
    @Override public Queue lifoQueue() { return delegate.lifoQueue(); }
    @Override public Queue lifoQueue(long maxsize) { return delegate.lifoQueue(maxsize); }
    @Override public Queue priorityQueue() { return delegate.priorityQueue(); }
    @Override public Queue priorityQueue(long maxsize) { return delegate.priorityQueue(maxsize); }
    @Override public SimpleQueue simpleQueue() { return delegate.simpleQueue(); }
}
