package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Contended acquire and release: two JMH threads share one {@code threading.Lock}, {@code RLock} or
 * {@code Semaphore(1)} and each acquires and releases it in a loop, nothing in between. One operation is one
 * acquire followed by one release by one thread; JMH reports the average time per operation of a thread in
 * nanoseconds ({@code ns/op}), so throughput is 2 / that. The time is dominated by how the implementation hands
 * the object over (spinning, barging, parking a thread and waking it), which is what issue 14's "contended Lock
 * throughput at least 0.8x ReentrantLock" measures. Neither thread can be left blocked at the end of an
 * iteration: each releases what it took before its next call returns.
 *
 * <p>The Java counterparts are a nonfair {@link ReentrantLock} and a nonfair
 * {@code java.util.concurrent.Semaphore(1)}. Rows: {@link BenchRows#LOCK_CONTENDED},
 * {@link BenchRows#RLOCK_CONTENDED}, {@link BenchRows#SEMAPHORE_CONTENDED}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class ContendedLockBenchmark {
    /** The reference adapter of one trial and the objects both threads share. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        Lock lock;
        RLock rlock;
        Semaphore semaphore;

        /** Creates the adapter and the objects. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            ThreadingModule threading = adapter.module(ThreadingModule.class);
            lock = threading.lock();
            rlock = threading.rlock();
            semaphore = threading.semaphore(1);
        }

        /** Closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** The Java counterparts both threads share. */
    @State(Scope.Benchmark)
    public static class Jdk {
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.Semaphore semaphore = new java.util.concurrent.Semaphore(1);
    }

    /** {@code lock.acquire(); lock.release()} on a shared reference {@code threading.Lock}, two threads. */
    @Benchmark
    public boolean referenceLock(Reference r) {
        boolean got = r.lock.acquire();
        r.lock.release();
        return got;
    }

    /** {@code rlock.acquire(); rlock.release()} on a shared reference {@code threading.RLock}, two threads. */
    @Benchmark
    public boolean referenceRLock(Reference r) {
        boolean got = r.rlock.acquire();
        r.rlock.release();
        return got;
    }

    /** {@code sem.acquire(); sem.release()} on a shared reference {@code threading.Semaphore(1)}, two threads. */
    @Benchmark
    public boolean referenceSemaphore(Reference r) {
        boolean got = r.semaphore.acquire();
        r.semaphore.release();
        return got;
    }

    /** {@code lock.lock(); lock.unlock()} on a shared nonfair {@link ReentrantLock}, two threads. */
    @Benchmark
    public boolean jdkReentrantLock(Jdk j) {
        j.lock.lock();
        j.lock.unlock();
        return true;
    }

    /** {@code semaphore.acquire(); semaphore.release()} on a shared nonfair {@code Semaphore(1)}, two threads. */
    @Benchmark
    public boolean jdkSemaphore(Jdk j) throws InterruptedException {
        j.semaphore.acquire();
        j.semaphore.release();
        return true;
    }
}
