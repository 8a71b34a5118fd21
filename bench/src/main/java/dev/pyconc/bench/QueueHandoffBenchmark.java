package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One producer, one consumer: items handed from one thread to another through a queue with blocking
 * {@code put} and {@code get}. One operation is one item; an invocation moves a batch of {@link #BATCH} items and
 * JMH divides its time by the batch ({@code @OperationsPerInvocation}), reporting nanoseconds per item.
 *
 * <p>The consumer is the benchmark's thread. The producer is a helper thread of the trial, the same for the
 * reference and the Java counterparts: it waits for a go (a {@link Semaphore} permit the consumer releases at the
 * start of each invocation), puts {@link #BATCH} items, and waits for the next go; the invocation ends when the
 * consumer has taken the batch's last item. If the producer fails it puts {@link #POISON}, on which the consumer
 * throws, so a broken producer cannot leave the consumer blocked; {@code @TearDown} stops the producer and joins it
 * with a deadline. The CPython script does the same with two Python threads.
 *
 * <p>Rows: {@link BenchRows#QUEUE_HANDOFF} ({@code Queue()} beside {@link LinkedBlockingQueue}),
 * {@link BenchRows#BOUNDED_QUEUE_HANDOFF} ({@code Queue(1024)} beside {@code ArrayBlockingQueue(1024)}) and
 * {@link BenchRows#SIMPLE_QUEUE_HANDOFF} ({@code SimpleQueue()} beside {@link LinkedBlockingQueue}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueHandoffBenchmark {
    /** Items per invocation. */
    public static final int BATCH = 10_000;
    /** Python's {@code Queue(1024)}, and {@code ArrayBlockingQueue}'s capacity. */
    public static final int BOUND = 1024;
    /** The item: Python's {@code 1}. */
    public static final Object ITEM = 1L;
    /** What a failing producer puts instead. */
    static final Object POISON = new Object();

    /** The producer thread of one trial, putting through {@code put}. */
    static final class Producer {
        private final Semaphore go = new Semaphore(0);
        private final Thread thread;
        private volatile boolean stop;
        private volatile Throwable failure;

        Producer(String name, Consumer<Object> put) {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        go.acquire();
                        if (stop) {
                            return;
                        }
                        for (int i = 0; i < BATCH; i++) {
                            put.accept(ITEM);
                        }
                    }
                } catch (Throwable t) {
                    failure = t;
                    if (!stop) {
                        put.accept(POISON);
                    }
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Lets the producer put one batch. */
        void go() {
            go.release();
        }

        /** Throws if {@code item} is the poison (the producer failed). */
        Object check(Object item) {
            if (item != ITEM) {
                throw new IllegalStateException("the producer failed", failure);
            }
            return item;
        }

        /** Stops the producer (which waits for a go between batches) and joins it, at most 10 s. */
        void stop() throws InterruptedException {
            stop = true;
            go.release();
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
                throw new IllegalStateException("the producer did not end: " + thread.getState());
            }
        }
    }

    /** The reference's queues, each with its producer. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        Queue unbounded;
        Queue bounded;
        SimpleQueue simple;
        Producer unboundedProducer;
        Producer boundedProducer;
        Producer simpleProducer;

        /** Creates the adapter, {@code Queue()}, {@code Queue(1024)}, {@code SimpleQueue()} and the producers. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            QueueModule queue = adapter.module(QueueModule.class);
            unbounded = queue.queue();
            bounded = queue.queue(BOUND);
            simple = queue.simpleQueue();
            unboundedProducer = new Producer("ref-queue-producer", unbounded::put);
            boundedProducer = new Producer("ref-queue1024-producer", bounded::put);
            simpleProducer = new Producer("ref-simplequeue-producer", simple::put);
        }

        /** Stops the producers, then closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            try {
                unboundedProducer.stop();
                boundedProducer.stop();
                simpleProducer.stop();
            } finally {
                adapter.close();
            }
        }
    }

    /** The Java counterparts, each with its producer. */
    @State(Scope.Benchmark)
    public static class Java {
        BlockingQueue<Object> linked;
        BlockingQueue<Object> array;
        Producer linkedProducer;
        Producer arrayProducer;

        /** Creates the queues and the producers. */
        @Setup(Level.Trial)
        public void setUp() {
            linked = new LinkedBlockingQueue<>();
            array = new ArrayBlockingQueue<>(BOUND);
            linkedProducer = new Producer("lbq-producer", item -> putUninterruptibly(linked, item));
            arrayProducer = new Producer("abq-producer", item -> putUninterruptibly(array, item));
        }

        /** Stops the producers. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            linkedProducer.stop();
            arrayProducer.stop();
        }

        private static void putUninterruptibly(BlockingQueue<Object> q, Object item) {
            try {
                q.put(item);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code Queue()}: a batch put by the producer, each item taken with {@code get()}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object referenceQueueHandoff(Reference r) {
        r.unboundedProducer.go();
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = r.unboundedProducer.check(r.unbounded.get());
        }
        return last;
    }

    /** {@code Queue(1024)}: a batch put by the producer (which blocks while the queue is full), taken with {@code get()}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object referenceBoundedQueueHandoff(Reference r) {
        r.boundedProducer.go();
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = r.boundedProducer.check(r.bounded.get());
        }
        return last;
    }

    /** {@code SimpleQueue()}: a batch put by the producer, each item taken with {@code get()}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object referenceSimpleQueueHandoff(Reference r) {
        r.simpleProducer.go();
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = r.simpleProducer.check(r.simple.get());
        }
        return last;
    }

    /** {@code LinkedBlockingQueue}: {@code put} by the producer, {@code take} here. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object javaLinkedBlockingQueueHandoff(Java j) throws InterruptedException {
        j.linkedProducer.go();
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = j.linkedProducer.check(j.linked.take());
        }
        return last;
    }

    /** {@code ArrayBlockingQueue(1024)}: {@code put} by the producer, {@code take} here. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object javaArrayBlockingQueueHandoff(Java j) throws InterruptedException {
        j.arrayProducer.go();
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = j.arrayProducer.check(j.array.take());
        }
        return last;
    }
}
