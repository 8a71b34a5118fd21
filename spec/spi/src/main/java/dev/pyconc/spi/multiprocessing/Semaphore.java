package dev.pyconc.spi.multiprocessing;

/**
 * {@code multiprocessing.Semaphore}: {@code threading.Semaphore}'s clone across processes. Its {@code acquire}'s
 * first argument is named {@code block}, and its {@code release()} takes no count (CPython).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Semaphore">Semaphore</a>
 */
public interface Semaphore extends dev.pyconc.spi.threading.Semaphore {
    /**
     * The counter's current value.
     *
     * @throws dev.pyconc.spi.exceptions.NotImplementedError where the platform lacks {@code sem_getvalue}
     */
    long getValue();

    /** Whether the counter is zero, so that a non-blocking acquire would fail. */
    boolean locked();
}
