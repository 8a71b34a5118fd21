package dev.pyconc.spi.threading;

/**
 * {@code threading.BoundedSemaphore}: a {@link Semaphore} whose {@code release} raises
 * {@link dev.pyconc.spi.exceptions.ValueError} if the counter would exceed its initial value.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#threading.BoundedSemaphore">BoundedSemaphore</a>
 */
public interface BoundedSemaphore extends Semaphore {}
