package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code concurrent.futures.ThreadPoolExecutor(max_workers=2)} beside the JDK's fixed pool of two threads
 * ({@code new ThreadPoolExecutor(2, 2, 0, ms, new LinkedBlockingQueue<>())}, what
 * {@code Executors.newFixedThreadPool(2)} builds), each running a task that does nothing and returns None (null).
 *
 * <p>Two rows. {@link BenchRows#EXECUTOR_BATCH}: one invocation submits {@value #BATCH} tasks, then takes each
 * future's result in submission order; JMH divides by {@value #BATCH} ({@code @OperationsPerInvocation}), so the
 * time is per task, submit and result together, with the two workers running while the tasks are still being
 * submitted. {@link BenchRows#EXECUTOR_ROUND_TRIP}: one {@code submit(fn).result()}, the latency of handing one task
 * to an idle worker and waiting for its result (no target: it is mostly the cost of waking a parked thread).
 *
 * <p>Each executor is created once per trial (its two workers start with the first tasks) and shut down, waiting
 * for its workers, in {@code @TearDown}; the shutdown has a deadline, past which the trial fails (and, for the
 * reference, the adapter is closed, which wakes its blocked threads), so no thread outlives a trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExecutorBenchmark {
    /** Tasks one batch invocation submits (and waits for). */
    public static final int BATCH = 20_000;
    /** The number of worker threads of both pools. */
    public static final int WORKERS = 2;
    /** How long a tear-down waits for the workers to end. */
    static final long SHUTDOWN_DEADLINE_MS = 10_000;

    /** The task: {@code lambda: None}. */
    static final PyCallable NOOP = (args, kwargs) -> null;
    /** The Java task: returns null. */
    static final Callable<Object> JAVA_NOOP = () -> null;

    /** The reference adapter of one trial and its {@code ThreadPoolExecutor(max_workers=2)}. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        Executor pool;
        final Future[] futures = new Future[BATCH];

        /** Creates the reference adapter and the executor. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            pool = adapter.module(FuturesModule.class).threadPoolExecutor(ExecutorOptions.maxWorkers(WORKERS));
        }

        /**
         * {@code pool.shutdown(wait=True)} on a helper thread joined with a deadline, then closes the adapter; if the
         * shutdown is stuck, closing the adapter wakes the blocked workers, the helper is joined again, and the
         * trial fails.
         */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            Thread shutdown = null;
            if (pool != null) {
                shutdown = new Thread(() -> pool.shutdown(true, false), "ExecutorBenchmark-shutdown");
                shutdown.setDaemon(true);
                shutdown.start();
                shutdown.join(SHUTDOWN_DEADLINE_MS);
            }
            if (adapter != null) {
                adapter.close();
            }
            if (shutdown != null && shutdown.isAlive()) {
                shutdown.join(SHUTDOWN_DEADLINE_MS);
                throw new IllegalStateException("the reference executor's shutdown(wait=True) did not end in "
                        + SHUTDOWN_DEADLINE_MS + " ms");
            }
        }
    }

    /** The JDK's fixed pool of two threads, for one trial. */
    @State(Scope.Benchmark)
    public static class Jdk {
        ThreadPoolExecutor pool;
        @SuppressWarnings("unchecked")
        final java.util.concurrent.Future<Object>[] futures = new java.util.concurrent.Future[BATCH];

        /** Creates the pool ({@code Executors.newFixedThreadPool(2)}'s construction). */
        @Setup(Level.Trial)
        public void setUp() {
            pool = new ThreadPoolExecutor(WORKERS, WORKERS, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        }

        /** {@code shutdown()}, then waits for the workers with a deadline. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            pool.shutdown();
            if (!pool.awaitTermination(SHUTDOWN_DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("the JDK pool did not terminate in " + SHUTDOWN_DEADLINE_MS + " ms");
            }
        }
    }

    /** The reference: {@value #BATCH} times {@code submit(fn)}, then {@code result()} of each; time per task. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void referenceBatch(Reference r, Blackhole bh) {
        Future[] fs = r.futures;
        for (int i = 0; i < BATCH; i++) {
            fs[i] = r.pool.submit(NOOP);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(fs[i].result());
            fs[i] = null;
        }
    }

    /** The JDK: {@value #BATCH} times {@code submit(callable)}, then {@code get()} of each; time per task. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void jdkBatch(Jdk j, Blackhole bh) throws InterruptedException, ExecutionException {
        java.util.concurrent.Future<Object>[] fs = j.futures;
        for (int i = 0; i < BATCH; i++) {
            fs[i] = j.pool.submit(JAVA_NOOP);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(fs[i].get());
            fs[i] = null;
        }
    }

    /** The reference: one {@code submit(fn).result()}. */
    @Benchmark
    public Object referenceRoundTrip(Reference r) {
        return r.pool.submit(NOOP).result();
    }

    /** The JDK: one {@code submit(callable).get()}. */
    @Benchmark
    public Object jdkRoundTrip(Jdk j) throws InterruptedException, ExecutionException {
        return j.pool.submit(JAVA_NOOP).get();
    }
}
