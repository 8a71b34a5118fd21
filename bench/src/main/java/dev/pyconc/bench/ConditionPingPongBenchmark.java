package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * Two threads taking turns through one condition variable: the benchmark's thread gives the turn to a helper
 * thread and waits until the helper gives it back. One operation is one round trip (two hand-overs, each a
 * notify and a wake-up of a thread blocked in wait); an invocation makes {@link #ROUNDS} of them and JMH reports
 * nanoseconds per round trip.
 *
 * <p>Both sides keep the turn in a field guarded by the condition's lock; each waits in a loop until the turn is
 * its own ({@code while turn != me: cond.wait()}), sets the turn to the other side and notifies once. The reference
 * uses {@code threading.Condition()} (over a new RLock, Python's default), the Java counterpart a
 * {@link ReentrantLock} and its {@link java.util.concurrent.locks.Condition}. The helper holds the lock except
 * while it waits; if it fails it records why and hands the turn back, and the benchmark's thread throws. The
 * trial's {@code @TearDown} tells the helper to stop (under the lock, with a notify) and joins it with a deadline.
 * The row is {@link BenchRows#CONDITION_PING_PONG}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionPingPongBenchmark {
    /** Round trips per invocation. */
    public static final int ROUNDS = 100;

    private static void join(Thread t) throws InterruptedException {
        t.join(10_000);
        if (t.isAlive()) {
            t.interrupt();
            throw new IllegalStateException("the helper did not end: " + t.getState());
        }
    }

    /** The reference's {@code threading.Condition()}, the turn and the helper thread. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        Condition cond;
        boolean helperTurn; // guarded by cond
        boolean stop; // guarded by cond
        volatile Throwable failure;
        Thread helper;

        /** Creates the adapter, the condition and starts the helper. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            cond = adapter.module(ThreadingModule.class).condition();
            helper = new Thread(() -> {
                cond.acquire();
                try {
                    while (true) {
                        while (!helperTurn && !stop) {
                            cond.await();
                        }
                        if (stop) {
                            return;
                        }
                        helperTurn = false;
                        cond.signal();
                    }
                } catch (Throwable t) {
                    failure = t;
                    helperTurn = false;
                    cond.signal();
                } finally {
                    cond.release();
                }
            }, "ref-pingpong-helper");
            helper.setDaemon(true);
            helper.start();
        }

        /** Stops and joins the helper, then closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            try {
                cond.acquire();
                try {
                    stop = true;
                    cond.signalAll();
                } finally {
                    cond.release();
                }
                join(helper);
            } finally {
                adapter.close();
            }
        }
    }

    /** A {@link ReentrantLock}, its condition, the turn and the helper thread. */
    @State(Scope.Benchmark)
    public static class Java {
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.locks.Condition cond = lock.newCondition();
        boolean helperTurn; // guarded by lock
        boolean stop; // guarded by lock
        volatile Throwable failure;
        Thread helper;

        /** Starts the helper. */
        @Setup(Level.Trial)
        public void setUp() {
            helper = new Thread(() -> {
                lock.lock();
                try {
                    while (true) {
                        while (!helperTurn && !stop) {
                            cond.awaitUninterruptibly();
                        }
                        if (stop) {
                            return;
                        }
                        helperTurn = false;
                        cond.signal();
                    }
                } catch (Throwable t) {
                    failure = t;
                    helperTurn = false;
                    cond.signal();
                } finally {
                    lock.unlock();
                }
            }, "juc-pingpong-helper");
            helper.setDaemon(true);
            helper.start();
        }

        /** Stops and joins the helper. */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            lock.lock();
            try {
                stop = true;
                cond.signalAll();
            } finally {
                lock.unlock();
            }
            join(helper);
        }
    }

    /** {@code with cond: turn = OTHER; cond.notify(); while turn != ME: cond.wait()}, {@link #ROUNDS} times. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public boolean referencePingPong(Reference r) {
        for (int i = 0; i < ROUNDS; i++) {
            r.cond.acquire();
            try {
                r.helperTurn = true;
                r.cond.signal();
                while (r.helperTurn) {
                    r.cond.await();
                }
                if (r.failure != null) {
                    throw new IllegalStateException("the helper failed", r.failure);
                }
            } finally {
                r.cond.release();
            }
        }
        return r.helperTurn;
    }

    /** The same with {@code lock.lock(); cond.signal(); cond.awaitUninterruptibly()}, {@link #ROUNDS} times. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public boolean javaPingPong(Java j) {
        for (int i = 0; i < ROUNDS; i++) {
            j.lock.lock();
            try {
                j.helperTurn = true;
                j.cond.signal();
                while (j.helperTurn) {
                    j.cond.awaitUninterruptibly();
                }
                if (j.failure != null) {
                    throw new IllegalStateException("the helper failed", j.failure);
                }
            } finally {
                j.lock.unlock();
            }
        }
        return j.helperTurn;
    }
}
