package dev.pyconc.reference.futures;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.CancelledError;
import dev.pyconc.spi.exceptions.InvalidStateError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ThreadingModule;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * {@code concurrent.futures.Future}, following CPython's design: a state machine (pending, running, cancelled,
 * cancelled and notified, finished), a list of done-callbacks, and a list of {@link Waiter}s that {@code wait}
 * and {@code as_completed} install; where CPython guards all of it with one {@code threading.Condition}, this
 * class splits that condition's two jobs (see the package documentation, "Future"):
 * <ul>
 *   <li>the state is a volatile field, so {@code result()}, {@code done()} and the other queries of a future
 *       that is already done read it without taking a lock;</li>
 *   <li>a plain Java lock ({@link #lock()}) makes each change of state atomic with the waiters it tells and the
 *       callbacks it runs (the Condition's lock in CPython); it is never held while user code runs or while a
 *       thread blocks. For speed the future is that lock itself: it extends {@link AbstractQueuedSynchronizer},
 *       whose own {@code getState()} is only the lock's bit (0 free, 1 held), not the future's {@link #state};
 *       an executor's future carries its call too ({@link RefThreadPoolExecutor.Task}), so that a submitted task
 *       is one object, as in the JDK's {@code FutureTask};</li>
 *   <li>a thread that must block until the future is done (in {@code result()} or {@code exception()}) waits on a
 *       {@code threading.Event} of the adapter, made by the first such thread and set once the future is done (the
 *       Condition's {@code notify_all}), so the blocked thread shows as blocked in the adapter, as it would in
 *       {@code Condition.wait}.</li>
 * </ul>
 *
 * <p>As in CPython, {@code cancel()} alone moves the future to "cancelled" and wakes {@code result()} and
 * {@code exception()}, but the waiters of {@code wait}/{@code as_completed} only hear of it once
 * {@code set_running_or_notify_cancel()} runs (an executor does that when the call's turn comes).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#future-objects">Future objects</a>
 */
sealed class RefFuture extends AbstractQueuedSynchronizer implements Future permits RefThreadPoolExecutor.Task {
    private static final long serialVersionUID = 1L;

    enum State { PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED }

    private static final AtomicLong SEQ = new AtomicLong();
    private static final VarHandle STATE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(RefFuture.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final transient ThreadingModule threading;
    /** Written while {@link #lock()} is held (except PENDING to RUNNING, by compare-and-set); read without it. */
    private volatile State state = State.PENDING;
    /**
     * The outcome: the result, or the raised exception wrapped in {@link Raised} (a result may itself be an
     * exception object, returned rather than raised). Written before {@link #state} becomes FINISHED, so a reader
     * that sees FINISHED sees it.
     */
    private transient Object outcome;
    /** What only some futures need, made under {@link #lock()} on first use (null for most executor tasks). */
    private transient volatile Extras extras;

    /** A raised exception, as stored in {@link #outcome}. */
    private record Raised(BaseException exception) {}

    /**
     * The parts of a future that only {@code wait}/{@code as_completed}, callbacks or a blocking
     * {@code result()} need, kept out of the future itself so that a plain submitted task stays small.
     * Every field is guarded by the future's {@link #lock()}.
     */
    private static final class Extras {
        /** The future's place in the global order in which several futures are locked. */
        final long seq = SEQ.incrementAndGet();
        /** The done-callbacks, in the order added; frozen once the future is done. */
        List<PyCallable> callbacks;
        /** The waiters of {@code wait}/{@code as_completed} (CPython's {@code _waiters}). */
        List<Waiter> waiters;
        /** Set once the future is done; made by the first thread that has to block in result() or exception(). */
        Event doneEvent;
    }

    /** The future's {@link Extras}, made if need be ({@link #lock()} held). */
    private Extras extrasLocked() {
        Extras x = extras;
        if (x == null) {
            x = new Extras();
            extras = x;
        }
        return x;
    }

    /** A new pending future; a thread that blocks on it waits on a {@code threading.Event} of {@code threading}. */
    RefFuture(ThreadingModule threading) {
        this.threading = threading;
    }

    /**
     * Takes the future's lock (CPython's {@code with self._condition}), which guards the changes of {@link #state}
     * to a done state and the callback and waiter lists ({@link Extras}); {@code wait}/{@code as_completed}
     * hold it while they look at the state and install their waiter. Only {@code PENDING -> RUNNING} happens
     * without it (a compare-and-set: neither waiters nor callbacks care about it). Not reentrant; never held while
     * user code runs or while the holder blocks, so nobody waits for it long.
     */
    final void lock() {
        acquire(1);
    }

    /** Releases {@link #lock()}. */
    final void unlock() {
        release(1);
    }

    @Override
    protected final boolean tryAcquire(int ignored) {
        return compareAndSetState(0, 1);
    }

    @Override
    protected final boolean tryRelease(int ignored) {
        setState(0);
        return true;
    }

    /** The future's place in the global order in which several futures are locked (avoids lock-order deadlocks). */
    long seq() {
        Extras x = extras;
        if (x != null) {
            return x.seq;
        }
        lock();
        try {
            return extrasLocked().seq;
        } finally {
            unlock();
        }
    }

    /** Adds a waiter ({@link #lock()} held). */
    void addWaiter(Waiter w) {
        Extras x = extrasLocked();
        if (x.waiters == null) {
            x.waiters = new ArrayList<>(2);
        }
        x.waiters.add(w);
    }

    /** Removes a waiter ({@link #lock()} held). */
    void removeWaiter(Waiter w) {
        Extras x = extras;
        if (x != null && x.waiters != null) {
            x.waiters.remove(w);
        }
    }

    /** The waiters to tell of a change ({@link #lock()} held); empty if none. */
    private List<Waiter> waitersLocked() {
        Extras x = extras;
        return x == null || x.waiters == null ? List.of() : x.waiters;
    }

    boolean finishedOrNotified() {
        State s = state;
        return s == State.FINISHED || s == State.CANCELLED_AND_NOTIFIED;
    }

    private static boolean isDone(State s) {
        return s == State.CANCELLED || s == State.CANCELLED_AND_NOTIFIED || s == State.FINISHED;
    }

    private static boolean isCancelled(State s) {
        return s == State.CANCELLED || s == State.CANCELLED_AND_NOTIFIED;
    }

    /**
     * After the future became done ({@link #lock()} released): wakes the threads blocked in result()/exception()
     * (CPython's {@code notify_all}), then runs the callbacks in the order they were added, on this thread. The
     * list cannot change any more: add_done_callback appends only while the future is not done.
     */
    private void announceDone() {
        Extras x = extras; // made under the lock before this thread took it to finish the future, if at all
        if (x == null) {
            return;
        }
        if (x.doneEvent != null) {
            x.doneEvent.set();
        }
        List<PyCallable> cbs = x.callbacks;
        if (cbs != null) {
            for (PyCallable cb : cbs) {
                callOne(cb);
            }
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
        lock();
        try {
            while (true) {
                State s = state;
                if (s == State.RUNNING || s == State.FINISHED) {
                    return false;
                }
                if (isCancelled(s)) {
                    return true;
                }
                // PENDING; a worker may take it to RUNNING meanwhile (without the lock): then look again
                if (STATE.compareAndSet(this, s, State.CANCELLED)) {
                    break;
                }
            }
        } finally {
            unlock();
        }
        announceDone();
        return true;
    }

    @Override
    public boolean cancelled() {
        return isCancelled(state);
    }

    @Override
    public boolean running() {
        return state == State.RUNNING;
    }

    @Override
    public boolean done() {
        return isDone(state);
    }

    /**
     * Waits until done or the timeout (seconds; null: none) passes; true if done. A future already done returns at
     * once, without a lock; otherwise the thread blocks on the future's event (see the class documentation).
     */
    private boolean awaitDone(Double timeout) {
        if (isDone(state)) {
            return true;
        }
        if (timeout != null && toNanos(timeout) == 0) {
            return false;
        }
        Event e;
        lock();
        try {
            // Under the lock, as the change to a done state is: either that change came first (seen here), or
            // the thread making it finds this event when it announces the change.
            if (isDone(state)) {
                return true;
            }
            Extras x = extrasLocked();
            if (x.doneEvent == null) {
                x.doneEvent = threading.event();
            }
            e = x.doneEvent;
        } finally {
            unlock();
        }
        if (timeout == null) {
            while (!isDone(state)) {
                e.await(null);
            }
            return true;
        }
        long deadline = System.nanoTime() + toNanos(timeout);
        while (!isDone(state)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            e.await(left / 1e9);
        }
        return isDone(state);
    }

    static long toNanos(double seconds) {
        if (seconds <= 0 || Double.isNaN(seconds)) {
            return 0;
        }
        double n = seconds * 1e9;
        return n >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) n;
    }

    @Override
    public Object result() {
        return result(null);
    }

    @Override
    public Object result(Double timeout) {
        if (!awaitDone(timeout)) {
            throw new TimeoutError("");
        }
        if (isCancelled(state)) {
            throw new CancelledError("");
        }
        if (outcome instanceof Raised r) {
            throw r.exception();
        }
        return outcome;
    }

    @Override
    public BaseException exception() {
        return exception(null);
    }

    @Override
    public BaseException exception(Double timeout) {
        if (!awaitDone(timeout)) {
            throw new TimeoutError("");
        }
        if (isCancelled(state)) {
            throw new CancelledError("");
        }
        return outcome instanceof Raised r ? r.exception() : null;
    }

    @Override
    public void addDoneCallback(PyCallable fn) {
        lock();
        try {
            if (!isDone(state)) {
                Extras x = extrasLocked();
                if (x.callbacks == null) {
                    x.callbacks = new ArrayList<>(2);
                }
                x.callbacks.add(fn);
                return;
            }
        } finally {
            unlock();
        }
        callOne(fn);
    }

    @Override
    public boolean setRunningOrNotifyCancel() {
        // the executor's common case: PENDING to RUNNING, which no waiter or callback hears of
        if (STATE.compareAndSet(this, State.PENDING, State.RUNNING)) {
            return true;
        }
        lock();
        try {
            State s = state;
            if (s == State.CANCELLED) {
                state = State.CANCELLED_AND_NOTIFIED;
                for (Waiter w : waitersLocked()) {
                    w.addCancelled(this);
                }
                return false;
            }
            if (s == State.PENDING && STATE.compareAndSet(this, State.PENDING, State.RUNNING)) {
                return true;
            }
            System.err.println("Future " + System.identityHashCode(this) + " in unexpected state: " + state);
            throw new RuntimeError("Future in unexpected state");
        } finally {
            unlock();
        }
    }

    @Override
    public void setResult(Object value) {
        lock();
        try {
            finish(value, null);
            for (Waiter w : waitersLocked()) {
                w.addResult(this);
            }
        } finally {
            unlock();
        }
        announceDone();
    }

    @Override
    public void setException(BaseException e) {
        lock();
        try {
            finish(null, e);
            for (Waiter w : waitersLocked()) {
                w.addException(this);
            }
        } finally {
            unlock();
        }
        announceDone();
    }

    /**
     * ({@link #lock()} held) Stores the outcome and moves to FINISHED; InvalidStateError if already done. The
     * outcome is written before the volatile state, so whoever sees FINISHED sees the outcome.
     */
    private void finish(Object value, BaseException e) {
        while (true) {
            State s = state;
            if (isDone(s)) {
                throw new InvalidStateError(s + ": " + this);
            }
            outcome = e == null ? value : new Raised(e);
            // PENDING may turn RUNNING meanwhile (set_running_or_notify_cancel takes no lock for that): then retry
            if (STATE.compareAndSet(this, s, State.FINISHED)) {
                return;
            }
        }
    }

    /** Whether it finished by raising (a snapshot). */
    boolean raised() {
        return state == State.FINISHED && outcome instanceof Raised;
    }

    // a future is equal only to itself, as in Python (AbstractQueuedSynchronizer does not change that)

    @Override
    public String toString() {
        return "<Future at 0x" + Integer.toHexString(System.identityHashCode(this)) + " state="
                + state.name().toLowerCase(java.util.Locale.ROOT) + ">";
    }
}
