package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Event;
import java.util.ArrayDeque;

/**
 * {@code asyncio.Event}, ported from CPython 3.14's {@code asyncio/locks.py} ({@code class Event}): a flag and the
 * futures of the tasks waiting for it; {@code set()} completes them all.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Event">asyncio.Event</a>
 */
final class RefEvent extends RefLoopBound implements Event {
    private final ArrayDeque<RefFuture<Boolean>> waiters = new ArrayDeque<>(); // CPython: _waiters
    private boolean value; // CPython: _value

    /** {@code Event.is_set()}. */
    @Override
    public boolean isSet() {
        return value;
    }

    /** {@code Event.set()}: sets the flag (if not set) and completes every waiter's future. */
    @Override
    public void set() {
        if (!value) {
            value = true;
            for (RefFuture<Boolean> fut : waiters) {
                if (!fut.done()) {
                    fut.setResult(true);
                }
            }
        }
    }

    /** {@code Event.clear()}. */
    @Override
    public void clear() {
        value = false;
    }

    /**
     * {@code Event.wait()}: True at once if the flag is set, else True once a {@code set()} completed this
     * waiter's future (even if the flag was cleared again before the waiter ran).
     */
    @Override
    public Awaitable<Boolean> await() {
        return new RefCoro<>("Event.wait", co -> {
            if (value) {
                return true;
            }
            RefFuture<Boolean> fut = getLoop().createFuture();
            waiters.addLast(fut);
            try {
                co.await(fut);
                return true;
            } finally {
                waiters.remove(fut);
            }
        });
    }

    /** {@code Event.__repr__()}: {@code <asyncio.locks.Event object at 0x... [unset, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = value ? "set" : "unset";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + RefReprs.object(this, "asyncio.locks.Event") + " [" + extra + "]>";
    }
}
