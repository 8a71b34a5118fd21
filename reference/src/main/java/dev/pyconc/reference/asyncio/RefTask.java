package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.AsyncioInvalidStateError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.KeyboardInterrupt;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.SystemExit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;

/**
 * {@code asyncio.Task}, ported from {@code asyncio/tasks.py}: a future that drives a coroutine step by step on its
 * loop. {@link #step} is {@code Task.__step}: the loop hands its turn to the task's body thread (started at the
 * first step) with a value or an exception to send in, and takes it back when the body suspends on a future (then
 * {@link #wakeup} is added to that future's done callbacks, as {@code _fut_waiter}), yields bare (sleep(0): the
 * next step is scheduled at once), returns or raises.
 *
 * <p>Cancellation is CPython's: {@link #cancel(String)} counts the request, cancels the future the task waits on
 * (whose done callback then throws CancelledError into the body at its await) or, if there is none, sets
 * {@code _must_cancel} so that the next step throws CancelledError in; a task cancelled before its first step
 * never runs its body.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-task.html#asyncio.Task">asyncio.Task</a>
 */
public final class RefTask<T> extends RefFuture<T> implements Task<T> {
    /** {@code tasks._task_name_counter}: process-wide, as in CPython. */
    private static final AtomicLong NAME_COUNTER = new AtomicLong();

    final RefCoro<T> coro;
    private final String name;
    /** {@code _fut_waiter}: the future the body is suspended on. */
    RefFuture<?> futWaiter;
    /** {@code _must_cancel}. */
    private boolean mustCancel;
    /** {@code _num_cancels_requested}. */
    private long numCancelsRequested;

    // ---- the hand-over with the body thread; guarded by loop.lock ----
    /** The body's thread, started at the first step that runs the body. */
    volatile Thread thread;
    /** Signalled when the turn is handed to this task (or it must exit). */
    final Condition turnCond;
    /** What the loop sends in at a resumption: null (a value: look at the future) or an exception to throw. */
    BaseException sendExc;
    /** Set when the loop closes over a suspended body: the body leaves by {@link RefEventLoop.TaskExit}. */
    boolean exit;
    /** What the body gave back at its last hand-over. */
    Outcome outcome;

    /** How a step of the body ended. */
    sealed interface Outcome {}

    /** Suspended on a future ({@code yield fut}). */
    record Yielded(RefFuture<?> future) implements Outcome {}

    /** A bare yield ({@code sleep(0)}). */
    record Bare() implements Outcome {}

    /** The coroutine returned. */
    record Returned(Object value) implements Outcome {}

    /** The coroutine raised a Python exception. */
    record Raised(BaseException exc) implements Outcome {}

    /** The coroutine threw a Java throwable that is not a Python exception. */
    record Threw(Throwable t) implements Outcome {}

    /** The body left because the loop closed ({@link RefEventLoop.TaskExit}), or ended after that. */
    record Exited() implements Outcome {}

    RefTask(RefEventLoop loop, RefCoro<T> coro, String name) {
        super(loop);
        this.coro = coro;
        this.name = name != null ? name : "Task-" + NAME_COUNTER.incrementAndGet();
        this.turnCond = loop.lock.newCondition();
        loop.callSoon(() -> step(null));
        loop.registerTask(this);
    }

    @Override
    public String getName() {
        return name;
    }

    /** Python's Task refuses {@code set_result}: RuntimeError. */
    @Override
    public void setResult(T value) {
        throw new RuntimeError("Task does not support set_result operation");
    }

    /** Python's Task refuses {@code set_exception}: RuntimeError. */
    @Override
    public void setException(BaseException exc) {
        throw new RuntimeError("Task does not support set_exception operation");
    }

    @Override
    public boolean cancel() {
        return cancel(null);
    }

    /** {@code Task.cancel(msg)}. */
    @Override
    public boolean cancel(String msg) {
        logTraceback = false;
        if (done()) {
            return false;
        }
        numCancelsRequested++;
        if (futWaiter != null && futWaiter.cancel(msg)) {
            // Leave the task to the callback of the future it waits on: it will throw CancelledError in.
            return true;
        }
        // The task is running (it cancels itself), or about to step: the next step throws CancelledError in.
        mustCancel = true;
        cancelMessage = msg;
        return true;
    }

    @Override
    public long cancelling() {
        return numCancelsRequested;
    }

    @Override
    public long uncancel() {
        if (numCancelsRequested > 0) {
            numCancelsRequested--;
            if (numCancelsRequested == 0) {
                mustCancel = false;
            }
        }
        return numCancelsRequested;
    }

    /** {@code Task.__step(exc)}: runs on the loop thread, as a callback. */
    void step(BaseException exc) {
        if (done()) {
            throw new AsyncioInvalidStateError("__step(): already done: " + this + ", " + exc);
        }
        if (mustCancel) {
            if (!(exc instanceof AsyncioCancelledError)) {
                exc = makeCancelledError();
            }
            mustCancel = false;
        }
        futWaiter = null;
        loop.enterTask(this);
        try {
            stepRunAndHandleResult(exc);
        } finally {
            loop.leaveTask(this);
        }
    }

