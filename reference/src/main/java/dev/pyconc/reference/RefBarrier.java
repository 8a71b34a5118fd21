package dev.pyconc.reference;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyValues;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Barrier;
import java.util.List;
import java.util.Map;

/**
 * {@code threading.Barrier} with CPython's state machine over a {@link RefCondition}: filling (0), draining (1),
 * resetting (-1), broken (-2). A party arriving while the barrier drains or resets waits for that to finish.
 */
final class RefBarrier implements Barrier {
    private static final int FILLING = 0;
    private static final int DRAINING = 1;
    private static final int RESETTING = -1;
    private static final int BROKEN = -2;

    private final RefCondition cond;
    private final PyCallable action;
    private final Double defaultTimeout;
    private final long parties;
    private volatile int state = FILLING; // written under cond
    private volatile long count; // written under cond

    RefBarrier(RefContext ctx, long parties, PyCallable action, Double timeout) {
        if (parties < 1) {
            throw new ValueError("parties must be >= 1");
        }
        this.cond = new RefCondition(ctx, new PrimitiveLock(ctx));
        this.action = action;
        this.defaultTimeout = timeout;
        this.parties = parties;
    }

    @Override
    public long await() {
        return await(null);
    }

    @Override
    public long await(Double timeout) {
        if (timeout == null) {
            timeout = defaultTimeout;
        }
        try (var held = cond.enter()) {
            enter();
            long index = count;
            count++;
            try {
                if (index + 1 == parties) {
                    release();
                } else {
                    waitForRelease(timeout);
                }
                return index;
            } finally {
                count--;
                exit();
            }
        }
    }

    private void enter() {
        while (state == RESETTING || state == DRAINING) {
            cond.await();
        }
        if (state < 0) {
            throw new BrokenBarrierError("");
        }
    }

    private void release() {
        try {
            if (action != null) {
                action.call(List.of(), Map.of());
            }
            state = DRAINING;
            cond.signalAll();
        } catch (Throwable e) {
            breakBarrier();
            throw e;
        }
    }

    private void waitForRelease(Double timeout) {
        Object released = cond.waitFor(() -> state != FILLING, timeout);
        if (!PyValues.truthy(released)) {
            breakBarrier();
            throw new BrokenBarrierError("");
        }
        if (state < 0) {
            throw new BrokenBarrierError("");
        }
    }

    private void exit() {
        if (count == 0 && (state == RESETTING || state == DRAINING)) {
            state = FILLING;
            cond.signalAll();
        }
    }

    private void breakBarrier() {
        state = BROKEN;
        cond.signalAll();
    }

    @Override
    public void reset() {
        try (var held = cond.enter()) {
            if (count > 0) {
                if (state == FILLING || state == BROKEN) {
                    state = RESETTING;
                }
            } else {
                state = FILLING;
            }
            cond.signalAll();
        }
    }

    @Override
    public void abort() {
        try (var held = cond.enter()) {
            breakBarrier();
        }
    }

    @Override
    public long parties() {
        return parties;
    }

    @Override
    public long nWaiting() {
        return state == FILLING ? count : 0;
    }

    @Override
    public boolean broken() {
        return state == BROKEN;
    }

    @Override
    public String toString() {
        return broken() ? "<threading.Barrier: broken>"
                : "<threading.Barrier: waiters=" + nWaiting() + "/" + parties + ">";
    }
}
