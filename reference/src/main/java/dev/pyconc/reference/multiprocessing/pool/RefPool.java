package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code multiprocessing.pool.Pool} after CPython's {@code pool.py}, with the kind of worker left to the subclass
 * ({@link RefThreadPool}: threads; {@link RefProcessPool}: child processes).
 *
 * <p>Submitting puts the tasks on the input queue at once (pool.py's task handler thread feeds them lazily from
 * an iterable; the SPI hands over lists, so there is nothing to feed). Each worker takes one task at a time from
 * the input queue, so a busy worker never holds a task another could run; it puts the outcome on the output
 * queue. The <em>result handler</em> thread takes the outcomes, sets the waiting {@code AsyncResult} or iterator
 * of the job in the cache and runs its callbacks. The <em>worker handler</em> thread replaces workers that exited
 * ({@code maxtasksperchild}) while the pool runs, or while jobs are pending after {@code close()}; then it asks
 * every worker to exit and tells the result handler to end. {@code terminate()} drops the tasks not yet started,
 * ends the handlers and stops the workers (a thread worker finishes the call it is in); the pending jobs are
 * never completed, as in CPython.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.pool">Process pools</a>
 */
public abstract class RefPool implements Pool {
    private static final AtomicLong JOB_COUNTER = new AtomicLong();
    /** pool.py's None on the queues: a worker that takes it exits; the result handler that takes it ends. */
    static final Object SENTINEL = new Object();

    enum State { RUN, CLOSE, TERMINATE }

    /** One outcome on the output queue: pool.py's {@code (job, i, (success, value))}. */
    record Delivery(long job, int index, Outcome outcome) {
    }

    /** A worker as the pool sees it: pool.py's Process (or DummyProcess) of the {@code worker} function. */
    interface Worker {
        /** Whether the worker has exited (its exitcode is set). */
        boolean exited();

        /** Waits until the worker has exited. */
        void join();

        /** Stops the worker at once; does nothing for a thread, which cannot be stopped. */
        void terminate();
    }

    private final ThreadingModule threading;
    private final String kind;
    protected final int processes;
    protected final PyCallable initializer;
    protected final List<Object> initargs;
    protected final Long maxtasksperchild;
    /** pool.py's inqueue: {@link Task}s and {@link #SENTINEL}s. */
    final LinkedBlockingDeque<Object> inqueue = new LinkedBlockingDeque<>();
    /** pool.py's outqueue: {@link Delivery}s and {@link #SENTINEL}s. */
    final LinkedBlockingQueue<Object> outqueue = new LinkedBlockingQueue<>();
    private final Map<Long, Job> cache = new ConcurrentHashMap<>();
    private final Object change = new Object(); // pool.py's change notifier
    private final List<Worker> workers = new ArrayList<>(); // guarded by itself
    private final Object submit = new Object(); // orders submissions against close/terminate
    private volatile State state = State.RUN;
    private volatile State workerHandlerState = State.RUN;
    private volatile boolean resultHandlerTerminated;
    private boolean terminated; // guarded by submit
    private boolean started;
    private PyThread workerHandler;
    private PyThread resultHandler;

    /**
     * Checks the options as pool.py's constructor does; {@link #start()} then starts the workers and handlers.
     *
     * @param threading makes the handler threads (and, for a ThreadPool, the workers)
     * @param kind {@code "Pool"} or {@code "ThreadPool"}, for messages
     * @param cpuCount the default number of workers ({@code os.process_cpu_count()})
     * @throws ValueError for processes below 1 or maxtasksperchild not positive
     */
    protected RefPool(ThreadingModule threading, String kind, PoolOptions options, long cpuCount) {
        this.threading = threading;
        this.kind = kind;
        long n = options.processes() == null ? Math.max(1, cpuCount) : options.processes();
        if (n < 1) {
            throw new ValueError("Number of processes must be at least 1");
        }
        Long m = options.maxtasksperchild();
        if (m != null && m <= 0) {
            throw new ValueError("maxtasksperchild must be a positive int or None");
        }
        this.processes = (int) Math.min(n, Integer.MAX_VALUE);
        this.initializer = options.initializer();
        this.initargs = options.initargs();
        this.maxtasksperchild = m;
    }

