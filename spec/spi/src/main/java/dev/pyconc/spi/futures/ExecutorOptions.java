package dev.pyconc.spi.futures;

import dev.pyconc.spi.PyCallable;
import java.util.List;

/**
 * The constructor arguments of the executors; each field defaults to None (null), as in Python, and an
 * executor kind that has no such argument requires it to be null.
 *
 * @param maxWorkers {@code max_workers}: null for the executor's documented default
 * @param threadNamePrefix {@code thread_name_prefix} (ThreadPoolExecutor, InterpreterPoolExecutor); null for
 *     Python's default {@code ''}
 * @param initializer {@code initializer}: called at the start of each worker; null for None
 * @param initargs {@code initargs}: arguments of the initializer, plain values
 * @param mpContext {@code mp_context} (ProcessPoolExecutor) as a start method name ({@code "spawn"},
 *     {@code "fork"}, {@code "forkserver"}) for {@code multiprocessing.get_context(name)}; null for None
 * @param maxTasksPerChild {@code max_tasks_per_child} (ProcessPoolExecutor, 3.11); null for None
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#threadpoolexecutor">ThreadPoolExecutor</a>
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#processpoolexecutor">ProcessPoolExecutor</a>
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#interpreterpoolexecutor">InterpreterPoolExecutor</a>
 */
public record ExecutorOptions(Long maxWorkers, String threadNamePrefix, PyCallable initializer,
        List<Object> initargs, String mpContext, Long maxTasksPerChild) {

    /**
     * Makes the options; a null {@code initargs} means none, and the list is copied so later changes to the
     * caller's list do not reach the executor.
     */
    public ExecutorOptions {
        initargs = initargs == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(initargs));
    }

    /** Every argument at its default. */
    public static ExecutorOptions defaults() {
        return new ExecutorOptions(null, null, null, List.of(), null, null);
    }

    /** {@code max_workers=n}. */
    public static ExecutorOptions maxWorkers(long n) {
        return defaults().withMaxWorkers(n);
    }

    /**
     * These options with {@code max_workers=n}.
     *
     * @param n the most workers (threads, processes or interpreters) the executor runs; null for its default;
     *     the executor raises ValueError if it is 0 or below
     */
    public ExecutorOptions withMaxWorkers(Long n) {
        return new ExecutorOptions(n, threadNamePrefix, initializer, initargs, mpContext, maxTasksPerChild);
    }

    /**
     * These options with {@code thread_name_prefix=p} (ThreadPoolExecutor, InterpreterPoolExecutor only).
     *
     * @param p the start of the worker threads' names; null for Python's default {@code ''}
     */
    public ExecutorOptions withThreadNamePrefix(String p) {
        return new ExecutorOptions(maxWorkers, p, initializer, initargs, mpContext, maxTasksPerChild);
    }

    /**
     * These options with {@code initializer=i, initargs=args}: {@code i(*args)} runs at the start of each
     * worker; if it raises, the pool is broken (BrokenThreadPool, BrokenProcessPool, BrokenInterpreterPool).
     *
     * @param i the initializer; null for None
     * @param args its positional arguments, plain values; null for none
     */
    public ExecutorOptions withInitializer(PyCallable i, List<Object> args) {
        return new ExecutorOptions(maxWorkers, threadNamePrefix, i, args, mpContext, maxTasksPerChild);
    }

    /**
     * These options with {@code mp_context=multiprocessing.get_context(m)} (ProcessPoolExecutor only).
     *
     * @param m a start method name ({@code "spawn"}, {@code "fork"}, {@code "forkserver"}); null for None
     */
    public ExecutorOptions withMpContext(String m) {
        return new ExecutorOptions(maxWorkers, threadNamePrefix, initializer, initargs, m, maxTasksPerChild);
    }

    /**
     * These options with {@code max_tasks_per_child=n} (ProcessPoolExecutor only, 3.11+): a worker process
     * is replaced after running {@code n} calls.
     *
     * @param n the calls per worker process; null for None (no limit); the executor raises ValueError for a
     *     value below 1 or with the "fork" start method
     */
    public ExecutorOptions withMaxTasksPerChild(Long n) {
        return new ExecutorOptions(maxWorkers, threadNamePrefix, initializer, initargs, mpContext, n);
    }
}
