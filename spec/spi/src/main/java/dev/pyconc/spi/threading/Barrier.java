package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
/**
 * {@code threading.Barrier}: a fixed number of parties wait until all have arrived. Python's {@code wait}
 * is {@code await} here.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#barrier-objects">Barrier objects</a>
 */
public interface Barrier {
    /**
     * {@code wait()}: waits until all parties have called it, using the barrier's default timeout.
     *
     * @return an index in 0..parties-1, different for each party of one round
     * @throws dev.pyconc.spi.exceptions.BrokenBarrierError if the barrier is or becomes broken, is reset
     *     while waiting, the action raises, or the default timeout expires
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Barrier.wait">Barrier.wait</a>
     */
    @Blocking
    long await();

    /**
     * {@code wait(timeout)}.
     *
     * @param timeout seconds; null (None) means the barrier's default timeout
     * @throws dev.pyconc.spi.exceptions.BrokenBarrierError as {@link #await()}, and when the timeout expires
     */
    @Blocking
    long await(Double timeout);

    /** {@code reset()}: back to the empty state; current waiters get BrokenBarrierError. */
    @Blocking
    void reset();

    /** {@code abort()}: breaks the barrier; current and future waiters get BrokenBarrierError. */
    @Blocking
    void abort();

    /** {@code parties}: the number of threads needed to pass. */
    long parties();

    /** {@code n_waiting}: the number of threads waiting now. */
    long nWaiting();

    /** {@code broken}: whether the barrier is broken. */
    boolean broken();
}
