package dev.pyconc.reference.futures;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.CancelledError;
import dev.pyconc.spi.exceptions.InvalidStateError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.futures.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.ThreadingModule;

/**
 * {@code concurrent.futures.Future}, following CPython's design: a state machine (pending, running, cancelled,
 * cancelled and notified, finished) guarded by one condition, a list of done-callbacks, and a list of
 * {@link Waiter}s that {@code wait} and {@code as_completed} install.
 *
 * <p>As in CPython, {@code cancel()} alone moves the future to "cancelled" and wakes {@code result()} and
 * {@code exception()}, but the waiters of {@code wait}/{@code as_completed} only hear of it once
 * {@code set_running_or_notify_cancel()} runs (an executor does that when the call's turn comes).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#future-objects">Future objects</a>
 */
public final class RefFuture implements Future {
    enum State { PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED }

    private static final AtomicLong SEQ = new AtomicLong();

    /** Order in which {@code wait}/{@code as_completed} lock several futures (avoids lock-order deadlocks). */
    final long seq = SEQ.incrementAndGet();
    /** CPython's {@code _condition}: a {@code threading.Condition} of the adapter's threading module. */
    final Condition changed;
    State state = State.PENDING;
    private Object result;
    private BaseException exception;
    private final List<PyCallable> callbacks = new ArrayList<>();
    final List<Waiter> waiters = new ArrayList<>();

    /** A new pending future whose condition comes from {@code threading}. */
    public RefFuture(ThreadingModule threading) {
        this.changed = threading.condition();
    }

    boolean finishedOrNotified() {
        return state == State.FINISHED || state == State.CANCELLED_AND_NOTIFIED;
    }

    private void invokeCallbacks() {
        List<PyCallable> cbs;
        changed.acquire();
        try {
            cbs = new ArrayList<>(callbacks);
        } finally {
            changed.release();
        }
        for (PyCallable cb : cbs) {
            callOne(cb);
        }
    }

    /** Calls one callback; an Exception it raises is logged and ignored, as CPython does. */
    private void callOne(PyCallable cb) {
        try {
            cb.call(List.of(this), Map.of());
        } catch (PyException e) {
            RefLog.exception("concurrent.futures", "exception calling callback for " + this, e);
        }
    }

    @Override
    public boolean cancel() {
        changed.acquire();
        try {
            if (state == State.RUNNING || state == State.FINISHED) {
                return false;
            }
            if (state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED) {
                return true;
            }
            state = State.CANCELLED;
            changed.signalAll();
        } finally {
            changed.release();
        }
        invokeCallbacks();
        return true;
    }

    @Override
    public boolean cancelled() {
        changed.acquire();
        try {
            return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED;
        } finally {
            changed.release();
        }
    }

    @Override
    public boolean running() {
        changed.acquire();
        try {
            return state == State.RUNNING;
        } finally {
            changed.release();
        }
    }

    @Override
    public boolean done() {
        changed.acquire();
        try {
            return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED || state == State.FINISHED;
        } finally {
            changed.release();
        }
    }

    /** Waits (condition held) until done or the timeout (seconds; null: none) passes; true if done. */
    private boolean awaitDone(Double timeout) {
        if (timeout == null) {
            while (!isDoneLocked()) {
                changed.await();
            }
            return true;
        }
        long deadline = System.nanoTime() + toNanos(timeout);
        while (!isDoneLocked()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            changed.await(left / 1e9);
        }
        return isDoneLocked();
    }

    static long toNanos(double seconds) {
        if (seconds <= 0 || Double.isNaN(seconds)) {
            return 0;
        }
        double n = seconds * 1e9;
        return n >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) n;
    }

    private boolean isDoneLocked() {
        return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED || state == State.FINISHED;
    }

    private Object outcome() {
        if (state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED) {
            throw new CancelledError("");
        }
        if (exception != null) {
            throw exception;
        }
        return result;
    }

    @Override
    public Object result() {
        return result(null);
    }

    @Override
    public Object result(Double timeout) {
        changed.acquire();
        try {
            if (!awaitDone(timeout)) {
                throw new TimeoutError("");
            }
            return outcome();
        } finally {
            changed.release();
        }
    }

    @Override
    public BaseException exception() {
        return exception(null);
    }

    @Override
    public BaseException exception(Double timeout) {
        changed.acquire();
        try {
            if (!awaitDone(timeout)) {
                throw new TimeoutError("");
            }
            if (state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED) {
                throw new CancelledError("");
            }
            return exception;
        } finally {
            changed.release();
        }
    }

    @Override
    public void addDoneCallback(PyCallable fn) {
        changed.acquire();
        try {
            if (!isDoneLocked()) {
                callbacks.add(fn);
                return;
            }
        } finally {
            changed.release();
        }
        callOne(fn);
    }

    @Override
    public boolean setRunningOrNotifyCancel() {
        changed.acquire();
        try {
            if (state == State.CANCELLED) {
                state = State.CANCELLED_AND_NOTIFIED;
                for (Waiter w : waiters) {
                    w.addCancelled(this);
                }
                return false;
            }
            if (state == State.PENDING) {
                state = State.RUNNING;
                return true;
            }
            System.err.println("Future " + System.identityHashCode(this) + " in unexpected state: " + state);
            throw new RuntimeError("Future in unexpected state");
        } finally {
            changed.release();
        }
    }

    @Override
    public void setResult(Object value) {
        changed.acquire();
        try {
            checkNotDone();
            result = value;
            state = State.FINISHED;
            for (Waiter w : waiters) {
                w.addResult(this);
            }
            changed.signalAll();
        } finally {
            changed.release();
        }
        invokeCallbacks();
    }

    @Override
    public void setException(BaseException e) {
        changed.acquire();
        try {
            checkNotDone();
            exception = e;
            state = State.FINISHED;
            for (Waiter w : waiters) {
                w.addException(this);
            }
            changed.signalAll();
        } finally {
            changed.release();
        }
        invokeCallbacks();
    }

    private void checkNotDone() {
        if (isDoneLocked()) {
            throw new InvalidStateError(state + ": " + this);
        }
    }

    /** Whether it finished by raising (lock held by the caller or not: a snapshot). */
    boolean raised() {
        changed.acquire();
        try {
            return state == State.FINISHED && exception != null;
        } finally {
            changed.release();
        }
    }

    @Override
    public String toString() {
        return "<Future at 0x" + Integer.toHexString(System.identityHashCode(this)) + " state="
                + state.name().toLowerCase(java.util.Locale.ROOT) + ">";
    }

}
