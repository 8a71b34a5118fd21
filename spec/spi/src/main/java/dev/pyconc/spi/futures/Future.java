package dev.pyconc.spi.futures;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;

/**
 * {@code concurrent.futures.Future}: the eventual outcome of a call. A future is pending, then running, then
 * finished (with a result or an exception); a pending future may instead be cancelled.
 *
 * <p>Timeouts are seconds as {@code double}; {@code null} is None (wait without limit).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#future-objects">Future objects</a>
 */
public interface Future {
    /**
     * {@code cancel()}: tries to cancel the call. A running or finished future cannot be cancelled.
     *
     * @return False if the call is running or finished; True otherwise (the future is, or already was,
     *     cancelled)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.cancel">Future.cancel</a>
     */
    @Blocking
    boolean cancel();

    /**
     * {@code cancelled()}.
     *
     * @return True if the call was cancelled
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.cancelled">Future.cancelled</a>
     */
    boolean cancelled();

    /**
     * {@code running()}.
     *
     * @return True while the call is running (and so cannot be cancelled)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.running">Future.running</a>
     */
    boolean running();

    /**
     * {@code done()}.
     *
     * @return True once the call was cancelled or has finished
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.done">Future.done</a>
     */
    boolean done();

    /**
     * {@code result()}: waits without limit for the call, then returns its value.
     *
     * @return the call's return value (a plain value or an SPI object; null for None)
     * @throws dev.pyconc.spi.exceptions.CancelledError if the future was cancelled
     * @throws BaseException the exception the call raised
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.result">Future.result</a>
     */
    @Blocking
    Object result();

    /**
     * {@code result(timeout)}: waits up to {@code timeout} seconds for the call, then returns its value.
     *
     * @param timeout seconds; null (None) waits without limit
     * @return the call's return value
     * @throws dev.pyconc.spi.exceptions.TimeoutError if the call has not finished within the timeout
     * @throws dev.pyconc.spi.exceptions.CancelledError if the future was cancelled
     * @throws BaseException the exception the call raised
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.result">Future.result</a>
     */
    @Blocking
    Object result(Double timeout);

    /**
     * {@code exception()}: waits without limit for the call, then returns the exception it raised.
     *
     * @return the raised exception, or null (None) if the call returned normally
     * @throws dev.pyconc.spi.exceptions.CancelledError if the future was cancelled
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.exception">Future.exception</a>
     */
    @Blocking
    BaseException exception();

    /**
     * {@code exception(timeout)}.
     *
     * @param timeout seconds; null (None) waits without limit
     * @return the raised exception, or null (None) if the call returned normally
     * @throws dev.pyconc.spi.exceptions.TimeoutError if the call has not finished within the timeout
     * @throws dev.pyconc.spi.exceptions.CancelledError if the future was cancelled
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.exception">Future.exception</a>
     */
    @Blocking
    BaseException exception(Double timeout);

    /**
     * {@code add_done_callback(fn)}: calls {@code fn(future)} (one positional argument: this Future) when the
     * future is cancelled or finishes, or at once, in the calling thread, if it already has. Callbacks run in
     * the order they were added, in a thread of the process that added them; an {@code Exception} a callback
     * raises is logged and ignored.
     *
     * @param fn the callback; receives this future as {@code args.get(0)}
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.add_done_callback">Future.add_done_callback</a>
     */
    @Blocking
    void addDoneCallback(PyCallable fn);

    /**
     * {@code set_running_or_notify_cancel()}: for Executor implementations and tests, before running the call.
     *
     * @return False if the future was cancelled (its waiters are then woken); True if it is now running
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the future is already running or done (CPython also
     *     raises it for a cancelled future that was already notified)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.set_running_or_notify_cancel">Future.set_running_or_notify_cancel</a>
     */
    boolean setRunningOrNotifyCancel();

    /**
     * {@code set_result(result)}: for Executor implementations and tests; finishes the future with a value.
     *
     * @param result a plain value or SPI object; null for None
     * @throws dev.pyconc.spi.exceptions.InvalidStateError if the future is already done (3.8+)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.set_result">Future.set_result</a>
     */
    @Blocking
    void setResult(Object result);

    /**
     * {@code set_exception(exception)}: for Executor implementations and tests; finishes the future with an
     * exception.
     *
     * @param exception the exception {@link #result()} will raise
     * @throws dev.pyconc.spi.exceptions.InvalidStateError if the future is already done (3.8+)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future.set_exception">Future.set_exception</a>
     */
    @Blocking
    void setException(BaseException exception);
}
