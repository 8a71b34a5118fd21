package dev.pyconc.bench;

import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Threads;

/**
 * Contended acquire and release: {@link LockBenchmark}'s operations run by two JMH threads at once on the same
 * objects (its states are per benchmark, so both threads share one {@code threading.Lock}, {@code RLock},
 * {@code Semaphore(1)} or {@code BoundedSemaphore(1)}), each acquiring and releasing in a loop, nothing in between.
 * One operation is one acquire followed by one release by one thread; JMH reports the average time per operation
 * of a thread in nanoseconds ({@code ns/op}), so throughput is 2 / that. The time is dominated by how the
 * implementation hands the object over (spinning, barging, parking a thread and waking it), which is what issue
 * 14's "contended Lock throughput at least 0.8x ReentrantLock" measures. Neither thread can be left blocked at the
 * end of an iteration: each releases what it took before its next call returns.
 *
 * <p>The Java counterparts are a nonfair {@link ReentrantLock} and a nonfair
 * {@code java.util.concurrent.Semaphore(1)}. Rows: {@link BenchRows#LOCK_CONTENDED},
 * {@link BenchRows#RLOCK_CONTENDED}, {@link BenchRows#SEMAPHORE_CONTENDED},
 * {@link BenchRows#BOUNDED_SEMAPHORE_CONTENDED}.
 */
@Threads(2)
public class ContendedLockBenchmark extends LockBenchmark {}
