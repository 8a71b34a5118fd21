package dev.pyconc.spi.queue;

/**
 * The {@code queue} module's constructors. A maxsize of zero or less means unbounded.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html">queue</a>
 */
public interface QueueModule {
    /** {@code queue.Queue()}: FIFO, unbounded. */
    Queue queue();

    /** {@code queue.Queue(maxsize)}: FIFO, at most maxsize items (unbounded if maxsize &lt;= 0). */
    Queue queue(long maxsize);

    /** {@code queue.LifoQueue()}. */
    Queue lifoQueue();

    /** {@code queue.LifoQueue(maxsize)}: last in, first out. */
    Queue lifoQueue(long maxsize);

    /** {@code queue.PriorityQueue()}. */
    Queue priorityQueue();

    /** {@code queue.PriorityQueue(maxsize)}: lowest item first (Python {@code <} ordering). */
    Queue priorityQueue(long maxsize);

    /** {@code queue.SimpleQueue()} (Python 3.7+): unbounded FIFO without task tracking. */
    SimpleQueue simpleQueue();
}
