package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.TypeError;
import java.util.List;
import java.util.Map;

/**
 * {@code multiprocessing.Barrier}: {@code synchronize.Barrier}, which is {@code threading.Barrier}'s algorithm
 * (states filling 0, draining 1, resetting -1, broken -2; a count of threads inside) over a {@link Condition} of
 * this package (a new {@link RLock}) and a process-shared state of two C ints. CPython keeps those two ints in a
 * {@code multiprocessing.heap.BufferWrapper}; here they live in a small {@link SharedMemory} block of 8 bytes
 * ({@code state} at offset 0, {@code count} at offset 4, little-endian), read and written only under the
 * condition's lock, whose semaphore post and wait order the memory between processes.
 *
 * <p>Differences from {@code threading.Barrier}, as CPython's: {@code parties} is not checked (CPython's
 * {@code multiprocessing.Barrier} does not call {@code threading.Barrier.__init__}); timeouts count negative values
 * as 0. The action runs in the process (and thread) of the last party to arrive.
 *
 * <p>Reduces to kind {@code "mp.Barrier"}: parties, the default timeout (an empty list for None), the condition's reduction, the block's name
 * and the action's reduction when the action is {@link Reducible} (a Java callable that is not raises TypeError, as
 * pickling a local function does in CPython).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Barrier">multiprocessing.Barrier</a>
 * @see <a href="https://docs.python.org/3/library/threading.html#barrier-objects">threading.Barrier</a>
 */
public final class Barrier implements dev.pyconc.spi.threading.Barrier, Reducible, AutoCloseable {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.Barrier";
    private static final int FILLING = 0;
    private static final int DRAINING = 1;
    private static final int RESETTING = -1;
    private static final int BROKEN = -2;

    static {
        Rebuilders.register(KIND, Barrier::rebuild);
    }

    private final long parties;
    private final PyCallable action;
    private final Double timeout;
    private final Condition cond;
    private final SharedMemory shm;
    private final SharedMemory.Buffer array;
    private final boolean created;

    /** {@code Barrier(parties)}: no action, no default timeout. */
    public Barrier(long parties) {
        this(parties, null, null);
    }

    /**
     * {@code Barrier(parties, action=None, timeout=None)}.
     *
     * @param parties the number of parties that must call {@link #await()} to pass
     * @param action called with no arguments by the last party to arrive, before any party is released; null for None
     * @param timeout the default timeout of {@link #await()} in seconds; null (None) for no limit
     */
    public Barrier(long parties, PyCallable action, Double timeout) {
        this.parties = parties;
        this.action = action;
        this.timeout = timeout;
        this.cond = new Condition();
        SharedMemory block;
        try {
            block = SharedMemory.create(8);
        } catch (RuntimeException e) {
            cond.close();
            throw e;
        }
        this.shm = block;
        this.array = block.buf();
        this.created = true;
        setState(FILLING);
        setCount(0);
    }

    private Barrier(long parties, PyCallable action, Double timeout, Condition cond, SharedMemory shm) {
        this.parties = parties;
        this.action = action;
        this.timeout = timeout;
        this.cond = cond;
        this.shm = shm;
        this.array = shm.buf();
        this.created = false;
    }

    @SuppressWarnings("unchecked")
    private static Barrier rebuild(List<Object> state) {
        long parties = ((Number) state.get(0)).longValue();
        List<Object> t = (List<Object>) state.get(1);
        Double timeout = t.isEmpty() ? null : ((Number) t.get(0)).doubleValue();
        Condition cond = (Condition) Rebuilders.rebuild(new Reduction(Condition.KIND, (List<Object>) state.get(2), List.of()));
        SharedMemory shm = SharedMemory.attach((String) state.get(3), false);
        PyCallable action = null;
        List<Object> a = (List<Object>) state.get(4);
        if (!a.isEmpty()) {
            action = (PyCallable) Rebuilders.rebuild(new Reduction((String) a.get(0), (List<Object>) a.get(1), List.of()));
        }
        return new Barrier(parties, action, timeout, cond, shm);
    }

    private int state() {
        return array.getInt(0);
    }

    private void setState(int v) {
        array.putInt(0, v);
    }

    private int count() {
        return array.getInt(4);
    }

    private void setCount(int v) {
        array.putInt(4, v);
    }

    /** {@code wait()}: with the default timeout. */
    @Override
    public long await() {
        return await(null);
    }

