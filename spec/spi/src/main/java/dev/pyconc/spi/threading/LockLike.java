package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyContextManager;

/**
 * What {@link Lock} and {@link RLock} share, and what {@link ThreadingModule#condition(LockLike)} accepts.
 *
 * <p>As a context manager, {@code enter()} acquires (blocking) and closing releases.
 */
public interface LockLike extends PyContextManager {
    /** {@code acquire()}: blocks until acquired; returns true. */
    @Blocking
    boolean acquire();

    /**
     * {@code acquire(blocking)}.
     *
     * @param blocking false: return false at once instead of blocking
     * @return true if acquired
     */
    @Blocking
    boolean acquire(boolean blocking);

    /**
     * {@code acquire(blocking, timeout)}.
     *
     * @param blocking false: never block (then timeout must be -1)
     * @param timeout seconds to wait at most; -1 waits without limit
     * @return true if acquired, false if not acquired in time
     * @throws dev.pyconc.spi.exceptions.ValueError if blocking is false and timeout is not -1, or timeout is
     *     negative and not -1
     * @throws dev.pyconc.spi.exceptions.OverflowError if timeout exceeds {@link ThreadingModule#timeoutMax()}
     */
    @Blocking
    boolean acquire(boolean blocking, double timeout);

    /**
     * {@code release()}.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the lock is not held (for an RLock: not held by the
     *     calling thread)
     */
    void release();

    /** {@code locked()}: true if the lock is held by any thread (RLock: Python 3.14+). */
    boolean locked();
}
