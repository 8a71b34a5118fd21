package dev.pyconc.reference.futures;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.BrokenThreadPool;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concurrent.futures.ThreadPoolExecutor}, following CPython's design: a FIFO work queue, worker
 * {@code threading} threads started on demand (one per {@code submit} while no worker is idle, up to
 * {@code max_workers}), a count of idle workers, a None sentinel that tells workers to leave at
 * shutdown, and a "broken" state once an initializer raised.
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#threadpoolexecutor">ThreadPoolExecutor</a>
 */
public final class RefThreadPoolExecutor implements Executor {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Object SENTINEL = new Object();

    private final ThreadingModule threading;
    private final int maxWorkers;
    private final String prefix;
    private final PyCallable initializer;
    private final List<Object> initargs;
    /** CPython's {@code _work_queue} (a SimpleQueue): work items and the None sentinel, FIFO. */
    private final WorkQueue queue;
    /**
     * CPython's {@code _idle_semaphore}: how many workers went idle and have not been claimed by a submit since.
     * Nobody ever blocks on it (CPython only calls {@code acquire(timeout=0)}), so a counter does its job.
     */
    private final AtomicInteger idle = new AtomicInteger();
    private final Object shutdownLock = new Object();
    private final List<PyThread> threads = new ArrayList<>();
    private boolean shutdown;
    private String broken;

    /**
     * {@code ThreadPoolExecutor(max_workers, thread_name_prefix, initializer, initargs)}.
     *
     * @param cpuCount what the default {@code max_workers} is computed from
     * @throws ValueError if {@code max_workers <= 0}
     */
    RefThreadPoolExecutor(ThreadingModule threading, ExecutorOptions o, long cpuCount) {
        if (o.mpContext() != null || o.maxTasksPerChild() != null) {
            throw new dev.pyconc.spi.exceptions.TypeError("ThreadPoolExecutor has no mp_context or max_tasks_per_child");
        }
        long n = o.maxWorkers() == null ? Math.min(32, cpuCount + 4) : o.maxWorkers();
        if (n <= 0) {
            throw new ValueError("max_workers must be greater than 0");
        }
        this.threading = threading;
        this.maxWorkers = (int) Math.min(n, Integer.MAX_VALUE);
        this.prefix = o.threadNamePrefix() != null && !o.threadNamePrefix().isEmpty() ? o.threadNamePrefix()
                : "ThreadPoolExecutor-" + COUNTER.getAndIncrement();
        this.initializer = o.initializer();
        this.initargs = o.initargs();
        this.queue = new WorkQueue(threading);
    }

    /**
     * CPython's {@code _work_queue} (a {@code queue.SimpleQueue}): an unbounded FIFO whose {@link #take} blocks
     * while it is empty. The items are in a lock-free {@link ConcurrentLinkedQueue}, and {@link #count} says how
     * many are there for the taking (a taker claims one by decrementing it, then polls). A taker that finds none
     * counts itself in {@link #sleepers}, looks once more, and blocks acquiring {@link #wake}, a
     * {@code threading.Lock} of the adapter kept locked while no wake-up is due (the way CPython's Condition
     * blocks its waiters on locks), so an idle worker shows as blocked in the adapter and is woken when the
     * adapter closes. A {@link #put} touches that lock only when a taker sleeps; like the JDK's
     * {@code LinkedBlockingQueue} it wakes one sleeper at a time ({@link #wakePending}), and a woken taker that
     * leaves items behind wakes the next one, so a producer does not pay for waking every idle worker.
     */
    private static final class WorkQueue {
        private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
        /** Items put and not claimed yet. */
        private final AtomicInteger count = new AtomicInteger();
        /** Takers that found nothing and sleep, or are about to, on {@link #wake}. */
        private final AtomicInteger sleepers = new AtomicInteger();
        /**
         * {@link #wake} was released and no sleeper has taken it yet: at most one wake-up is in flight, so
         * {@link #wake} is released only while locked (Python's Lock raises on releasing an unlocked lock).
         */
        private final AtomicBoolean wakePending = new AtomicBoolean();
        /** Locked while no wake-up is due; a sleeper blocks acquiring it, a wake-up releases it. */
        private final Lock wake;

