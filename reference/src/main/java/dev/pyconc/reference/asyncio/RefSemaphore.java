package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Semaphore;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayDeque;

/**
 * {@code asyncio.Semaphore}, ported from CPython 3.14's {@code asyncio/locks.py} ({@code class Semaphore}): a
 * counter and a FIFO of waiter futures. {@code _wake_up_next} takes the unit for the waiter it wakes (the counter
 * drops when the future is completed, not when the waiter runs), so a newcomer cannot overtake a woken waiter;
 * a woken waiter that is cancelled before it runs gives its unit back, and every acquire that leaves the waiting
 * path wakes as many waiters as there are units.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Semaphore">asyncio.Semaphore</a>
 */
class RefSemaphore extends RefLoopBound implements Semaphore, RefContextManager {
    private final ArrayDeque<RefFuture<Boolean>> waiters = new ArrayDeque<>(); // CPython: _waiters (None until used)
    long value; // CPython: _value; read by RefBoundedSemaphore

    /**
     * {@code Semaphore(value)}.
     *
     * @throws ValueError {@code "Semaphore initial value must be >= 0"} if value is negative
     */
    RefSemaphore(long value) {
        if (value < 0) {
            throw new ValueError("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /**
     * {@code Semaphore.locked()}: the counter is 0, or some waiter that was not cancelled queues (FIFO: a
     * newcomer must not overtake it).
     */
    @Override
    public boolean locked() {
        return value == 0 || waiters.stream().anyMatch(w -> !w.cancelled());
    }

    /**
     * {@code Semaphore.acquire()}: takes a unit at once unless {@link #locked()}; otherwise queues a future and
     * waits until {@code _wake_up_next} completes it (the unit is then already taken). On the way out (normal or
     * not) it wakes further waiters while units are left.
     *
     * <p>Cancelled while queued (CancelledError): if the future had already been completed, the unit it carried
     * is given back before the error propagates.
     */
    @Override
    public Awaitable<Boolean> acquire() {
        return new RefCoro<>("Semaphore.acquire", co -> {
            if (!locked()) {
                value--; // FIFO holds: nobody is waiting
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
                if (fut.done() && !fut.cancelled()) {
                    // _wake_up_next() took a unit for us, but we will not acquire: give it back.
                    value++;
                }
                throw e;
            } finally {
                // New waiters may have queued behind us because of FIFO: wake as many as there are units.
                while (value > 0) {
                    if (!wakeUpNext()) {
                        break;
                    }
                }
            }
            return true;
        });
    }

    /** {@code Semaphore.release()}: one more unit, and wakes the first waiter not yet woken. */
    @Override
    public void release() {
        value++;
        wakeUpNext();
    }

    /** {@code _wake_up_next()}: completes the first waiter future not done, taking a unit for it. */
    private boolean wakeUpNext() {
        for (RefFuture<Boolean> fut : waiters) {
            if (!fut.done()) {
                value--;
                fut.setResult(true);
                return true;
            }
        }
        return false;
    }

    /** The Python class name for the repr. */
    String pythonClass() {
        return "asyncio.locks.Semaphore";
    }

    /** {@code Semaphore.__repr__()}: {@code <asyncio.locks.Semaphore object at 0x... [unlocked, value:2]>}. */
    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked, value:" + value;
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + RefReprs.object(this, pythonClass()) + " [" + extra + "]>";
    }
}