    /** {@code Task.__step_run_and_handle_result(exc)}. */
    @SuppressWarnings("unchecked")
    private void stepRunAndHandleResult(BaseException exc) {
        Outcome o;
        if (thread == null) {
            if (coro.started()) {
                // coro.send(None) on a coroutine someone else already ran
                o = new Raised(new RuntimeError("cannot reuse already awaited coroutine"));
            } else if (exc != null) {
                // coro.throw(exc) into a coroutine that never started: it ends at once with exc, body unrun
                coro.start();
                o = new Raised(exc);
            } else {
                coro.start();
                o = loop.resume(this, null);
            }
        } else {
            o = loop.resume(this, exc);
        }
        if (o instanceof Returned r) {
            if (mustCancel) {
                // the task was cancelled right before its coroutine returned
                mustCancel = false;
                super.cancel(cancelMessage);
            } else {
                super.setResult((T) r.value());
            }
        } else if (o instanceof Raised r) {
            BaseException e = r.exc();
            if (e instanceof AsyncioCancelledError) {
                cancelledExc = e; // handed out by the first result()/exception()
                super.cancel(null);
            } else if (e instanceof KeyboardInterrupt || e instanceof SystemExit) {
                super.setException(e);
                throw e;
            } else {
                super.setException(e);
            }
        } else if (o instanceof Threw t) {
            super.setException(loop.wrapJava(this, t.t()));
        } else if (o instanceof Bare) {
            // a bare yield gives up the loop for one iteration
            loop.callSoon(() -> step(null));
        } else if (o instanceof Yielded y) {
            RefFuture<?> f = y.future();
            if (f.loop != loop) {
                RuntimeError e = new RuntimeError("Task " + this + " got Future " + f + " attached to a different loop");
                loop.callSoon(() -> step(e));
            } else if (f == this) {
                RuntimeError e = new RuntimeError("Task cannot await on itself: " + this);
                loop.callSoon(() -> step(e));
            } else {
                addWakeup(f);
                futWaiter = f;
                if (mustCancel && futWaiter.cancel(cancelMessage)) {
                    mustCancel = false;
                }
            }
        }
        // Exited: the loop is closing; the task stays pending, as a pending task destroyed in Python
        if (done()) {
            loop.taskDone(this);
        }
    }

    private <U> void addWakeup(RefFuture<U> f) {
        f.addDoneCallback(this::wakeup);
    }

    /** {@code Task.__wakeup(future)}: steps with the future's exception thrown in, or with nothing. */
    private void wakeup(RefFuture<?> future) {
        BaseException exc = null;
        try {
            future.result();
        } catch (BaseException e) {
            exc = e; // may be a cancellation
        }
        step(exc);
    }

    @Override
    public String toString() {
        return "<Task " + stateText() + " name='" + name + "' coro=<" + coro.qualname + "()>>";
    }

    /**
     * {@code asyncio.gather(*futures, return_exceptions=...)}: the outer future, as {@code tasks.gather} builds it
     * (each argument given once; coroutine objects must already be wrapped in tasks by the caller).
     */
    static RefFuture<List<Object>> gather(RefEventLoop loop, List<? extends RefFuture<?>> futs, boolean returnExceptions) {
        if (futs.isEmpty()) {
            RefFuture<List<Object>> outer = loop.createFuture();
            outer.setResult(new ArrayList<>());
            return outer;
        }
        Map<RefFuture<?>, Boolean> seen = new IdentityHashMap<>();
        List<RefFuture<?>> children = new ArrayList<>();
        List<RefFuture<?>> doneFuts = new ArrayList<>();
        GatheringFuture outer = new GatheringFuture(loop, children);
        int[] nfuts = {0};
        int[] nfinished = {0};
        Consumer<RefFuture<?>> doneCallback = fut -> {
            nfinished[0]++;
            if (outer.done()) {
                if (!fut.cancelled()) {
                    fut.exception(); // mark the exception retrieved
                }
                return;
            }
            if (!returnExceptions) {
                if (fut.cancelled()) {
                    outer.setException(fut.makeCancelledError());
                    return;
                }
                BaseException exc = fut.exception();
                if (exc != null) {
                    outer.setException(exc);
                    return;
                }
            }
            if (nfinished[0] == nfuts[0]) {
                List<Object> results = new ArrayList<>();
                for (RefFuture<?> f : children) {
                    Object res;
                    if (f.cancelled()) {
                        res = new AsyncioCancelledError(f.cancelMessage == null ? "" : f.cancelMessage);
                    } else {
                        res = f.exception();
                        if (res == null) {
                            res = f.result();
                        }
                    }
                    results.add(res);
                }
                if (outer.cancelRequested) {
                    // CPython uses its loop variable here: the last child
                    outer.setException(children.get(children.size() - 1).makeCancelledError());
                } else {
                    outer.setResult(results);
                }
            }
        };
        for (RefFuture<?> f : futs) {
            if (seen.put(f, Boolean.TRUE) == null) {
                nfuts[0]++;
                if (f.done()) {
                    doneFuts.add(f);
                } else {
                    addCallback(f, doneCallback);
                }
            }
            children.add(f);
        }
        for (RefFuture<?> f : doneFuts) {
            doneCallback.accept(f);
        }
        return outer;
    }

    private static <U> void addCallback(RefFuture<U> f, Consumer<RefFuture<?>> cb) {
        f.addDoneCallback(cb::accept);
    }

    /** {@code tasks._GatheringFuture}: cancelling it cancels the children. */
    static final class GatheringFuture extends RefFuture<List<Object>> {
        private final List<RefFuture<?>> children;
        boolean cancelRequested;

        GatheringFuture(RefEventLoop loop, List<RefFuture<?>> children) {
            super(loop);
            this.children = children;
        }

        @Override
        public boolean cancel(String msg) {
            if (done()) {
                return false;
            }
            boolean ret = false;
            for (RefFuture<?> child : children) {
                if (child.cancel(msg)) {
                    ret = true;
                }
            }
            if (ret) {
                // the children's cancellation will reach this future through the done callback
                cancelRequested = true;
            }
            return ret;
        }
    }
}
