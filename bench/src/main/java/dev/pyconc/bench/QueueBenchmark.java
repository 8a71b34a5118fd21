package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The queue classes without blocking, one thread: one operation is {@code q.put_nowait(item)} followed by
 * {@code q.get_nowait()} on a queue that is empty before and after it, so the time is each class's own
 * bookkeeping (its lock, its conditions, its storage) with nobody waiting. JMH reports the average time per
 * operation in nanoseconds. The item is the Python int 1 (a {@code Long}); a PriorityQueue of one item never
 * compares, so its row times the heap's push and pop on a heap of size 0 and 1.
 *
 * <p>Each Java counterpart is the {@code java.util.concurrent} class an embedder would reach for, with its
 * non-blocking pair ({@code offer} + {@code poll}, or {@code offerFirst} + {@code pollFirst} for LIFO order). The
 * rows are {@link BenchRows#QUEUE_NOWAIT}, {@link BenchRows#SIMPLE_QUEUE_NOWAIT}, {@link BenchRows#LIFO_QUEUE_NOWAIT}
 * and {@link BenchRows#PRIORITY_QUEUE_NOWAIT}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueBenchmark {
    /** The item every operation moves: Python's {@code 1}. */
    public static final Object ITEM = 1L;

    /** The reference adapter of one trial and one queue of each class. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        Queue fifo;
        Queue lifo;
        Queue priority;
        SimpleQueue simple;

        /** Creates the adapter and {@code Queue()}, {@code LifoQueue()}, {@code PriorityQueue()}, {@code SimpleQueue()}. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            QueueModule queue = adapter.module(QueueModule.class);
            fifo = queue.queue();
            lifo = queue.lifoQueue();
            priority = queue.priorityQueue();
            simple = queue.simpleQueue();
        }

        /** Closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** The Java counterparts, one of each. */
    @State(Scope.Benchmark)
    public static class Java {
        final ArrayBlockingQueue<Object> arrayBlocking = new ArrayBlockingQueue<>(1024);
        final ConcurrentLinkedQueue<Object> concurrentLinked = new ConcurrentLinkedQueue<>();
        final LinkedBlockingDeque<Object> linkedDeque = new LinkedBlockingDeque<>();
        final PriorityBlockingQueue<Object> priority = new PriorityBlockingQueue<>();
    }

    /** {@code Queue().put_nowait(1); get_nowait()} on the reference. */
    @Benchmark
    public Object referenceQueueNowait(Reference r) {
        r.fifo.putNowait(ITEM);
        return r.fifo.getNowait();
    }

    /** {@code ArrayBlockingQueue(1024).offer(1); poll()}. */
    @Benchmark
    public Object javaArrayBlockingQueueOfferPoll(Java j) {
        j.arrayBlocking.offer(ITEM);
        return j.arrayBlocking.poll();
    }

    /** {@code SimpleQueue().put_nowait(1); get_nowait()} on the reference. */
    @Benchmark
    public Object referenceSimpleQueueNowait(Reference r) {
        r.simple.putNowait(ITEM);
        return r.simple.getNowait();
    }

    /** {@code ConcurrentLinkedQueue.offer(1); poll()}. */
    @Benchmark
    public Object javaConcurrentLinkedQueueOfferPoll(Java j) {
        j.concurrentLinked.offer(ITEM);
        return j.concurrentLinked.poll();
    }

    /** {@code LifoQueue().put_nowait(1); get_nowait()} on the reference. */
    @Benchmark
    public Object referenceLifoQueueNowait(Reference r) {
        r.lifo.putNowait(ITEM);
        return r.lifo.getNowait();
    }

    /** {@code LinkedBlockingDeque.offerFirst(1); pollFirst()}. */
    @Benchmark
    public Object javaLinkedBlockingDequeOfferPollFirst(Java j) {
        j.linkedDeque.offerFirst(ITEM);
        return j.linkedDeque.pollFirst();
    }

    /** {@code PriorityQueue().put_nowait(1); get_nowait()} on the reference. */
    @Benchmark
    public Object referencePriorityQueueNowait(Reference r) {
        r.priority.putNowait(ITEM);
        return r.priority.getNowait();
    }

    /** {@code PriorityBlockingQueue.offer(1); poll()}. */
    @Benchmark
    public Object javaPriorityBlockingQueueOfferPoll(Java j) {
        j.priority.offer(ITEM);
        return j.priority.poll();
    }
}
