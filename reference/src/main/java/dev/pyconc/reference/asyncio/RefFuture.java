package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.AsyncioInvalidStateError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.TypeError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code asyncio.Future}, ported from {@code asyncio/futures.py}: pending, then finished with a result, an
 * exception, or cancelled; done callbacks are scheduled on the loop with {@code call_soon} (never called
 * directly). Awaiting it ({@link RefCoroutine#await}) suspends the awaiting task until it is done.
 *
 * <p>Not thread-safe, like Python's: it is used only by the thread that holds the loop's turn (the loop thread or
 * the body of the running task), and the hand-over of the turn orders those uses.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-future.html#asyncio.Future">asyncio.Future</a>
 */
public class RefFuture<T> implements Awaitable<T> {
    enum State {
        PENDING,
        CANCELLED,
        FINISHED
    }

    final RefEventLoop loop;
    State state = State.PENDING;
    private T result;
    private BaseException exception;
    /** {@code _cancel_message}. */
    String cancelMessage;
    /** {@code _cancelled_exc}: the CancelledError a task's coroutine raised, handed out once. */
    BaseException cancelledExc;
    /** {@code __log_traceback}: an exception was set and nobody has asked for it yet. */
    boolean logTraceback;
    private List<Consumer<? super RefFuture<T>>> callbacks = new ArrayList<>();

    /** A pending future of {@code loop} ({@code loop.create_future()}). */
    public RefFuture(RefEventLoop loop) {
        this.loop = loop;
    }

    /** {@code get_loop()}. */
    public RefEventLoop loop() {
        return loop;
    }

    /** {@code done()}: finished with a result or an exception, or cancelled. */
    public boolean done() {
        return state != State.PENDING;
    }

    /** {@code cancelled()}. */
    public boolean cancelled() {
        return state == State.CANCELLED;
    }

    /** {@code cancel()}: as {@link #cancel(String)} without a message. */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * {@code cancel(msg)}: if pending, becomes cancelled and schedules the done callbacks.
     *
     * @param msg the message a later {@link #result()} raises CancelledError with; null for none
     * @return false if already done
     */
    public boolean cancel(String msg) {
        logTraceback = false;
        if (state != State.PENDING) {
            return false;
        }
        state = State.CANCELLED;
        cancelMessage = msg;
        scheduleCallbacks();
        return true;
    }

    /**
     * {@code _make_cancelled_error()}: the saved CancelledError of a task's coroutine once, else a new one with the
     * cancel message ('' for none).
     */
    BaseException makeCancelledError() {
        if (cancelledExc != null) {
            BaseException e = cancelledExc;
            cancelledExc = null;
            return e;
        }
        return new AsyncioCancelledError(cancelMessage == null ? "" : cancelMessage);
    }

    /**
     * {@code result()}.
     *
     * @throws AsyncioCancelledError if cancelled
     * @throws AsyncioInvalidStateError "Result is not ready." if pending
     * @throws BaseException the exception set on it (the same object)
     */
    public T result() {
        if (state == State.CANCELLED) {
            throw makeCancelledError();
        }
        if (state != State.FINISHED) {
            throw new AsyncioInvalidStateError("Result is not ready.");
        }
        logTraceback = false;
        if (exception != null) {
            throw exception;
        }
        return result;
    }

    /**
     * {@code exception()}: the exception set on it, or null (None).
     *
     * @throws AsyncioCancelledError if cancelled
     * @throws AsyncioInvalidStateError "Exception is not set." if pending
     */
    public BaseException exception() {
        if (state == State.CANCELLED) {
            throw makeCancelledError();
        }
        if (state != State.FINISHED) {
            throw new AsyncioInvalidStateError("Exception is not set.");
        }
        logTraceback = false;
        return exception;
    }

    /**
     * {@code set_result(result)}.
     *
     * @throws AsyncioInvalidStateError if already done
     */
    public void setResult(T value) {
        if (state != State.PENDING) {
            throw new AsyncioInvalidStateError(state + ": " + this);
        }
        result = value;
        state = State.FINISHED;
        scheduleCallbacks();
    }

    /**
     * {@code set_exception(exc)}.
     *
     * @throws AsyncioInvalidStateError if already done
     * @throws TypeError for a StopIteration (as Python)
     */
    public void setException(BaseException exc) {
        if (state != State.PENDING) {
            throw new AsyncioInvalidStateError(state + ": " + this);
        }
        if (exc instanceof StopIteration) {
            throw new TypeError("StopIteration interacts badly with generators and cannot be raised into a Future");
        }
        exception = exc;
        state = State.FINISHED;
        scheduleCallbacks();
        logTraceback = true;
    }

    /** Schedules {@code fn(this)} with call_soon when done (at once, scheduled, if done already). */
    public void addDoneCallback(Consumer<? super RefFuture<T>> fn) {
        if (state != State.PENDING) {
            loop.callSoon(() -> fn.accept(this));
        } else {
            callbacks.add(fn);
        }
    }

    /** {@code remove_done_callback(fn)}: removes every registration of this very object; returns how many. */
    public int removeDoneCallback(Consumer<? super RefFuture<T>> fn) {
        int before = callbacks.size();
        callbacks.removeIf(c -> c == fn);
        return before - callbacks.size();
    }

    private void scheduleCallbacks() {
        List<Consumer<? super RefFuture<T>>> cbs = callbacks;
        callbacks = new ArrayList<>();
        for (Consumer<? super RefFuture<T>> cb : cbs) {
            loop.callSoon(() -> cb.accept(this));
        }
    }

    /** The exception set, without marking it retrieved (for the loop's own bookkeeping). */
    BaseException peekException() {
        return state == State.FINISHED ? exception : null;
    }

    /** Python's repr, roughly: {@code <Future pending>}, {@code <Future finished result=1>}. */
    @Override
    public String toString() {
        return "<" + getClass().getSimpleName().replaceFirst("^Ref", "") + " " + stateText() + ">";
    }

    String stateText() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            case FINISHED -> exception != null ? "finished exception=" + exception.getClass().getSimpleName()
                    + "('" + exception.getMessage() + "')" : "finished result=" + result;
        };
    }
}