    /** Starts the workers and the two handler threads; a subclass calls it last in its constructor. */
    protected final void start() {
        if (started) {
            throw new IllegalStateException("started twice");
        }
        started = true;
        try {
            repopulate();
        } catch (RuntimeException | Error e) {
            synchronized (workers) {
                workers.forEach(Worker::terminate);
                workers.forEach(Worker::join);
            }
            throw e;
        }
        workerHandler = handlerThread("worker handler", this::handleWorkers);
        resultHandler = handlerThread("result handler", this::handleResults);
    }

    private PyThread handlerThread(String what, Runnable body) {
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.named(what.replace(' ', '_'), PyCallable.of(body)))
                .withName(kind + " " + what).withDaemon(true));
        t.start();
        return t;
    }

    /**
     * Starts one worker: it calls the initializer, then runs {@link #workerLoop} with this pool's maxtasksperchild,
     * and calls {@link #workerExited()} when it ends.
     */
    protected abstract Worker startWorker(int number);

    /** The number of the next worker started, for its name. */
    private int workerCount;

    /** pool.py's {@code _repopulate_pool}: starts workers until there are {@code processes}. */
    private void repopulate() {
        synchronized (workers) {
            while (workers.size() < processes) {
                workers.add(startWorker(++workerCount));
            }
        }
    }

    /** pool.py's {@code _maintain_pool}: joins the workers that exited and starts their replacements. */
    private void maintainPool() {
        boolean cleaned = false;
        synchronized (workers) {
            for (int i = workers.size() - 1; i >= 0; i--) {
                if (workers.get(i).exited()) {
                    workers.remove(i).join();
                    cleaned = true;
                }
            }
        }
        if (cleaned) {
            repopulate();
        }
    }

    /** Wakes the worker handler: a state change, a worker that exited, the cache that became empty. */
    protected final void workerExited() {
        notifyChange();
    }

    private void notifyChange() {
        synchronized (change) {
            change.notifyAll();
        }
    }

    /** pool.py's {@code _handle_workers}. */
    private void handleWorkers() {
        while (workerHandlerState == State.RUN || (!cache.isEmpty() && workerHandlerState != State.TERMINATE)) {
            maintainPool();
            synchronized (change) {
                if (workerHandlerState == State.RUN || (!cache.isEmpty() && workerHandlerState != State.TERMINATE)) {
                    try {
                        change.wait(100); // a bound only: every change notifies
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
        // pool.py's task handler, told by the worker handler: no more work, then the result handler may end
        synchronized (workers) {
            for (int i = 0; i < workers.size(); i++) {
                inqueue.addLast(SENTINEL);
            }
        }
        outqueue.add(SENTINEL);
    }

    /** pool.py's {@code _handle_results}. */
    private void handleResults() {
        try {
            while (true) {
                Object item = outqueue.take();
                if (resultHandlerTerminated || item == SENTINEL) {
                    break;
                }
                deliver((Delivery) item);
            }
            while (!cache.isEmpty() && !resultHandlerTerminated) {
                Object item = outqueue.take();
                if (item != SENTINEL && !resultHandlerTerminated) {
                    deliver((Delivery) item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Delivery d) {
        Job j = cache.get(d.job());
        if (j != null) {
            j.set(d.index(), d.outcome());
        }
    }

    /**
     * pool.py's {@code worker} loop, run by each worker after its initializer: takes tasks until the sentinel or
     * {@code maxtasksperchild} of them, runs each with {@code run} and puts the outcome on the output queue.
     */
    protected final void workerLoop(java.util.function.Function<Task, Outcome> run) {
        long completed = 0;
        while (maxtasksperchild == null || completed < maxtasksperchild) {
            Object item;
            try {
                item = inqueue.takeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item == SENTINEL) {
                return;
            }
            Task t = (Task) item;
            outqueue.add(new Delivery(t.job(), t.index(), run.apply(t)));
            completed++;
        }
    }

    /**
     * Runs a task in this thread: the call, or pool.py's {@code mapstar}. An {@code Exception} the call raises
     * (and a Java error of a Java callable) becomes a failed outcome; a BaseException that is not an Exception
     * ({@code SystemExit}) ends the worker, as in pool.py.
     */
    static Outcome runHere(Task t) {
        try {
            if (!t.chunk()) {
                return Outcome.ok(t.func().call(t.calls().get(0), t.kwds()));
            }
            List<Object> out = new ArrayList<>(t.calls().size());
            for (List<Object> args : t.calls()) {
                out.add(t.func().call(args, Map.of()));
            }
            return Outcome.ok(out);
        } catch (BaseException e) {
            if (!(e instanceof PyException)) {
                throw e;
            }
            return Outcome.failed(e);
        } catch (RuntimeException | Error e) {
            return Outcome.failed(e);
        }
    }

    // --- submitting ------------------------------------------------------------------------------------------

    long nextJob() {
        return JOB_COUNTER.incrementAndGet();
    }

    void cacheAdd(Job j) {
        cache.put(j.job(), j);
    }

    void cacheRemove(long job) {
        if (cache.remove(job) != null && cache.isEmpty()) {
            notifyChange();
        }
    }

    private void checkRunning() {
        if (state != State.RUN) {
            throw new ValueError("Pool not running");
        }
    }

    /** Checks that {@code func} can be a task of this pool (a process pool: a routine). */
    protected void checkTask(PyCallable func) {
        if (func == null) {
            throw new TypeError("'NoneType' object is not callable");
        }
    }

    private void put(List<Task> tasks) {
        for (Task t : tasks) {
            inqueue.addLast(t);
        }
    }

    @Override
    public Object apply(PyCallable func, List<Object> args, Map<String, Object> kwds) {
        return applyAsync(func, args, kwds, null, null).get();
    }

    @Override
    public AsyncResult applyAsync(PyCallable func, List<Object> args, Map<String, Object> kwds, PyCallable callback,
            PyCallable errorCallback) {
        synchronized (submit) {
            checkRunning();
            checkTask(func);
            RefAsyncResult r = new RefAsyncResult(this, callback, errorCallback);
            List<Object> a = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
            Map<String, Object> k = kwds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwds));
            put(List.of(new Task(r.job(), 0, func, List.of(a), k, false)));
            return r;
        }
    }

    @Override
    public List<Object> map(PyCallable func, List<?> iterable, Long chunksize) {
        return result(mapAsync(func, iterable, chunksize, null, null));
    }

    @Override
    public AsyncResult mapAsync(PyCallable func, List<?> iterable, Long chunksize, PyCallable callback,
            PyCallable errorCallback) {
        return mapCalls(func, singles(iterable), chunksize, callback, errorCallback);
    }

    @Override
    public List<Object> starmap(PyCallable func, List<? extends List<?>> iterable, Long chunksize) {
        return result(starmapAsync(func, iterable, chunksize, null, null));
    }

    @Override
    public AsyncResult starmapAsync(PyCallable func, List<? extends List<?>> iterable, Long chunksize,
            PyCallable callback, PyCallable errorCallback) {
        List<List<Object>> calls = new ArrayList<>(iterable.size());
        for (List<?> item : iterable) {
            calls.add(Collections.unmodifiableList(new ArrayList<>(item)));
        }
        return mapCalls(func, calls, chunksize, callback, errorCallback);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> result(AsyncResult r) {
        return (List<Object>) r.get();
    }

    private static List<List<Object>> singles(List<?> iterable) {
        List<List<Object>> calls = new ArrayList<>(iterable.size());
        for (Object x : iterable) {
            calls.add(Collections.singletonList(x));
        }
        return calls;
    }

    /** pool.py's {@code _map_async}: the calls in chunks, chunksize None giving about four chunks per worker. */
    private AsyncResult mapCalls(PyCallable func, List<List<Object>> calls, Long chunksize, PyCallable callback,
            PyCallable errorCallback) {
        synchronized (submit) {
            checkRunning();
            checkTask(func);
            int size;
            if (chunksize == null) {
                int per = processes * 4;
                size = calls.size() / per + (calls.size() % per == 0 ? 0 : 1);
            } else {
                if (chunksize < 0) {
                    throw new ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
                }
                size = (int) Math.min(chunksize, Integer.MAX_VALUE);
            }
            if (calls.isEmpty()) {
                size = 0;
            }
            MapResult r = new MapResult(this, size, calls.size(), callback, errorCallback);
            if (size > 0) {
                put(chunks(r.job(), func, calls, size));
            }
            return r;
        }
    }

    private static List<Task> chunks(long job, PyCallable func, List<List<Object>> calls, int size) {
        List<Task> tasks = new ArrayList<>();
        for (int from = 0, i = 0; from < calls.size(); from += size, i++) {
            tasks.add(new Task(job, i, func, List.copyOf(calls.subList(from, Math.min(calls.size(), from + size))),
                    Map.of(), true));
        }
        return tasks;
    }

    @Override
    public PoolIterator imap(PyCallable func, List<?> iterable, long chunksize) {
        return imap(func, iterable, chunksize, true);
    }

    @Override
    public PoolIterator imapUnordered(PyCallable func, List<?> iterable, long chunksize) {
        return imap(func, iterable, chunksize, false);
    }

    private PoolIterator imap(PyCallable func, List<?> iterable, long chunksize, boolean ordered) {
        synchronized (submit) {
            checkRunning();
            checkTask(func);
            if (chunksize < 1) {
                throw new ValueError("Chunksize must be 1+, not " + chunksize);
            }
            List<List<Object>> calls = singles(iterable);
            IMapIterator it = new IMapIterator(this, ordered);
            List<Task> tasks;
            if (chunksize == 1) {
                tasks = new ArrayList<>(calls.size());
                for (int i = 0; i < calls.size(); i++) {
                    tasks.add(new Task(it.job(), i, func, List.of(calls.get(i)), Map.of(), false));
                }
            } else {
                tasks = chunks(it.job(), func, calls, (int) Math.min(chunksize, Integer.MAX_VALUE));
            }
            put(tasks);
            it.setLength(tasks.size());
            return chunksize == 1 ? it : new ChunkedIterator(it);
        }
    }

    // --- ending ----------------------------------------------------------------------------------------------

    @Override
    public void close() {
        synchronized (submit) {
            if (state == State.RUN) {
                state = State.CLOSE;
                workerHandlerState = State.CLOSE;
            }
        }
        notifyChange();
    }

    @Override
    public void terminate() {
        synchronized (submit) {
            state = State.TERMINATE;
            if (terminated) {
                return;
            }
            terminated = true;
        }
        // pool.py's _terminate_pool
        workerHandlerState = State.TERMINATE;
        notifyChange();
        inqueue.clear(); // _help_stuff_finish: the tasks not yet started are dropped
        synchronized (workers) {
            for (int i = 0; i < workers.size(); i++) {
                inqueue.addFirst(SENTINEL);
            }
        }
        resultHandlerTerminated = true;
        outqueue.add(SENTINEL);
        joinHandler(workerHandler);
        List<Worker> ws;
        synchronized (workers) {
            ws = new ArrayList<>(workers);
        }
        for (Worker w : ws) {
            if (!w.exited()) {
                w.terminate();
            }
        }
        joinHandler(resultHandler);
        if (stopsWorkers()) {
            for (Worker w : ws) {
                w.join();
            }
        }
    }

    /** Whether {@link Worker#terminate()} stops a worker, so that terminate() also waits for them (pool.py: processes). */
    protected abstract boolean stopsWorkers();

    /** Joins a handler thread unless it is the caller (a callback, run by the result handler, may terminate). */
    private void joinHandler(PyThread t) {
        if (t != null && t != threading.currentThread()) {
            t.join();
        }
    }

    @Override
    public void join() {
        if (state == State.RUN) {
            throw new ValueError("Pool is still running");
        }
        workerHandler.join();
        resultHandler.join();
        List<Worker> ws;
        synchronized (workers) {
            ws = new ArrayList<>(workers);
        }
        SysCalls.begin(); // for Adapter.isBlocked (the handlers' joins above are threading's, marked there)
        try {
            for (Worker w : ws) {
                w.join();
            }
        } finally {
            SysCalls.end();
        }
    }

    @Override
    public Held enter() {
        checkRunning();
        return exc -> {
            terminate();
            return false;
        };
    }

    static long toNanos(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new ValueError("Invalid value NaN (not a number)");
        }
        if (seconds <= 0) {
            return 0;
        }
        return seconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE / 2 : (long) (seconds * 1e9);
    }

    @Override
    public String toString() {
        synchronized (workers) {
            return "<multiprocessing.pool." + kind + " state=" + state + " pool_size=" + workers.size() + ">";
        }
    }
}
