package dev.pyconc.spi.multiprocessing;

/**
 * {@code multiprocessing.BoundedSemaphore}: a {@link Semaphore} whose {@code release()} raises ValueError above
 * the initial value.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.BoundedSemaphore">BoundedSemaphore</a>
 */
public interface BoundedSemaphore extends Semaphore, dev.pyconc.spi.threading.BoundedSemaphore {}
