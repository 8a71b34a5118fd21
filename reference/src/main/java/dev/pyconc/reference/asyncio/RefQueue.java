package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.QueueFull;
import dev.pyconc.spi.exceptions.QueueShutDown;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayDeque;
import java.util.LinkedList;

/**
 * {@code asyncio.Queue}, ported from CPython 3.14's {@code asyncio/queues.py} ({@code class Queue}): the items,
 * two FIFOs of waiter futures (getters and putters), a count of unfinished tasks with an {@link RefEvent} that is
 * set when it reaches 0, and the shutdown flag. {@link RefLifoQueue} and {@link RefPriorityQueue} override only
 * the storage hooks {@code _init/_put/_get} ({@link #storePut}, {@link #storeGet}, {@link #storeSize}).
 *
 * <p>A put or get completes the future of the next waiter on the other side ({@code _wakeup_next}, which pops
 * it); the woken waiter re-checks the queue when it runs and loops if it lost the race. A waiter cancelled after
 * it was woken hands the wake-up on to the next waiter of its side, so no item (or free slot) is left with
 * nobody woken for it.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.Queue">asyncio.Queue</a>
 */
class RefQueue extends RefLoopBound implements Queue {
    private final long maxsize; // CPython: _maxsize
    private final ArrayDeque<RefFuture<Object>> getters = new ArrayDeque<>(); // CPython: _getters
    private final ArrayDeque<RefFuture<Object>> putters = new ArrayDeque<>(); // CPython: _putters
    private long unfinishedTasks; // CPython: _unfinished_tasks
    private final RefEvent finished = new RefEvent(); // CPython: _finished
    private final LinkedList<Object> items = new LinkedList<>(); // CPython: _queue of Queue (a deque); None allowed
    private boolean isShutdown; // CPython: _is_shutdown

    /** {@code Queue(maxsize)}: 0 or less is unbounded. */
    RefQueue(long maxsize) {
        this.maxsize = maxsize;
        finished.set();
    }

    // The three storage hooks (CPython's _init, _put, _get, with len(self._queue)).

    /** {@code len(self._queue)}. */
    int storeSize() {
        return items.size();
    }

    /** {@code _put(item)}: a deque's append. */
    void storePut(Object item) {
        items.addLast(item);
    }

    /** {@code _get()}: a deque's popleft. */
    Object storeGet() {
        return items.removeFirst();
    }

    /** The Python class name for the repr. */
    String pythonClass() {
        return "Queue";
    }

    /** {@code _wakeup_next(waiters)}: pops waiters until one that is not done, and completes it. */
    private static void wakeupNext(ArrayDeque<RefFuture<Object>> waiters) {
        while (!waiters.isEmpty()) {
            RefFuture<Object> waiter = waiters.removeFirst();
            if (!waiter.done()) {
                waiter.setResult(null);
                break;
            }
        }
    }

    /** {@code Queue.qsize()}. */
    @Override
    public long qsize() {
        return storeSize();
    }

    /** {@code Queue.maxsize}. */
    @Override
    public long maxsize() {
        return maxsize;
    }

    /** {@code Queue.empty()}. */
    @Override
    public boolean empty() {
        return storeSize() == 0;
    }

    /** {@code Queue.full()}: never for maxsize 0 or less. */
    @Override
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /**
     * {@code Queue.put(item)}: while the queue is full, queues a putter future and waits; then
     * {@code put_nowait(item)}. A putter leaving by an exception (cancelled) after a get had woken it passes the
     * wake-up on to the next putter.
     *
     * @throws QueueShutDown if the queue is shut down while (or before) it has to wait
     */
    @Override
    public Awaitable<Object> put(Object item) {
        return new RefCoro<>("Queue.put", co -> {
            while (full()) {
                if (isShutdown) {
                    throw new QueueShutDown("");
                }
                RefFuture<Object> putter = getLoop().createFuture();
                putters.addLast(putter);
                try {
                    co.await(putter);
                } catch (Throwable t) {
                    putter.cancel(); // in case it is not done yet
                    putters.remove(putter); // a get_nowait or shutdown may have popped it already
                    if (!full() && !putter.cancelled()) {
                        // Woken by a get_nowait(), but we cannot take the slot: wake the next in line.
                        wakeupNext(putters);
                    }
                    throw t;
                }
            }
            putNowait(item);
            return null;
        });
    }

