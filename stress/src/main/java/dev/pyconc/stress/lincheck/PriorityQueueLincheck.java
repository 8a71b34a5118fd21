package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.queue.Queue;

/**
 * {@link QueueOps} on a {@code queue.PriorityQueue(maxsize=2)} (smallest-first order), checked against {@link QueueOps.PriorityModel}.
 * https://docs.python.org/3/library/queue.html#queue.PriorityQueue
 */
public class PriorityQueueLincheck extends QueueOps {
    @Override
    protected Queue create() {
        return StressAdapter.get().module(QueueModule.class).priorityQueue(MAXSIZE);
    }
}
