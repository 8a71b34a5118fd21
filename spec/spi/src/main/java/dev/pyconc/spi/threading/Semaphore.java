package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyContextManager;

/**
 * {@code threading.Semaphore}: a counter that {@code acquire} decrements (blocking at zero) and
 * {@code release} increments. As a context manager it acquires and releases one unit.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#semaphore-objects">Semaphore objects</a>
 */
public interface Semaphore extends PyContextManager {
    /** {@code acquire()}: blocks until the counter is positive, decrements it, returns true. */
    @Blocking
    boolean acquire();

    /** {@code acquire(blocking)}: with false, returns false at once instead of blocking. */
    @Blocking
    boolean acquire(boolean blocking);

    /**
     * {@code acquire(blocking, timeout)}.
     *
     * @param timeout seconds to wait at most; null (None) for no limit
     * @return true if acquired, false if not in time
     * @throws dev.pyconc.spi.exceptions.ValueError if blocking is false and timeout is not null
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Semaphore.acquire">Semaphore.acquire</a>
     */
    @Blocking
    boolean acquire(boolean blocking, Double timeout);

    /** {@code release()}: increments the counter by one, waking one waiter. */
    void release();

    /**
     * {@code release(n)} (Python 3.9+): increments the counter by n, waking up to n waiters.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if n is less than 1
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Semaphore.release">Semaphore.release</a>
     */
    void release(long n);
}