        WorkQueue(ThreadingModule threading) {
            this.wake = threading.lock();
            this.wake.acquire();
        }

        void put(Object item) {
            items.offer(item); // before the count: whoever claims this item finds it in the queue
            count.incrementAndGet();
            // The increment comes before this read, and a sleeper counts itself before it looks at the count:
            // so either this put sees the sleeper, or the sleeper sees the item.
            if (sleepers.get() > 0) {
                wakeOne();
            }
        }

        void putAll(List<Object> more) {
            for (Object o : more) {
                put(o);
            }
        }

        /** Releases one sleeper, unless a released one has not woken yet (it will look at the queue, see take). */
        private void wakeOne() {
            if (wakePending.compareAndSet(false, true)) {
                wake.release();
            }
        }

        /** The first item, or null if there is none (never blocks: CPython's {@code get_nowait}). */
        Object poll() {
            while (true) {
                int c = count.get();
                if (c <= 0) {
                    return null;
                }
                if (count.compareAndSet(c, c - 1)) {
                    return items.poll(); // an item was counted for this taker, so it is there
                }
            }
        }

        /** The first item, waiting for one if there is none (CPython's {@code get(block=True)}). */
        Object take() {
            while (true) {
                Object item = poll();
                if (item != null) {
                    if (count.get() > 0 && sleepers.get() > 0) {
                        wakeOne(); // more work and another idle taker: pass the wake on
                    }
                    return item;
                }
                sleepers.incrementAndGet();
                try {
                    if (count.get() > 0) {
                        continue; // an item came after all (its put may not have seen this sleeper)
                    }
                    wake.acquire();
                    wakePending.set(false); // before looking at the queue: a later put wakes the next sleeper
                } finally {
                    sleepers.decrementAndGet();
                }
            }
        }
    }

    /**
     * One submitted call and its future (CPython's {@code _WorkItem} and the {@code Future} it holds, in one object:
     * see {@link RefFuture}). The call's fields are dropped once it ran, as CPython drops the work item.
     */
    static final class Task extends RefFuture {
        private static final long serialVersionUID = 1L;
        private transient PyCallable fn;
        private transient List<Object> args;
        private transient Map<String, Object> kwargs;

        Task(ThreadingModule threading, PyCallable fn, List<Object> args, Map<String, Object> kwargs) {
            super(threading);
            this.fn = fn;
            this.args = args;
            this.kwargs = kwargs;
        }

        /** CPython's {@code _WorkItem.run}: nothing if cancelled, else the call and its outcome into the future. */
        void run() {
            PyCallable f = fn;
            List<Object> a = args;
            Map<String, Object> k = kwargs;
            fn = null;
            args = null;
            kwargs = null;
            if (!setRunningOrNotifyCancel()) {
                return;
            }
            Object value;
            try {
                value = f.call(a, k);
            } catch (BaseException e) {
                setException(e);
                return;
            } catch (RuntimeException | Error e) {
                // not a Python exception (e.g. a failed assertion in a case's task): still finish the future
                setException(new RuntimeError("Java exception in a task: " + e));
                return;
            }
            setResult(value);
        }
    }