    /**
     * {@code wait(timeout)}: waits until {@link #parties()} parties (threads of any process) have arrived.
     *
     * @param timeout seconds; null (None) for the barrier's default timeout
     * @return the party's index, 0 to parties-1
     * @throws BrokenBarrierError when the barrier is or becomes broken, is reset while waiting, or the timeout
     *     expires (which breaks it); the action's exception when it raises (which breaks it too)
     */
    @Override
    public long await(Double timeout) {
        if (timeout == null) {
            timeout = this.timeout;
        }
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            enter();
            int index = count();
            setCount(index + 1);
            try {
                if (index + 1 == parties) {
                    release();
                } else {
                    waitRelease(timeout);
                }
                return index;
            } finally {
                setCount(count() - 1);
                exit();
            }
        }
    }

    private void enter() {
        while (state() == RESETTING || state() == DRAINING) {
            cond.await();
        }
        if (state() < 0) {
            throw new BrokenBarrierError("");
        }
        if (state() != FILLING) {
            throw new PyAssertionError("");
        }
    }

    private void release() {
        try {
            if (action != null) {
                action.call(List.of(), Map.of());
            }
            setState(DRAINING);
            cond.signalAll();
        } catch (RuntimeException | Error e) {
            breakBarrier();
            throw e;
        }
    }

    private void waitRelease(Double timeout) {
        Object released = cond.waitFor(() -> state() != FILLING, timeout);
        if (!Boolean.TRUE.equals(released)) {
            breakBarrier();
            throw new BrokenBarrierError("");
        }
        if (state() < 0) {
            throw new BrokenBarrierError("");
        }
        if (state() != DRAINING) {
            throw new PyAssertionError("");
        }
    }

    private void exit() {
        if (count() == 0) {
            if (state() == RESETTING || state() == DRAINING) {
                setState(FILLING);
                cond.signalAll();
            }
        }
    }

    /** {@code reset()}: back to filling; parties waiting now get BrokenBarrierError. */
    @Override
    public void reset() {
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            if (count() > 0) {
                if (state() == FILLING || state() == BROKEN) {
                    setState(RESETTING);
                }
            } else {
                setState(FILLING);
            }
            cond.signalAll();
        }
    }

    /** {@code abort()}: breaks the barrier; current and later waiters get BrokenBarrierError. */
    @Override
    public void abort() {
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            breakBarrier();
        }
    }

    private void breakBarrier() {
        setState(BROKEN);
        cond.signalAll();
    }

    /** {@code parties}. */
    @Override
    public long parties() {
        return parties;
    }

    /** {@code n_waiting}: the parties waiting now, in every process (0 unless filling). Read without the lock, as CPython. */
    @Override
    public long nWaiting() {
        return state() == FILLING ? count() : 0;
    }

    /** {@code broken}. Read without the lock, as CPython. */
    @Override
    public boolean broken() {
        return state() == BROKEN;
    }

    /** The name of the shared memory block that holds the state (without the leading slash). */
    public String stateBlockName() {
        return shm.name();
    }

    @Override
    public Reduction reduce() {
        List<Object> actionState = List.of();
        if (action != null) {
            if (!(action instanceof Reducible r)) {
                throw new TypeError("cannot pickle the barrier's action: a Java callable cannot reach another process");
            }
            Reduction a = r.reduce();
            actionState = List.of(a.kind(), a.state());
        }
        return new Reduction(KIND, state(actionState), List.of());
    }

    /** The reduction's state with {@code actionState} as its last item. */
    List<Object> state(List<Object> actionState) {
        // Reduction's lists hold no nulls: None is an empty list here
        List<Object> t = timeout == null ? List.of() : List.of(timeout);
        return List.of(parties, t, cond.reduce().state(), shm.name(), actionState);
    }

    /**
     * Closes the condition (unlinking its semaphores in the creating process) and the state block (unlinked in the
     * creating process).
     */
    @Override
    public void close() {
        cond.close();
        shm.close();
        if (created) {
            try {
                shm.unlink();
            } catch (dev.pyconc.spi.exceptions.FileNotFoundError gone) {
                // unlinked already
            }
        }
    }

    @Override
    public String toString() {
        if (broken()) {
            return "<multiprocessing.synchronize.Barrier at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": broken>";
        }
        return "<multiprocessing.synchronize.Barrier at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": waiters="
                + nWaiting() + "/" + parties + ">";
    }
}
