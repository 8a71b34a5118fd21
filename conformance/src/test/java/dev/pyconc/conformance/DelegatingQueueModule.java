package dev.pyconc.conformance;

import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;

/** A {@code queue} module that forwards every call to another; broken adapters override one factory. */
class DelegatingQueueModule implements QueueModule {
    protected final QueueModule d;

    DelegatingQueueModule(QueueModule delegate) {
        this.d = delegate;
    }

    @Override public Queue queue() { return d.queue(); }
    @Override public Queue queue(long maxsize) { return d.queue(maxsize); }
    @Override public Queue lifoQueue() { return d.lifoQueue(); }
    @Override public Queue lifoQueue(long maxsize) { return d.lifoQueue(maxsize); }
    @Override public Queue priorityQueue() { return d.priorityQueue(); }
    @Override public Queue priorityQueue(long maxsize) { return d.priorityQueue(maxsize); }
    @Override public SimpleQueue simpleQueue() { return d.simpleQueue(); }
}
