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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The reference's {@code asyncio}: {@link RefEventLoop#run} and the primitives' and queues' constructors. */
public final class RefAsyncioModule implements AsyncioModule {
    /** The loops running now ({@code asyncio.run} calls not yet returned), for {@link #endCase} and dumps. */
    private final Set<RefEventLoop> loops = ConcurrentHashMap.newKeySet();

    @Override
    public <T> T run(CoroutineFunction<T> main) {
        return RefEventLoop.run(main, loops);
    }

    /**
     * After a case: stops every loop the case left running (a case that timed out) and joins its body threads.
     *
     * @throws IllegalStateException naming the body threads still alive after {@code nanos}
     */
    public void endCase(long nanos) {
        long deadline = System.nanoTime() + nanos;
        List<String> alive = new ArrayList<>();
        for (RefEventLoop l : List.copyOf(loops)) {
            alive.addAll(l.stopAndJoin("the case ended while the loop ran", Math.max(0, deadline - System.nanoTime())));
        }
        if (!alive.isEmpty()) {
            throw new IllegalStateException("asyncio task threads still alive after the case: " + alive);
        }
    }

    /** For thread dumps: each running loop and its live tasks, with the stack of each body. */
    public String dumpTasks() {
        StringBuilder sb = new StringBuilder();
        for (RefEventLoop l : List.copyOf(loops)) {
            sb.append(l.dumpTasks());
        }
        return sb.toString();
    }

    @Override
    public Lock lock() {
        return new RefLock();
    }

    @Override
    public Event event() {
        return new RefEvent();
    }

    @Override
    public Condition condition() {
        return new RefCondition(null);
    }

    @Override
    public Condition condition(Lock lock) {
        return new RefCondition(lock);
    }

    @Override
    public Semaphore semaphore() {
        return new RefSemaphore(1);
    }

    @Override
    public Semaphore semaphore(long value) {
        return new RefSemaphore(value);
    }

    @Override
    public BoundedSemaphore boundedSemaphore() {
        return new RefBoundedSemaphore(1);
    }

    @Override
    public BoundedSemaphore boundedSemaphore(long value) {
        return new RefBoundedSemaphore(value);
    }

    @Override
    public Barrier barrier(long parties) {
        return new RefBarrier(parties);
    }

    @Override
    public Queue queue() {
        return new RefQueue(0);
    }

    @Override
    public Queue queue(long maxsize) {
        return new RefQueue(maxsize);
    }

    @Override
    public Queue lifoQueue() {
        return new RefLifoQueue(0);
    }

    @Override
    public Queue lifoQueue(long maxsize) {
        return new RefLifoQueue(maxsize);
    }

    @Override
    public Queue priorityQueue() {
        return new RefPriorityQueue(0);
    }

    @Override
    public Queue priorityQueue(long maxsize) {
        return new RefPriorityQueue(maxsize);
    }
}
