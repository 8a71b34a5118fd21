package dev.pyconc.spi.asyncio;

import dev.pyconc.spi.Blocking;

/**
 * {@code asyncio}: the part of it pyconc covers, the synchronization primitives and queues, with
 * {@link #run asyncio.run} to drive them (see {@link dev.pyconc.spi.asyncio} for the model). The factories may be
 * called inside or outside a running loop; a primitive binds to the loop that first uses it and raises
 * RuntimeError when used from another.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html">Synchronization Primitives</a>
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html">Queues</a>
 */
public interface AsyncioModule {
    /**
     * {@code asyncio.run(main())}: makes a new event loop, runs {@code main} as its main task until it is done,
     * cancels the tasks still pending, then closes the loop. Returns on the calling thread once all that is over.
     *
     * @return what {@code main} returned
     * @throws dev.pyconc.spi.exceptions.BaseException what {@code main} raised (a Java throwable that is not a
     *     Python exception comes out unchanged)
     * @throws dev.pyconc.spi.exceptions.RuntimeError if a loop is already running in the calling thread
     * @see <a href="https://docs.python.org/3/library/asyncio-runner.html#asyncio.run">asyncio.run</a>
     */
    @Blocking
    <T> T run(CoroutineFunction<T> main);

    /** {@code asyncio.Lock()}: unlocked. */
    Lock lock();

    /** {@code asyncio.Event()}: not set. */
    Event event();

    /** {@code asyncio.Condition()}: over a new Lock of its own. */
    Condition condition();

    /**
     * {@code asyncio.Condition(lock)}: over the given lock.
     *
     * @param lock an asyncio Lock of this adapter; null (None) makes a new one
     */
    Condition condition(Lock lock);

    /** {@code asyncio.Semaphore()}: one unit. */
    Semaphore semaphore();

    /**
     * {@code asyncio.Semaphore(value)}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if value is negative
     */
    Semaphore semaphore(long value);

    /** {@code asyncio.BoundedSemaphore()}: one unit, and never more. */
    BoundedSemaphore boundedSemaphore();

    /**
     * {@code asyncio.BoundedSemaphore(value)}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if value is negative
     */
    BoundedSemaphore boundedSemaphore(long value);

    /**
     * {@code asyncio.Barrier(parties)} (Python 3.11+).
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if parties is less than 1
     */
    Barrier barrier(long parties);

    /** {@code asyncio.Queue()}: unbounded, first in first out. */
    Queue queue();

    /** {@code asyncio.Queue(maxsize)}: at most maxsize items; 0 or less means unbounded. */
    Queue queue(long maxsize);

    /** {@code asyncio.LifoQueue()}: unbounded, last in first out. */
    Queue lifoQueue();

    /** {@code asyncio.LifoQueue(maxsize)}. */
    Queue lifoQueue(long maxsize);

    /** {@code asyncio.PriorityQueue()}: unbounded, smallest item first. */
    Queue priorityQueue();

    /** {@code asyncio.PriorityQueue(maxsize)}. */
    Queue priorityQueue(long maxsize);
}