    /**
     * {@code Queue.put_nowait(item)}: adds the item, counts one more unfinished task, and wakes the next getter.
     *
     * @throws QueueShutDown if the queue is shut down
     * @throws QueueFull if the queue is full
     */
    @Override
    public void putNowait(Object item) {
        if (isShutdown) {
            throw new QueueShutDown("");
        }
        if (full()) {
            throw new QueueFull("");
        }
        storePut(item);
        unfinishedTasks++;
        finished.clear();
        wakeupNext(getters);
    }

    /**
     * {@code Queue.get()}: while the queue is empty, queues a getter future and waits; then
     * {@code get_nowait()}. A getter leaving by an exception (cancelled) after a put had woken it passes the
     * wake-up on to the next getter, so the item is not stranded.
     *
     * @throws QueueShutDown if the queue is shut down and empty (an immediate shutdown empties it)
     */
    @Override
    public Awaitable<Object> get() {
        return new RefCoro<>("Queue.get", co -> {
            while (empty()) {
                if (isShutdown && empty()) {
                    throw new QueueShutDown("");
                }
                RefFuture<Object> getter = getLoop().createFuture();
                getters.addLast(getter);
                try {
                    co.await(getter);
                } catch (Throwable t) {
                    getter.cancel(); // in case it is not done yet
                    getters.remove(getter); // a put_nowait or shutdown may have popped it already
                    if (!empty() && !getter.cancelled()) {
                        // Woken by a put_nowait(), but we cannot take the item: wake the next in line.
                        wakeupNext(getters);
                    }
                    throw t;
                }
            }
            return getNowait();
        });
    }

    /**
     * {@code Queue.get_nowait()}: removes an item and wakes the next putter.
     *
     * @throws QueueShutDown if the queue is empty and shut down
     * @throws QueueEmpty if the queue is empty
     */
    @Override
    public Object getNowait() {
        if (empty()) {
            if (isShutdown) {
                throw new QueueShutDown("");
            }
            throw new QueueEmpty("");
        }
        Object item = storeGet();
        wakeupNext(putters);
        return item;
    }

    /**
     * {@code Queue.task_done()}: one unfinished task less; at 0 the join event is set.
     *
     * @throws ValueError {@code "task_done() called too many times"} if no task is unfinished
     */
    @Override
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new ValueError("task_done() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** {@code Queue.join()}: returns at once with no unfinished task, else waits for the join event. */
    @Override
    public Awaitable<Object> join() {
        return new RefCoro<>("Queue.join", co -> {
            if (unfinishedTasks > 0) {
                co.await(finished.await());
            }
            return null;
        });
    }

    /** {@code Queue.shutdown()}: {@code shutdown(immediate=False)}. */
    @Override
    public void shutdown() {
        shutdown(false);
    }

    /**
     * {@code Queue.shutdown(immediate)}: sets the flag; if immediate, drops the items, counting each as a
     * finished task (setting the join event at 0); then wakes every waiting getter and putter so that they
     * re-check and raise QueueShutDown (a getter only if nothing is left).
     */
    @Override
    public void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!empty()) {
                storeGet();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        while (!getters.isEmpty()) {
            RefFuture<Object> getter = getters.removeFirst();
            if (!getter.done()) {
                getter.setResult(null);
            }
        }
        while (!putters.isEmpty()) {
            RefFuture<Object> putter = putters.removeFirst();
            if (!putter.done()) {
                putter.setResult(null);
            }
        }
    }

    /** {@code Queue._format()}: maxsize, items, waiters, unfinished tasks, shutdown. */
    String format() {
        StringBuilder result = new StringBuilder("maxsize=" + maxsize);
        if (storeSize() > 0) {
            result.append(" _queue=").append(itemsForRepr());
        }
        if (!getters.isEmpty()) {
            result.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            result.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            result.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            result.append(" shutdown");
        }
        return result.toString();
    }

    /** {@code list(self._queue)}, in storage order, for the repr. */
    Object itemsForRepr() {
        return items;
    }

    /** {@code Queue.__str__()}: {@code <Queue maxsize=0 _queue=[1] tasks=1>} (Java's lists print items as Java does). */
    @Override
    public String toString() {
        return "<" + pythonClass() + " " + format() + ">";
    }
}
