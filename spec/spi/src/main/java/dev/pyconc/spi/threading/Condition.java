package dev.pyconc.spi.threading;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyContextManager;
import java.util.function.Supplier;

/**
 * {@code threading.Condition}: a condition variable bound to a lock.
 *
 * <p>Python's {@code wait}, {@code notify} and {@code notify_all} are {@code await}, {@code signal} and
 * {@code signalAll} here (see {@link dev.pyconc.spi}). As a context manager it acquires and releases the
 * underlying lock.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#condition-objects">Condition objects</a>
 */
public interface Condition extends PyContextManager {
    /** {@code acquire()}: acquires the underlying lock, as its {@code acquire()} does. */
    @Blocking
    boolean acquire();

    /** {@code acquire(blocking)}: the underlying lock's {@code acquire(blocking)}. */
    @Blocking
    boolean acquire(boolean blocking);

    /**
     * {@code acquire(blocking, timeout)}: the underlying lock's, with its exceptions.
     *
     * @param timeout seconds; -1 for no limit
     */
    @Blocking
    boolean acquire(boolean blocking, double timeout);

    /** {@code release()}: releases the underlying lock, with its exceptions. */
    void release();

    /** {@code locked()} (Python 3.14+): whether the underlying lock is held. */
    boolean locked();

    /**
     * {@code wait()}: releases the lock, blocks until notified, re-acquires the lock.
     *
     * @return true
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Condition.wait">Condition.wait</a>
     */
    @Blocking
    boolean await();

    /**
     * {@code wait(timeout)}.
     *
     * @param timeout seconds to wait at most; null (None) waits without limit
     * @return false if the timeout expired, true otherwise
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     */
    @Blocking
    boolean await(Double timeout);

    /**
     * {@code wait_for(predicate)}: waits until the predicate is true; the predicate is called with the lock
     * held, first before any wait.
     *
     * @param predicate returns a plain value judged by Python truthiness
     * @return the predicate's last value
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Condition.wait_for">Condition.wait_for</a>
     */
    @Blocking
    Object waitFor(Supplier<Object> predicate);

    /**
     * {@code wait_for(predicate, timeout)}.
     *
     * @param timeout seconds in all; null (None) for no limit
     * @return the predicate's last value (falsy if the timeout expired)
     */
    @Blocking
    Object waitFor(Supplier<Object> predicate, Double timeout);

    /**
     * {@code notify()}: wakes one waiting thread, if any.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Condition.notify">Condition.notify</a>
     */
    void signal();

    /**
     * {@code notify(n)}: wakes at most n waiting threads.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     */
    void signal(long n);

    /**
     * {@code notify_all()}: wakes every waiting thread.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Condition.notify_all">Condition.notify_all</a>
     */
    void signalAll();

    /**
     * {@code notifyAll()}: the deprecated camelCase alias of {@code notify_all()} (deprecated since Python 3.10,
     * still present in 3.14). The Java name is the Python name plus {@code Alias} (see {@link dev.pyconc.spi}).
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the calling thread does not hold the lock
     * @throws UnsupportedOperationException if the adapter does not implement the alias (the default)
     * @see <a href="https://docs.python.org/3/library/threading.html#threading.Condition.notify_all">Condition.notify_all</a>
     */
    default void notifyAllAlias() {
        throw new UnsupportedOperationException("this adapter does not implement Condition.notifyAll (the alias)");
    }
}