    @Override
    public Future submit(PyCallable fn, List<Object> args, Map<String, Object> kwargs) {
        synchronized (shutdownLock) {
            if (broken != null) {
                throw new BrokenThreadPool(broken);
            }
            if (shutdown) {
                throw new RuntimeError("cannot schedule new futures after shutdown");
            }
            // Python's *args and **kwargs are a new tuple and dict: the caller's later changes do not reach the call
            Task f = new Task(threading, fn, args.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(args)),
                    kwargs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)));
            queue.put(f);
            adjustThreadCount();
            return f;
        }
    }

    private void adjustThreadCount() {
        if (tryAcquireIdle()) {
            return; // an idle worker will take it
        }
        if (threads.size() < maxWorkers) {
            String name = prefix + "_" + threads.size();
            PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(this::worker)).withName(name));
            t.start();
            threads.add(t);
        }
    }

    /** CPython's {@code _idle_semaphore.acquire(timeout=0)}. */
    private boolean tryAcquireIdle() {
        while (true) {
            int n = idle.get();
            if (n == 0) {
                return false;
            }
            if (idle.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    private void worker() {
        if (initializer != null) {
            try {
                initializer.call(initargs, Map.of());
            } catch (RuntimeException | Error e) {
                // as CPython's worker: any BaseException (SystemExit too) breaks the pool
                System.err.println("Exception in initializer: " + e);
                initializerFailed();
                return;
            }
        }
        while (true) {
            // as CPython 3.14's worker: idle only when the queue is empty, then wait for the next item
            Object item = queue.poll();
            if (item == null) {
                idle.incrementAndGet();
                item = queue.take();
            }
            if (item != SENTINEL) {
                ((Task) item).run();
                continue;
            }
            queue.put(SENTINEL); // wake the next worker too
            return;
        }
    }

    private void initializerFailed() {
        synchronized (shutdownLock) {
            broken = "A thread initializer failed, the thread pool is not usable anymore";
            Object item;
            while ((item = queue.poll()) != null) {
                if (item instanceof Task w) {
                    try {
                        w.setException(new BrokenThreadPool(broken));
                    } catch (dev.pyconc.spi.exceptions.InvalidStateError ignored) {
                        // cancelled meanwhile
                    }
                } else {
                    queue.put(item);
                    break;
                }
            }
        }
    }

    @Override
    public PyIterator<Object> map(PyCallable fn, List<? extends List<?>> iterables, Double timeout, long chunksize,
            Long buffersize) {
        if (buffersize != null && buffersize < 1) {
            throw new ValueError("buffersize must be None or > 0");
        }
        double endTime = timeout == null ? 0 : timeout + System.nanoTime() / 1e9;
        int n = Integer.MAX_VALUE;
        for (List<?> it : iterables) {
            n = Math.min(n, it.size());
        }
        if (iterables.isEmpty()) {
            n = 0;
        }
        int count = n;
        List<List<Object>> argsList = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Object> a = new ArrayList<>();
            for (List<?> it : iterables) {
                a.add(it.get(i));
            }
            argsList.add(a);
        }
        Deque<Future> fs = new ArrayDeque<>();
        int[] nextArg = {0};
        int first = buffersize == null ? count : (int) Math.min(count, buffersize);
        for (; nextArg[0] < first; nextArg[0]++) {
            fs.addLast(submit(fn, argsList.get(nextArg[0]), Map.of()));
        }
        return new PyIterator<>() {
            private boolean over;

            @Override
            public synchronized Object next() {
                if (over || fs.isEmpty()) {
                    over = true;
                    throw new StopIteration("");
                }
                try {
                    if (buffersize != null && nextArg[0] < count) {
                        fs.addLast(submit(fn, argsList.get(nextArg[0]++), Map.of()));
                    }
                    Future f = fs.removeFirst();
                    try {
                        return timeout == null ? f.result() : f.result(endTime - System.nanoTime() / 1e9);
                    } catch (RuntimeException | Error e) {
                        f.cancel();
                        throw e;
                    }
                } catch (RuntimeException | Error e) {
                    over = true;
                    for (Future f : fs) {
                        f.cancel();
                    }
                    throw e;
                }
            }
        };
    }

    @Override
    public void shutdown(boolean wait, boolean cancelFutures) {
        List<PyThread> toJoin;
        synchronized (shutdownLock) {
            shutdown = true;
            if (cancelFutures) {
                Object item;
                List<Object> keep = new ArrayList<>();
                while ((item = queue.poll()) != null) {
                    if (item instanceof Task w) {
                        w.cancel();
                    } else {
                        keep.add(item);
                    }
                }
                queue.putAll(keep);
            }
            queue.put(SENTINEL);
            toJoin = new ArrayList<>(threads);
        }
        if (wait) {
            for (PyThread t : toJoin) {
                t.join();
            }
        }
    }

    @Override
    public Held enter() {
        return Held.of(() -> shutdown(true, false));
    }
}
