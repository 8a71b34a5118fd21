package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.queue.Queue;

/**
 * {@link QueueOps} on a {@code queue.Queue(maxsize=2)} (FIFO order), checked against {@link QueueOps.FifoModel}.
 * https://docs.python.org/3/library/queue.html#queue.Queue
 */
public class QueueLincheck extends QueueOps {
    @Override
    protected Queue create() {
        return StressAdapter.get().module(QueueModule.class).queue(MAXSIZE);
    }
}
