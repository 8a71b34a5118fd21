package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Local;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * The other threading primitives a user expects in the table, each beside its closest {@code java.util.concurrent}
 * counterpart (issue 14 sets no target for them):
 * <ul>
 *   <li>{@code Event.wait()} on an Event that is already set (returns True at once) beside
 *       {@code new CountDownLatch(0).await()};</li>
 *   <li>one round of a {@code Barrier(2)}: this thread and a helper thread each call {@code wait()}; one
 *       operation is one round, beside {@code CyclicBarrier(2).await()};</li>
 *   <li>reading an attribute of a {@code threading.local} that this thread has set, beside
 *       {@code ThreadLocal.get()}.</li>
 * </ul>
 * JMH reports the average time per operation in nanoseconds ({@code ns/op}). The barrier's helper thread is
 * started per trial and loops on the barrier until the trial's tear-down breaks it ({@code abort()} or
 * {@code reset()}), then is joined with a deadline; the benchmark side waits with a timeout, so a dead helper ends
 * the run with an error instead of hanging it. Rows: {@link BenchRows#EVENT_WAIT}, {@link BenchRows#BARRIER_ROUND},
 * {@link BenchRows#LOCAL_GETATTR}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventBarrierLocalBenchmark {
    /** How long a benchmark-side barrier wait may take before the run gives up on its helper, seconds. */
    static final double BARRIER_TIMEOUT_SECONDS = 30;
    /** How long a tear-down waits for a helper thread to end, milliseconds. */
    static final long JOIN_MILLIS = 10_000;

    /** Creates a reference adapter (the caller closes it). */
    static Adapter newAdapter() {
        return new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
    }

    /** Joins {@code t} for at most {@link #JOIN_MILLIS}; throws if it is still alive then. */
    static void joinHelper(Thread t) throws InterruptedException {
        t.join(JOIN_MILLIS);
        if (t.isAlive()) {
            throw new IllegalStateException("the barrier helper thread did not end within " + JOIN_MILLIS + " ms");
        }
    }

    /** The reference adapter and an Event set at creation. */
    @State(Scope.Benchmark)
    public static class RefEventState {
        Adapter adapter;
        Event event;

        /** Creates the adapter and a set Event. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = newAdapter();
            event = adapter.module(ThreadingModule.class).event();
            event.set();
        }

        /** Closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** A latch already at zero. */
    @State(Scope.Benchmark)
    public static class JdkLatchState {
        final CountDownLatch latch = new CountDownLatch(0);
    }

    /** The reference adapter, a Barrier(2) and the helper thread that is the other party of every round. */
    @State(Scope.Benchmark)
    public static class RefBarrierState {
        Adapter adapter;
        Barrier barrier;
        Thread helper;
        volatile boolean stop;

        /** Creates the adapter and the barrier, and starts the helper. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = newAdapter();
            barrier = adapter.module(ThreadingModule.class).barrier(2);
            helper = new Thread(() -> {
                try {
                    while (!stop) {
                        barrier.await();
                    }
                } catch (RuntimeException broken) {
                    // BrokenBarrierError from the tear-down's abort(): the trial is over
                }
            }, "bench-barrier-helper");
            helper.setDaemon(true);
            helper.start();
        }

        /** Breaks the barrier (ending the helper), joins the helper, closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stop = true;
            try {
                barrier.abort();
                joinHelper(helper);
            } finally {
                adapter.close();
            }
        }
    }

    /** A CyclicBarrier(2) and its helper thread. */
    @State(Scope.Benchmark)
    public static class JdkBarrierState {
        final CyclicBarrier barrier = new CyclicBarrier(2);
        Thread helper;
        volatile boolean stop;

        /** Starts the helper. */
        @Setup(Level.Trial)
        public void setUp() {
            helper = new Thread(() -> {
                try {
                    while (!stop) {
                        barrier.await();
                    }
                } catch (BrokenBarrierException | InterruptedException broken) {
                    // the tear-down's reset(): the trial is over
                }
            }, "bench-cyclicbarrier-helper");
            helper.setDaemon(true);
            helper.start();
        }

        /** Breaks the barrier (ending the helper) and joins the helper. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stop = true;
            barrier.reset();
            joinHelper(helper);
        }
    }

    /** The reference adapter and a local whose attribute {@code x} the benchmark thread has set. */
    @State(Scope.Thread)
    public static class RefLocalState {
        Adapter adapter;
        Local local;

        /** Creates the adapter and the local, and sets {@code x} in this (the benchmark's) thread. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = newAdapter();
            local = adapter.module(ThreadingModule.class).local();
            local.setattr("x", 1L);
        }

        /** Closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** A ThreadLocal set in the benchmark's thread. */
    @State(Scope.Thread)
    public static class JdkLocalState {
        final ThreadLocal<Object> local = new ThreadLocal<>();

        /** Sets the value in this (the benchmark's) thread. */
        @Setup(Level.Trial)
        public void setUp() {
            local.set(1L);
        }
    }

    /** {@code event.wait()} on a set reference {@code threading.Event}: True at once. */
    @Benchmark
    public boolean referenceEventWait(RefEventState s) {
        return s.event.await();
    }

    /** {@code latch.await()} on a {@code CountDownLatch(0)}: returns at once. */
    @Benchmark
    public long jdkCountDownLatchAwait(JdkLatchState s) throws InterruptedException {
        s.latch.await();
        return s.latch.getCount();
    }

    /** One round of a reference {@code threading.Barrier(2)}: this thread's {@code wait()}, the helper's other. */
    @Benchmark
    public long referenceBarrierRound(RefBarrierState s) {
        return s.barrier.await(BARRIER_TIMEOUT_SECONDS);
    }

    /** One round of a {@code CyclicBarrier(2)}: this thread's {@code await}, the helper's other. */
    @Benchmark
    public int jdkCyclicBarrierRound(JdkBarrierState s)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        return s.barrier.await((long) BARRIER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** {@code local.x} on a reference {@code threading.local} this thread set. */
    @Benchmark
    public Object referenceLocalGetattr(RefLocalState s) {
        return s.local.getattr("x");
    }

    /** {@code threadLocal.get()} of a value this thread set. */
    @Benchmark
    public Object jdkThreadLocalGet(JdkLocalState s) {
        return s.local.get();
    }
}
