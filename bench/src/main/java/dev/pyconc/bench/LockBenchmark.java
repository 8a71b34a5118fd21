package dev.pyconc.bench;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.threading.BoundedSemaphore;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uncontended acquire and release of {@code threading.Lock}, {@code RLock}, {@code Semaphore} and
 * {@code BoundedSemaphore}: one thread, nobody else touches the object, so the time is the fast path of each (a
 * compare-and-set or two, plus whatever bookkeeping the implementation adds). One operation is one acquire
 * followed by one release; JMH reports the average time per operation in nanoseconds ({@code ns/op}).
 *
 * <p>The Java counterparts are {@link ReentrantLock#lock()}/{@link ReentrantLock#unlock()} (for Lock and RLock:
 * the JDK has no lock without owner, and ReentrantLock's nonfair path is the usual yardstick) and
 * {@link java.util.concurrent.Semaphore#acquire()}/{@link java.util.concurrent.Semaphore#release()} (for both
 * semaphores: the JDK's has no bound). The reference's objects are created once per trial in {@link Reference}.
 * Rows: {@link BenchRows#LOCK}, {@link BenchRows#RLOCK}, {@link BenchRows#SEMAPHORE},
 * {@link BenchRows#BOUNDED_SEMAPHORE}; {@link ContendedLockBenchmark} runs the same methods with two threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LockBenchmark {
    /** The reference adapter of one trial and one object of each kind, made through its threading module. */
    @State(Scope.Benchmark)
    public static class Reference {
        Adapter adapter;
        Lock lock;
        RLock rlock;
        Semaphore semaphore;
        BoundedSemaphore boundedSemaphore;

        /** Creates the adapter and the objects. */
        @Setup(Level.Trial)
        public void setUp() {
            adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
            ThreadingModule threading = adapter.module(ThreadingModule.class);
            lock = threading.lock();
            rlock = threading.rlock();
            semaphore = threading.semaphore(1);
            boundedSemaphore = threading.boundedSemaphore(1);
        }

        /** Closes the adapter. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (adapter != null) {
                adapter.close();
            }
        }
    }

    /** The Java counterparts, one per trial. */
    @State(Scope.Benchmark)
    public static class Jdk {
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.Semaphore semaphore = new java.util.concurrent.Semaphore(1);
    }

    /** {@code lock.acquire(); lock.release()} on the reference's {@code threading.Lock}. */
    @Benchmark
    public boolean referenceLock(Reference r) {
        boolean got = r.lock.acquire();
        r.lock.release();
        return got;
    }

    /** {@code rlock.acquire(); rlock.release()} on the reference's {@code threading.RLock}. */
    @Benchmark
    public boolean referenceRLock(Reference r) {
        boolean got = r.rlock.acquire();
        r.rlock.release();
        return got;
    }

    /** {@code sem.acquire(); sem.release()} on the reference's {@code threading.Semaphore(1)}. */
    @Benchmark
    public boolean referenceSemaphore(Reference r) {
        boolean got = r.semaphore.acquire();
        r.semaphore.release();
        return got;
    }

    /** {@code sem.acquire(); sem.release()} on the reference's {@code threading.BoundedSemaphore(1)}. */
    @Benchmark
    public boolean referenceBoundedSemaphore(Reference r) {
        boolean got = r.boundedSemaphore.acquire();
        r.boundedSemaphore.release();
        return got;
    }

    /** {@code lock.lock(); lock.unlock()} on a nonfair {@link ReentrantLock}. */
    @Benchmark
    public boolean jdkReentrantLock(Jdk j) {
        j.lock.lock();
        j.lock.unlock();
        return true;
    }

    /** {@code semaphore.acquire(); semaphore.release()} on a nonfair {@code java.util.concurrent.Semaphore(1)}. */
    @Benchmark
    public boolean jdkSemaphore(Jdk j) throws InterruptedException {
        j.semaphore.acquire();
        j.semaphore.release();
        return true;
    }
}
