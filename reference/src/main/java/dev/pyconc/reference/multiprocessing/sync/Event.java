package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.exceptions.AttributeError;
import java.util.List;

/**
 * {@code multiprocessing.Event}: {@code synchronize.Event}, a flag shared by processes, kept as CPython keeps it: a
 * {@link Semaphore} that is 1 when the flag is set and 0 otherwise, read and changed only under a {@link Condition}
 * over a {@link Lock}, whose {@code notify_all} wakes the waiters of {@link #set()}.
 *
 * <p>Differences from {@code threading.Event}, as CPython's: a negative timeout counts as 0; there is no
 * {@code isSet} alias (AttributeError).
 *
 * <p>Reduces to kind {@code "mp.Event"}: the condition's reduction and the flag semaphore's name.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Event">multiprocessing.Event</a>
 */
public final class Event implements dev.pyconc.spi.threading.Event, Reducible, AutoCloseable {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.Event";

    static {
        Rebuilders.register(KIND, state -> {
            @SuppressWarnings("unchecked")
            Condition cond = (Condition) Rebuilders.rebuild(new Reduction(Condition.KIND, (List<Object>) state.get(0), List.of()));
            Semaphore flag = new Semaphore(SemLock.rebuild(SemLock.SEMAPHORE, SemLock.SEM_VALUE_MAX, (String) state.get(1)));
            return new Event(null, cond, flag);
        });
    }

    private final Lock lock; // made here, closed here; null in a child (its condition owns its copy)
    private final Condition cond;
    private final Semaphore flag;

    /** {@code Event()}: a new, unset event. */
    public Event() {
        this.lock = new Lock();
        this.cond = new Condition(lock);
        this.flag = new Semaphore(0);
    }

    private Event(Lock lock, Condition cond, Semaphore flag) {
        this.lock = lock;
        this.cond = cond;
        this.flag = flag;
    }

    /** {@code is_set()}: whether the flag is set. */
    @Override
    public boolean isSet() {
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            if (flag.acquire(false)) {
                flag.release();
                return true;
            }
            return false;
        }
    }

    /** {@code set()}: sets the flag and wakes every waiter of every process. */
    @Override
    public void set() {
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            flag.acquire(false);
            flag.release();
            cond.signalAll();
        }
    }

    /** {@code clear()}: resets the flag. */
    @Override
    public void clear() {
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            flag.acquire(false);
        }
    }

    /** {@code wait()}: blocks until the flag is set; returns true. */
    @Override
    public boolean await() {
        return await(null);
    }

    /**
     * {@code wait(timeout)}: returns at once when the flag is set, otherwise waits for a {@link #set()} at most
     * {@code timeout} seconds.
     *
     * @param timeout seconds, null (None) without limit, negative as 0
     * @return the flag on return
     */
    @Override
    public boolean await(Double timeout) {
        try (dev.pyconc.spi.PyContextManager.Held held = cond.enter()) {
            if (flag.acquire(false)) {
                flag.release();
            } else {
                cond.await(timeout);
            }
            if (flag.acquire(false)) {
                flag.release();
                return true;
            }
            return false;
        }
    }

    /**
     * CPython's {@code multiprocessing.Event} has no {@code isSet} alias.
     *
     * @throws AttributeError always
     */
    @Override
    public boolean isSetAlias() {
        throw new AttributeError("'Event' object has no attribute 'isSet'");
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(cond.reduce().state(), flag.name()), List.of());
    }

    /** Closes the condition, its lock and the flag (unlinking their names in the creating process). */
    @Override
    public void close() {
        cond.close();
        flag.close();
        if (lock != null) {
            lock.close();
        }
    }

    @Override
    public String toString() {
        return "<Event at 0x" + Integer.toHexString(System.identityHashCode(this)) + (isSet() ? " set>" : " unset>");
    }
}
