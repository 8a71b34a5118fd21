package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.ShutDown;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.Queue;

/**
 * {@code queue.Queue}, {@code LifoQueue} and {@code PriorityQueue} as CPython's {@code Lib/queue.py} writes
 * them: one mutex (a {@link PrimitiveLock}) and three {@link RefCondition}s over it ({@code not_empty},
 * {@code not_full}, {@code all_tasks_done}), with the storage order given by a {@link Store}.
 *
 * <p>Where queue.py writes {@code with self.not_full:} (or another of the three conditions, which all share the
 * mutex), this class acquires and releases the mutex itself, which is what entering and leaving those blocks do;
 * a comment names the block. {@code put} and {@code get} wake a waiter with {@link RefCondition#notifyOwned()}
 * (the mutex is held, so the ownership check cannot fail, and with no waiter nothing else is done). See the
 * package's "Fast paths".
 */
final class RefQueue implements Queue {
    /** The storage policy: CPython's {@code _init/_qsize/_put/_get}. Called with the mutex held. */
    interface Store {
        int size();

        void put(Object item);

        Object get();
    }

    private final long maxsize;
    private final Store store;
    private final RefCondition notEmpty;
    private final RefCondition notFull;
    private final RefCondition allTasksDone;
    private final PrimitiveLock mutex;
    private long unfinishedTasks; // guarded by mutex
    private boolean isShutdown; // guarded by mutex

    private final String pythonClass;

    RefQueue(RefContext ctx, long maxsize, Store store, String pythonClass) {
        this.pythonClass = pythonClass;
        this.maxsize = maxsize;
        this.store = store;
        this.mutex = new PrimitiveLock(ctx);
        this.notEmpty = new RefCondition(ctx, mutex);
        this.notFull = new RefCondition(ctx, mutex);
        this.allTasksDone = new RefCondition(ctx, mutex);
    }

    /** The qualified name of the class this queue is ({@code queue.Queue}, {@code queue.LifoQueue}, ...). */
    String pythonClass() {
        return pythonClass;
    }

    /** CPython raises {@code queue.Empty}, whose class lives in {@code _queue}. */
    static Empty emptyError() {
        return new Empty("_queue.Empty", "", null);
    }

    @Override
    public void taskDone() {
        mutex.acquire(); // with self.all_tasks_done:
        try {
            long unfinished = unfinishedTasks - 1;
            if (unfinished <= 0) {
                if (unfinished < 0) {
                    throw new ValueError("task_done() called too many times");
                }
                allTasksDone.signalAll();
            }
            unfinishedTasks = unfinished;
        } finally {
            mutex.release();
        }
    }

    @Override
    public void join() {
        mutex.acquire(); // with self.all_tasks_done:
        try {
            while (unfinishedTasks != 0) {
                allTasksDone.await();
            }
        } finally {
            mutex.release();
        }
    }

    @Override
    public long qsize() {
        mutex.acquire(); // with self.mutex:
        try {
            return store.size();
        } finally {
            mutex.release();
        }
    }

    @Override
    public boolean empty() {
        mutex.acquire(); // with self.mutex:
        try {
            return store.size() == 0;
        } finally {
            mutex.release();
        }
    }

    @Override
    public boolean full() {
        mutex.acquire(); // with self.mutex:
        try {
            return 0 < maxsize && maxsize <= store.size();
        } finally {
            mutex.release();
        }
    }

    @Override
    public void put(Object item) {
        put(item, true, null);
    }

    @Override
    public void put(Object item, boolean block) {
        put(item, block, null);
    }

    @Override
    public void put(Object item, boolean block, Double timeout) {
        mutex.acquire(); // with self.not_full:
        try {
            if (isShutdown) {
                throw new ShutDown("");
            }
            if (maxsize > 0) {
                if (!block) {
                    if (store.size() >= maxsize) {
                        throw new Full("");
                    }
                } else if (timeout == null) {
                    while (store.size() >= maxsize) {
                        notFull.await();
                        if (isShutdown) {
                            throw new ShutDown("");
                        }
                    }
                } else if (timeout < 0) {
                    throw new ValueError("'timeout' must be a non-negative number");
                } else {
                    double endtime = Timeouts.monotonic() + timeout;
                    while (store.size() >= maxsize) {
                        double remaining = endtime - Timeouts.monotonic();
                        if (remaining <= 0.0) {
                            throw new Full("");
                        }
                        notFull.await(remaining);
                        if (isShutdown) {
                            throw new ShutDown("");
                        }
                    }
                }
            }
            store.put(item);
            unfinishedTasks++;
            notEmpty.notifyOwned();
        } finally {
            mutex.release();
        }
    }

    @Override
    public void putNowait(Object item) {
        put(item, false);
    }

    @Override
    public Object get() {
        return get(true, null);
    }

    @Override
    public Object get(boolean block) {
        return get(block, null);
    }

    @Override
    public Object get(boolean block, Double timeout) {
        mutex.acquire(); // with self.not_empty:
        try {
            if (isShutdown && store.size() == 0) {
                throw new ShutDown("");
            }
            if (!block) {
                if (store.size() == 0) {
                    throw emptyError();
                }
            } else if (timeout == null) {
                while (store.size() == 0) {
                    notEmpty.await();
                    if (isShutdown && store.size() == 0) {
                        throw new ShutDown("");
                    }
                }
            } else if (timeout < 0) {
                throw new ValueError("'timeout' must be a non-negative number");
            } else {
                double endtime = Timeouts.monotonic() + timeout;
                while (store.size() == 0) {
                    double remaining = endtime - Timeouts.monotonic();
                    if (remaining <= 0.0) {
                        throw emptyError();
                    }
                    notEmpty.await(remaining);
                    if (isShutdown && store.size() == 0) {
                        throw new ShutDown("");
                    }
                }
            }
            Object item = store.get();
            notFull.notifyOwned();
            return item;
        } finally {
            mutex.release();
        }
    }

    @Override
    public Object getNowait() {
        return get(false);
    }

    @Override
    public void shutdown() {
        shutdown(false);
    }

    @Override
    public void shutdown(boolean immediate) {
        mutex.acquire(); // with self.mutex:
        try {
            isShutdown = true;
            if (immediate) {
                while (store.size() > 0) {
                    store.get();
                    if (unfinishedTasks > 0) {
                        unfinishedTasks--;
                    }
                }
                allTasksDone.signalAll();
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            mutex.release();
        }
    }
}
