package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.PyValues;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.RuntimeError;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * {@code asyncio.Condition}, ported from CPython 3.14's {@code asyncio/locks.py} ({@code class Condition}): an
 * underlying {@link Lock} whose {@code locked/acquire/release} it exports, and a FIFO of waiter futures that
 * {@code notify(n)} completes from the front. {@code wait()} takes the lock back in a loop that swallows
 * CancelledError until it succeeds, then re-raises the last one; any exception leaving {@code wait()} passes a
 * notification on to another waiter, since this one may already have consumed one.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Condition">asyncio.Condition</a>
 */
final class RefCondition extends RefLoopBound implements Condition, RefContextManager {
    private final Lock lock; // CPython: _lock
    private final ArrayDeque<RefFuture<Boolean>> waiters = new ArrayDeque<>(); // CPython: _waiters

    /** {@code Condition(lock=None)}: over {@code lock}, or a new {@link RefLock} when it is null. */
    RefCondition(Lock lock) {
        this.lock = lock == null ? new RefLock() : lock;
    }

    /** {@code Condition.locked()}: the underlying lock's. */
    @Override
    public boolean locked() {
        return lock.locked();
    }

    /** {@code Condition.acquire()}: the underlying lock's. */
    @Override
    public Awaitable<Boolean> acquire() {
        return lock.acquire();
    }

    /** {@code Condition.release()}: the underlying lock's. */
    @Override
    public void release() {
        lock.release();
    }

    /**
     * {@code Condition.wait()}: releases the lock, waits for a notify, takes the lock back and returns True.
     *
     * <p>Cancelled while waiting: the lock is still taken back (each CancelledError meanwhile is kept and the
     * acquire retried), then the last CancelledError is raised. Whatever the wait raises, one other waiter is
     * notified in its place ({@code self._notify(1)}), which may be a spurious wake-up for it.
     *
     * @throws RuntimeError {@code "cannot wait on un-acquired lock"} if the lock is not held
     */
    @Override
    public Awaitable<Boolean> await() {
        return new RefCoro<>("Condition.wait", co -> {
            if (!locked()) {
                throw new RuntimeError("cannot wait on un-acquired lock");
            }
            RefFuture<Boolean> fut = getLoop().createFuture();
            release();
            try {
                try {
                    waiters.addLast(fut);
                    try {
                        co.await(fut);
                    } finally {
                        waiters.remove(fut);
                    }
                } finally {
                    // Must take the lock back even if the wait was cancelled; only CancelledError is retried.
                    AsyncioCancelledError err = null;
                    while (true) {
                        try {
                            co.await(acquire());
                            break;
                        } catch (AsyncioCancelledError e) {
                            err = e;
                        }
                    }
                    if (err != null) {
                        throw err; // Python: raise err (the most recent one), replacing what the wait raised
                    }
                }
            } catch (Throwable t) {
                notifyWaiters(1);
                throw t;
            }
            return true;
        });
    }

    /**
     * {@code Condition.wait_for(predicate)}: calls the predicate, and {@code wait()}s again while its result is
     * falsy; returns its last result.
     *
     * @throws RuntimeError (from {@code wait()}) if the lock is not held when a wait is needed
     */
    @Override
    public Awaitable<Object> waitFor(Supplier<Object> predicate) {
        return new RefCoro<>("Condition.wait_for", co -> {
            Object result = predicate.get();
            while (!PyValues.truthy(result)) {
                co.await(await());
                result = predicate.get();
            }
            return result;
        });
    }

    /**
     * {@code Condition.notify(n=1)}.
     *
     * @throws RuntimeError {@code "cannot notify on un-acquired lock"} if the lock is not held
     */
    @Override
    public void signal() {
        signal(1);
    }

    /**
     * {@code Condition.notify(n)}: completes the futures of the first {@code n} waiters not yet woken.
     *
     * @throws RuntimeError {@code "cannot notify on un-acquired lock"} if the lock is not held
     */
    @Override
    public void signal(long n) {
        if (!locked()) {
            throw new RuntimeError("cannot notify on un-acquired lock");
        }
        notifyWaiters(n);
    }

    /** {@code _notify(n)}: wakes up to {@code n} waiters whose futures are not done yet, front first. */
    private void notifyWaiters(long n) {
        long idx = 0;
        for (RefFuture<Boolean> fut : waiters) {
            if (idx >= n) {
                break;
            }
            if (!fut.done()) {
                idx++;
                fut.setResult(false);
            }
        }
    }

    /**
     * {@code Condition.notify_all()}: {@code notify(len(self._waiters))}.
     *
     * @throws RuntimeError {@code "cannot notify on un-acquired lock"} if the lock is not held
     */
    @Override
    public void signalAll() {
        signal(waiters.size());
    }

    /** {@code Condition.__repr__()}: {@code <asyncio.locks.Condition object at 0x... [locked, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + RefReprs.object(this, "asyncio.locks.Condition") + " [" + extra + "]>";
    }
}
