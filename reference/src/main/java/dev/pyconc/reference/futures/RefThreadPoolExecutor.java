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
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concurrent.futures.ThreadPoolExecutor}, following CPython's design: a FIFO work queue, worker
 * {@code threading} threads started on demand (one per {@code submit} while no worker is idle, up to
 * {@code max_workers}), a semaphore counting idle workers, a None sentinel that tells workers to leave at
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
    private final Semaphore idle;
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
        this.idle = threading.semaphore(0);
        this.queue = new WorkQueue(threading);
    }

    /**
     * An unbounded FIFO on a {@code threading.Condition} of the adapter, so that an idle worker waiting in
     * {@link #take} shows as blocked in the adapter (and is woken when the adapter closes).
     */
    private static final class WorkQueue {
        private final dev.pyconc.spi.threading.Condition cond;
        private final Deque<Object> items = new ArrayDeque<>();

        WorkQueue(ThreadingModule threading) {
            this.cond = threading.condition(threading.lock());
        }

        void add(Object item) {
            cond.acquire();
            try {
                items.addLast(item);
                cond.signal();
            } finally {
                cond.release();
            }
        }

        void addAll(List<Object> more) {
            for (Object o : more) {
                add(o);
            }
        }

        /** The first item, or null if there is none. */
        Object poll() {
            cond.acquire();
            try {
                return items.pollFirst();
            } finally {
                cond.release();
            }
        }

        Object take() {
            cond.acquire();
            try {
                while (items.isEmpty()) {
                    cond.await();
                }
                return items.removeFirst();
            } finally {
                cond.release();
            }
        }
    }

    /** One submitted call. */
    private record WorkItem(RefFuture future, PyCallable fn, List<Object> args, Map<String, Object> kwargs) {
        void run() {
            if (!future.setRunningOrNotifyCancel()) {
                return;
            }
            Object value;
            try {
                value = fn.call(args, kwargs);
            } catch (BaseException e) {
                future.setException(e);
                return;
            } catch (RuntimeException | Error e) {
                // not a Python exception (e.g. a failed assertion in a case's task): still finish the future
                future.setException(new RuntimeError("Java exception in a task: " + e));
                return;
            }
            future.setResult(value);
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
            RefFuture f = new RefFuture(threading);
            queue.add(new WorkItem(f, fn, Collections.unmodifiableList(new ArrayList<>(args)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(kwargs))));
            adjustThreadCount();
            return f;
        }
    }

    private void adjustThreadCount() {
        if (idle.acquire(false)) {
            return; // an idle worker will take it
        }
        if (threads.size() < maxWorkers) {
            String name = prefix + "_" + threads.size();
            PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(this::worker)).withName(name));
            t.start();
            threads.add(t);
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
            Object item = queue.take();
            if (item != SENTINEL) {
                ((WorkItem) item).run();
                idle.release();
                continue;
            }
            queue.add(SENTINEL); // wake the next worker too
            return;
        }
    }

    private void initializerFailed() {
        synchronized (shutdownLock) {
            broken = "A thread initializer failed, the thread pool is not usable anymore";
            Object item;
            while ((item = queue.poll()) != null) {
                if (item instanceof WorkItem w) {
                    try {
                        w.future.setException(new BrokenThreadPool(broken));
                    } catch (dev.pyconc.spi.exceptions.InvalidStateError ignored) {
                        // cancelled meanwhile
                    }
                } else {
                    queue.add(item);
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
                    if (item instanceof WorkItem w) {
                        w.future.cancel();
                    } else {
                        keep.add(item);
                    }
                }
                queue.addAll(keep);
            }
            queue.add(SENTINEL);
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
