package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.RuntimeError;
import java.util.ArrayDeque;

/**
 * {@code asyncio.Lock}, ported from CPython 3.14's {@code asyncio/locks.py} ({@code class Lock}): a flag and a
 * FIFO of waiter futures. {@code release()} only marks the first waiter's future done; the woken waiter takes the
 * lock itself when it runs, and a waiter cancelled before that passes the turn to the next one
 * ({@code _wake_up_first}), so a cancelled waiter never leaves the lock stuck.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock">asyncio.Lock</a>
 */
final class RefLock extends RefLoopBound implements Lock, RefContextManager {
    private final ArrayDeque<RefFuture<Boolean>> waiters = new ArrayDeque<>(); // CPython: _waiters (None until used)
    private boolean locked; // CPython: _locked

    /** {@code Lock.locked()}. */
    @Override
    public boolean locked() {
        return locked;
    }

    /**
     * {@code Lock.acquire()}: takes the lock at once if it is free and nobody (not cancelled) queues before us;
     * otherwise queues a future and waits for {@link #release()} to complete it.
     *
     * <p>Cancelled while queued (CancelledError): if the lock is free, the next waiter is woken in our place
     * (the release may already have picked us), then the CancelledError propagates.
     */
    @Override
    public Awaitable<Boolean> acquire() {
        return new RefCoro<>("Lock.acquire", co -> {
            if (!locked && waiters.stream().allMatch(RefFuture::cancelled)) {
                locked = true;
                return true;
            }
            RefFuture<Boolean> fut = getLoop().createFuture();
            waiters.addLast(fut);
            try {
                try {
                    co.await(fut);
                } finally {
                    waiters.remove(fut);
                }
            } catch (AsyncioCancelledError e) {
                if (!locked) {
                    wakeUpFirst();
                }
                throw e;
            }
            locked = true;
            return true;
        });
    }

    /**
     * {@code Lock.release()}: unlocks and wakes the first waiter, if any.
     *
     * @throws RuntimeError {@code "Lock is not acquired."} if the lock is not held
     */
    @Override
    public void release() {
        if (locked) {
            locked = false;
            wakeUpFirst();
        } else {
            throw new RuntimeError("Lock is not acquired.");
        }
    }

    /** {@code _wake_up_first()}: completes the first waiter's future unless it is already done. */
    private void wakeUpFirst() {
        RefFuture<Boolean> fut = waiters.peekFirst();
        if (fut != null && !fut.done()) {
            fut.setResult(true);
        }
    }

    /** {@code Lock.__repr__()}: {@code <asyncio.locks.Lock object at 0x... [locked, waiters:2]>}. */
    @Override
    public String toString() {
        String extra = locked ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + RefReprs.object(this, "asyncio.locks.Lock") + " [" + extra + "]>";
    }
}
