package dev.pyconc.reference.multiprocessing.queues;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.sync.Condition;
import dev.pyconc.reference.multiprocessing.sync.Semaphore;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code multiprocessing.JoinableQueue}: CPython 3.14's {@code multiprocessing.queues.JoinableQueue}, a {@link Queue}
 * with a {@link Semaphore} counting unfinished tasks (posted by each {@code put}, taken by each
 * {@link #taskDone()}) and a {@link Condition} (over a new RLock) that {@link #join()} waits on until that count is
 * 0. Both are shared by the processes that have the queue.
 *
 * <p>Reduces to kind {@code "mp.JoinableQueue"}: the queue's state, then the condition's and the semaphore's.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.JoinableQueue">multiprocessing.JoinableQueue</a>
 */
public final class JoinableQueue extends Queue implements dev.pyconc.spi.multiprocessing.JoinableQueue {
    /** The {@link Reduction} kind. */
    public static final String KIND = "mp.JoinableQueue";

    static {
        Rebuilders.register(KIND, JoinableQueue::rebuild);
    }

    private final Semaphore unfinishedTasks;
    private final Condition cond;

    /** {@code JoinableQueue()}: unbounded. */
    public JoinableQueue() {
        this(0);
    }

    /** {@code JoinableQueue(maxsize)}: at most maxsize items (0 or less: unbounded). */
    public JoinableQueue(long maxsize) {
        super(new Parts(maxsize));
        this.unfinishedTasks = new Semaphore(0);
        this.cond = new Condition();
    }

    private JoinableQueue(Parts parts, Condition cond, Semaphore unfinished) {
        super(parts);
        this.cond = cond;
        this.unfinishedTasks = unfinished;
    }

    @SuppressWarnings("unchecked")
    private static JoinableQueue rebuild(List<Object> state) {
        int n = state.size();
        Parts parts = new Parts(state.subList(0, n - 2));
        Condition cond = (Condition) Parts.rebuild(Condition.KIND, state.get(n - 2));
        Semaphore unfinished = (Semaphore) Parts.rebuild(Semaphore.KIND, state.get(n - 1));
        return new JoinableQueue(parts, cond, unfinished);
    }

    /**
     * {@code put(obj, block=True, timeout=None)}: as {@link Queue#put(Object, boolean, Double)}, and counts one
     * more unfinished task, under the condition's lock.
     */
    @Override
    public void put(Object item, boolean block, Double timeout) {
        if (isClosed()) {
            throw new ValueError("Queue " + this + " is closed");
        }
        if (!parts.sem.acquire(block, timeout)) {
            throw new Full("");
        }
        synchronized (feeder) {
            cond.acquire();
            try {
                feeder.append(item, unfinishedTasks::release);
            } finally {
                cond.release();
            }
        }
    }

    /**
     * {@code task_done()}: one fetched item is done; when none is left unfinished, wakes every {@link #join()}.
     *
     * @throws ValueError "task_done() called too many times" when there is no unfinished task
     */
    @Override
    public void taskDone() {
        cond.acquire();
        try {
            if (!unfinishedTasks.acquire(false)) {
                throw new ValueError("task_done() called too many times");
            }
            if (unfinishedTasks.locked()) {
                cond.signalAll();
            }
        } finally {
            cond.release();
        }
    }

    /** {@code join()}: blocks until every item put (by any process) has been marked done. */
    @Override
    public void join() {
        cond.acquire();
        try {
            if (!unfinishedTasks.locked()) {
                cond.await();
            }
        } finally {
            cond.release();
        }
    }

    /** As {@link Queue#dispose()}, and closes the condition and the unfinished-tasks semaphore. */
    @Override
    public void dispose() {
        super.dispose();
        cond.close();
        unfinishedTasks.close();
    }

    @Override
    public Reduction reduce() {
        Reduction q = super.reduce();
        List<Object> state = new ArrayList<>(q.state());
        state.add(cond.reduce().state());
        state.add(unfinishedTasks.reduce().state());
        return new Reduction(KIND, state, q.fds());
    }
}
