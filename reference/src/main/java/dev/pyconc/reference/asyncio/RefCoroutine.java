package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.CoroutineFunction;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.TypeError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link Coroutine} a body receives: what one running coroutine of a {@link RefTask} may do. Awaiting a future
 * that is not done hands the loop's turn back ({@link RefEventLoop#suspend}); awaiting a coroutine object runs its
 * body right here, in the same task and thread, with a {@code RefCoroutine} of its own. {@link #waitFor},
 * {@link #timeout} and {@link #gather} port {@code tasks.wait_for} (3.12+), {@code timeouts.Timeout} and
 * {@code tasks.gather}.
 */
final class RefCoroutine implements Coroutine {
    private final RefTask<?> task;
    private final RefEventLoop loop;
    private final Thread thread;
    /** False once the body it was given to has returned. */
    volatile boolean active = true;

    RefCoroutine(RefTask<?> task) {
        this.task = task;
        this.loop = task.loop;
        this.thread = task.thread;
    }

    private void check() {
        if (!active) {
            throw new IllegalStateException("this Coroutine belongs to a body that has returned");
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("a Coroutine may be used only on its body's thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T await(Awaitable<T> awaitable) {
        check();
        if (awaitable instanceof RefCoro<?> c) {
            return runInline((RefCoro<T>) c);
        }
        if (awaitable instanceof RefFuture<?> f) {
            return awaitFuture((RefFuture<T>) f);
        }
        throw new TypeError("object " + awaitable + " can't be used in 'await' expression");
    }

    /** {@code await coro}: the coroutine runs inside this task, on this thread. */
    private <T> T runInline(RefCoro<T> c) {
        c.start();
        RefCoroutine child = new RefCoroutine(task);
        try {
            return c.body.call(child);
        } finally {
            child.active = false;
        }
    }

    /** {@code Future.__await__}: suspends unless done, then returns the result or raises. */
    <T> T awaitFuture(RefFuture<T> f) {
        if (!f.done()) {
            BaseException e = loop.suspend(task, new RefTask.Yielded(f));
            if (e != null) {
                throw e;
            }
            if (!f.done()) {
                throw new RuntimeError("await wasn't used with future");
            }
        }
        return f.result();
    }

    @Override
    public <T> Awaitable<T> coroutine(CoroutineFunction<T> fn) {
        check();
        return new RefCoro<>(qualnameOf(fn), fn);
    }

    static String qualnameOf(Object fn) {
        String n = fn.getClass().getSimpleName();
        int i = n.indexOf("$$Lambda");
        return i > 0 ? n.substring(0, i) + ".<lambda>" : n;
    }

    @Override
    public <T> Task<T> createTask(Awaitable<T> coro) {
        return createTask(coro, null);
    }

    @Override
    public <T> Task<T> createTask(Awaitable<T> coro, String name) {
        check();
        if (!(coro instanceof RefCoro<T> c)) {
            throw new TypeError("a coroutine was expected, got " + coro);
        }
        return loop.createTask(c, name);
    }

    @Override
    public void sleep(double delay) {
        check();
        if (delay <= 0) {
            // tasks.__sleep0: a bare yield
            BaseException e = loop.suspend(task, new RefTask.Bare());
            if (e != null) {
                throw e;
            }
            return;
        }
        if (Double.isNaN(delay)) {
            throw new dev.pyconc.spi.exceptions.ValueError("Invalid delay: NaN (not a number)");
        }
        RefFuture<Object> f = loop.createFuture();
        RefEventLoop.TimerHandle h = loop.callLater(delay, () -> {
            if (!f.cancelled()) { // futures._set_result_unless_cancelled
                f.setResult(null);
            }
        });
        try {
            awaitFuture(f);
        } finally {
            h.cancel();
        }
    }

    /** {@code asyncio.ensure_future(aw)}: a task for a coroutine object, the future itself for a future. */
    private <T> RefFuture<T> ensureFuture(Awaitable<T> aw) {
        if (aw instanceof RefCoro<T> c) {
            return loop.createTask(c, null);
        }
        if (aw instanceof RefFuture<T> f) {
            if (f.loop != loop) {
                throw new dev.pyconc.spi.exceptions.ValueError("The future belongs to a different loop than the one specified as the loop argument");
            }
            return f;
        }
        throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
    }

    @Override
    public <T> T waitFor(Awaitable<T> awaitable, Double timeout) {
        check();
        if (timeout != null && timeout <= 0) {
            RefFuture<T> fut = ensureFuture(awaitable);
            if (fut.done()) {
                return fut.result();
            }
            cancelAndWait(fut);
            try {
                return fut.result();
            } catch (AsyncioCancelledError e) {
                throw new TimeoutError(null, "", e);
            }
        }
        List<T> out = new ArrayList<>(1);
        timeout(timeout, () -> out.add(await(awaitable)));
        return out.get(0);
    }

    /** {@code tasks._cancel_and_wait(fut)}: cancels it and waits until it is done (not raising its outcome). */
    private <T> void cancelAndWait(RefFuture<T> fut) {
        RefFuture<Object> waiter = loop.createFuture();
        Consumer<RefFuture<T>> cb = f -> {
            if (!waiter.done()) { // tasks._release_waiter
                waiter.setResult(null);
            }
        };
        fut.addDoneCallback(cb);
        try {
            fut.cancel();
            awaitFuture(waiter);
        } finally {
            fut.removeDoneCallback(cb);
        }
    }

    @Override
    public void timeout(Double delay, Runnable body) {
        check();
        Timeout t = new Timeout(delay == null ? null : loop.time() + delay);
        t.enter();
        Throwable exc = null;
        try {
            body.run();
        } catch (Throwable x) {
            exc = x;
        }
        t.exit(exc);
        if (exc != null) {
            throw RefEventLoop.sneaky(exc);
        }
    }

    /** {@code timeouts.Timeout}: the state machine of {@code async with asyncio.timeout(...)}. */
    private final class Timeout {
        private String state = "CREATED";
        private RefEventLoop.TimerHandle handler;
        private final Double when;
        private long cancelling;

        Timeout(Double when) {
            this.when = when;
        }

        /** {@code reschedule(when)}: due now (call_soon) if the deadline has passed, else at the deadline. */
        private void reschedule(Double w) {
            if (handler != null) {
                handler.cancel();
            }
            if (w == null) {
                handler = null;
            } else if (w <= loop.time()) {
                handler = loop.callSoonHandle(this::onTimeout);
            } else {
                handler = loop.callAt(w, this::onTimeout);
            }
        }

        /** {@code __aenter__}: remembers the task and its cancelling() count, and arms the deadline. */
        void enter() {
            state = "ENTERED";
            cancelling = task.cancelling();
            reschedule(when);
        }

        /** {@code __aexit__}: a cancellation this deadline made (and no one else) becomes TimeoutError. */
        void exit(Throwable exc) {
            if (handler != null) {
                handler.cancel();
                handler = null;
            }
            if (state.equals("EXPIRING")) {
                state = "EXPIRED";
                if (task.uncancel() <= cancelling && exc != null) {
                    // no new cancel requests came: the CancelledError is ours to turn into TimeoutError
                    if (exc instanceof AsyncioCancelledError) {
                        throw new TimeoutError(null, "", exc);
                    }
                }
            } else if (state.equals("ENTERED")) {
                state = "EXITED";
            }
        }

        /** {@code _on_timeout}: the deadline cancels the task. */
        private void onTimeout() {
            task.cancel();
            state = "EXPIRING";
            handler = null;
        }
    }

    @Override
    public List<Object> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        check();
        Map<Awaitable<?>, RefFuture<?>> argToFut = new IdentityHashMap<>();
        List<RefFuture<?>> futs = new ArrayList<>();
        for (Awaitable<?> a : awaitables) {
            RefFuture<?> f = argToFut.get(a);
            if (f == null) {
                f = ensureFuture(a);
                argToFut.put(a, f);
            }
            futs.add(f);
        }
        return awaitFuture(RefTask.gather(loop, futs, returnExceptions));
    }

    @Override
    public Task<?> currentTask() {
        check();
        return task;
    }

    @Override
    public double time() {
        check();
        return loop.time();
    }
}
