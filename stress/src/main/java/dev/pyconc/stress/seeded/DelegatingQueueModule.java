package dev.pyconc.stress.seeded;

import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;

/** A {@code queue} module that forwards every call to another one; seeded adapters override one factory. */
class DelegatingQueueModule implements QueueModule {
    final QueueModule d;

    DelegatingQueueModule(QueueModule d) {
        this.d = d;
    }

    @Override public Queue queue() { return d.queue(); }
    @Override public Queue queue(long maxsize) { return d.queue(maxsize); }
    @Override public Queue lifoQueue() { return d.lifoQueue(); }
    @Override public Queue lifoQueue(long maxsize) { return d.lifoQueue(maxsize); }
    @Override public Queue priorityQueue() { return d.priorityQueue(); }
    @Override public Queue priorityQueue(long maxsize) { return d.priorityQueue(maxsize); }
    @Override public SimpleQueue simpleQueue() { return d.simpleQueue(); }
}
