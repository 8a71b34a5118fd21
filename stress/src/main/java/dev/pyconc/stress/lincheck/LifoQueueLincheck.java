package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.queue.Queue;

/**
 * {@link QueueOps} on a {@code queue.LifoQueue(maxsize=2)} (LIFO order), checked against {@link QueueOps.LifoModel}.
 * https://docs.python.org/3/library/queue.html#queue.LifoQueue
 */
public class LifoQueueLincheck extends QueueOps {
    @Override
    protected Queue create() {
        return StressAdapter.get().module(QueueModule.class).lifoQueue(MAXSIZE);
    }
}
