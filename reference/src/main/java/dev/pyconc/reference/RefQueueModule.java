package dev.pyconc.reference;

import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;

/** The reference {@code queue} module. */
final class RefQueueModule implements QueueModule {
    private final RefContext ctx;

    RefQueueModule(RefContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Queue queue() {
        return queue(0);
    }

    @Override
    public Queue queue(long maxsize) {
        return new RefQueue(ctx, maxsize, Stores.fifo(), "queue.Queue");
    }

    @Override
    public Queue lifoQueue() {
        return lifoQueue(0);
    }

    @Override
    public Queue lifoQueue(long maxsize) {
        return new RefQueue(ctx, maxsize, Stores.lifo(), "queue.LifoQueue");
    }

    @Override
    public Queue priorityQueue() {
        return priorityQueue(0);
    }

    @Override
    public Queue priorityQueue(long maxsize) {
        return new RefQueue(ctx, maxsize, Stores.heap(), "queue.PriorityQueue");
    }

    @Override
    public SimpleQueue simpleQueue() {
        return new RefSimpleQueue(ctx);
    }
}
