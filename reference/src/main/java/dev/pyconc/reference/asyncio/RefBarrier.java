package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Barrier;
import dev.pyconc.spi.exceptions.AsyncioBrokenBarrierError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.asyncio.Coroutine;

/**
 * {@code asyncio.Barrier}, ported from CPython 3.14's {@code asyncio/locks.py} ({@code class Barrier}): a
 * {@link RefCondition} over its own lock, a count of the tasks inside {@code wait()} and a state. Filling: tasks
 * arrive and wait; the last to arrive switches to draining and notifies all. Draining: the released tasks leave,
 * newcomers wait for the last one out, which switches back to filling. Resetting: as draining, but the tasks
 * leaving raise BrokenBarrierError. Broken: every wait raises BrokenBarrierError until a reset.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier">asyncio.Barrier</a>
 */
final class RefBarrier extends RefLoopBound implements Barrier {
    /** CPython's {@code _BarrierState}. */
    private enum State {
        FILLING("filling"),
        DRAINING("draining"),
        RESETTING("resetting"),
        BROKEN("broken");

        final String value;

        State(String value) {
            this.value = value;
        }
    }

    private final RefCondition cond = new RefCondition(null); // CPython: _cond, notified at each state change
    private final long parties; // CPython: _parties
    private State state = State.FILLING; // CPython: _state
    private long count; // CPython: _count, the tasks inside wait()

    /**
     * {@code Barrier(parties)}.
     *
     * @throws ValueError {@code "parties must be >= 1"}
     */
    RefBarrier(long parties) {
        if (parties < 1) {
            throw new ValueError("parties must be >= 1");
        }
        this.parties = parties;
    }

    /** {@code Barrier.__aenter__()}: {@code await self.wait()}, so {@code async with barrier as i} gets the index. */
    @Override
    public Awaitable<Object> aenter() {
        return new RefCoro<>("Barrier.__aenter__", co -> co.await(await()));
    }

    /** {@code Barrier.__aexit__()}: does nothing (returns None: nothing is suppressed). */
    @Override
    public Awaitable<Boolean> aexit(BaseException exc) {
        return new RefCoro<>("Barrier.__aexit__", co -> false);
    }

    /**
     * {@code Barrier.wait()}: under the condition's lock, waits out a draining or resetting phase, takes the next
     * arrival index, and either releases everyone (the last arrival) or waits for that. On the way out it counts
     * itself out and, if it is the last one out of a draining or resetting phase, switches back to filling.
     *
     * @throws AsyncioBrokenBarrierError {@code "Barrier aborted"} if the barrier is broken on arrival;
     *     {@code "Abort or reset of barrier"} if it is aborted or reset while this task waits
     */
    @Override
    public Awaitable<Long> await() {
        return new RefCoro<>("Barrier.wait", co -> {
            co.await(cond.acquire()); // async with self._cond:
            try {
                block(co);
                try {
                    long index = count;
                    count++;
                    if (index + 1 == parties) {
                        release();
                    } else {
                        waitReleased(co);
                    }
                    return index;
                } finally {
                    count--;
                    exit();
                }
            } finally {
                cond.release();
            }
        });
    }

    /** {@code _block()}: waits while draining or resetting; raises if broken. */
    private void block(Coroutine co) {
        co.await(cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING));
        if (state == State.BROKEN) {
            throw new AsyncioBrokenBarrierError("Barrier aborted");
        }
    }

    /** {@code _release()}: the last arrival switches to draining and wakes the others. */
    private void release() {
        state = State.DRAINING;
        cond.signalAll();
    }

    /** {@code _wait()}: waits until filling is over; raises if that was by an abort or a reset. */
    private void waitReleased(Coroutine co) {
        co.await(cond.waitFor(() -> state != State.FILLING));
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new AsyncioBrokenBarrierError("Abort or reset of barrier");
        }
    }

    /** {@code _exit()}: the last task out ends a draining or resetting phase and wakes the tasks blocked on it. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /**
     * {@code Barrier.reset()}: with tasks inside, switches to resetting (they raise BrokenBarrierError as they
     * leave); with none, straight back to filling (also out of broken).
     */
    @Override
    public Awaitable<Object> reset() {
        return new RefCoro<>("Barrier.reset", co -> {
            co.await(cond.acquire());
            try {
                if (count > 0) {
                    if (state != State.RESETTING) {
                        state = State.RESETTING;
                    }
                } else {
                    state = State.FILLING;
                }
                cond.signalAll();
            } finally {
                cond.release();
            }
            return null;
        });
    }

    /** {@code Barrier.abort()}: switches to broken and wakes every waiter (they raise BrokenBarrierError). */
    @Override
    public Awaitable<Object> abort() {
        return new RefCoro<>("Barrier.abort", co -> {
            co.await(cond.acquire());
            try {
                state = State.BROKEN;
                cond.signalAll();
            } finally {
                cond.release();
            }
            return null;
        });
    }

    /** {@code Barrier.parties}. */
    @Override
    public long parties() {
        return parties;
    }

    /** {@code Barrier.n_waiting}: the count while filling, else 0. */
    @Override
    public long nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** {@code Barrier.broken}. */
    @Override
    public boolean broken() {
        return state == State.BROKEN;
    }

    /** {@code Barrier.__repr__()}: {@code <asyncio.locks.Barrier object at 0x... [filling, waiters:1/3]>}. */
    @Override
    public String toString() {
        String extra = state.value;
        if (!broken()) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return "<" + RefReprs.object(this, "asyncio.locks.Barrier") + " [" + extra + "]>";
    }
}
