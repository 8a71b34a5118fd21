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
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Event event() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Condition condition() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Condition condition(Lock lock) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Semaphore semaphore() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Semaphore semaphore(long value) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public BoundedSemaphore boundedSemaphore() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public BoundedSemaphore boundedSemaphore(long value) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Barrier barrier(long parties) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue queue() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue queue(long maxsize) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue lifoQueue() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue lifoQueue(long maxsize) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue priorityQueue() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue priorityQueue(long maxsize) {
        throw new UnsupportedOperationException("stub");
    }
}
