package dev.pyconc.spi.futures;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import java.util.Collection;

/**
 * The {@code concurrent.futures} module.
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html">concurrent.futures</a>
 */
public interface FuturesModule {
    /**
     * {@code Future()}: a new pending future not tied to any executor (the docs allow this for testing).
     *
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Future">Future</a>
     */
    Future future();

    /**
     * {@code ThreadPoolExecutor()} with every argument at its default.
     *
     * @see #threadPoolExecutor(ExecutorOptions)
     */
    default Executor threadPoolExecutor() {
        return threadPoolExecutor(ExecutorOptions.defaults());
    }

    /**
     * {@code ThreadPoolExecutor(max_workers, thread_name_prefix, initializer, initargs)}: runs calls on at
     * most {@code max_workers} threads (default {@code min(32, (os.process_cpu_count() or 1) + 4)} since 3.13,
     * with {@code os.cpu_count()} before).
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if {@code maxWorkers <= 0}
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.ThreadPoolExecutor">ThreadPoolExecutor</a>
     */
    Executor threadPoolExecutor(ExecutorOptions options);

    /**
     * {@code ProcessPoolExecutor(max_workers, mp_context, initializer, initargs, max_tasks_per_child)}: runs
     * calls in worker processes; needs {@link dev.pyconc.spi.Feature#PROCESS_POOL}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if {@code maxWorkers <= 0} (or above 61 on Windows), or
     *     {@code maxTasksPerChild} is not a positive int or is used with the "fork" start method
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor">ProcessPoolExecutor</a>
     */
    Executor processPoolExecutor(ExecutorOptions options);

    /**
     * {@code InterpreterPoolExecutor(max_workers, thread_name_prefix, initializer, initargs)} (3.14): runs
     * calls on threads that each have their own interpreter; needs
     * {@link dev.pyconc.spi.Feature#INTERPRETER_POOL}.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if {@code maxWorkers <= 0}
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.InterpreterPoolExecutor">InterpreterPoolExecutor</a>
     */
    Executor interpreterPoolExecutor(ExecutorOptions options);

    /**
     * {@code wait(fs)}: {@code timeout=None, return_when=ALL_COMPLETED}.
     *
     * @see #wait(Collection, Double, ReturnWhen)
     */
    @Blocking
    default DoneAndNotDone wait(Collection<Future> fs) {
        return wait(fs, null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * {@code wait(fs, timeout, return_when)}: waits until {@code returnWhen} holds or the timeout passes; does
     * not raise on timeout. Duplicates in {@code fs} count once.
     *
     * @param fs the futures (possibly from several executors); passed to Python in this order
     * @param timeout seconds; null (None) for no limit
     * @param returnWhen when to return
     * @return the futures done at return, and the others
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.wait">concurrent.futures.wait</a>
     */
    @Blocking
    DoneAndNotDone wait(Collection<Future> fs, Double timeout, ReturnWhen returnWhen);

    /**
     * {@code as_completed(fs)}: {@code timeout=None}.
     *
     * @see #asCompleted(Collection, Double)
     */
    default PyIterator<Future> asCompleted(Collection<Future> fs) {
        return asCompleted(fs, null);
    }

    /**
     * {@code as_completed(fs, timeout)}: an iterator yielding each future as it completes (finished or
     * cancelled), those already done first; a future given twice is yielded once.
     *
     * <p>Where the timeout is counted from: the docs promise it counts from the call to
     * {@code as_completed}; CPython's {@code as_completed} is a generator, so nothing of it runs, and its
     * clock does not start, before the first {@code __next__}, and the timeout is counted from there. The two
     * agree when {@code __next__} is called right after {@code as_completed}.
     *
     * @param fs the futures, passed to Python in this order
     * @param timeout seconds, counted as said above; null (None) for no limit
     * @return an iterator whose {@code __next__} raises TimeoutError once the timeout has passed with
     *     futures still pending
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.as_completed">concurrent.futures.as_completed</a>
     */
    PyIterator<Future> asCompleted(Collection<Future> fs, Double timeout);

    /**
     * A module-level Python function by qualified name, the kind of callable a ProcessPoolExecutor or
     * InterpreterPoolExecutor can send to a worker (a Java {@link PyCallable} cannot leave the process).
     * Every adapter provides at least {@code builtins.abs}, {@code builtins.pow}, {@code builtins.divmod},
     * {@code operator.truediv} (1/0 raises ZeroDivisionError), {@code time.sleep} and {@code os.getpid}.
     *
     * @param qualifiedName for example {@code "operator.truediv"}
     * @return a callable running that function where it is called
     * @throws IllegalArgumentException if the adapter does not provide the function
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#processpoolexecutor">ProcessPoolExecutor</a>
     *     (what it can run)
     */
    PyCallable function(String qualifiedName);

    /**
     * The CPU count the executors' defaults are computed from: {@code os.process_cpu_count()} (3.13+) or
     * {@code os.cpu_count()} before.
     *
     * @return the count, or null where Python returns None
     * @see <a href="https://docs.python.org/3/library/os.html#os.process_cpu_count">os.process_cpu_count</a>
     * @see <a href="https://docs.python.org/3/library/os.html#os.cpu_count">os.cpu_count</a>
     */
    Long processCpuCount();

    /**
     * Runs {@code body} and returns what the implementation logged while it ran, one entry per log record, as
     * {@code "LEVEL logger: message"}, followed by {@code " [exception-class: str(exception)]"} when the
     * record carries an exception (the class by qualified name, e.g. {@code builtins.ValueError}). For
     * Python this is every record that reaches the {@code logging} module's root logger, from any thread
     * (e.g. {@code concurrent.futures}' own logger, which logs a done-callback's exception); other
     * implementations report what their own logging records. Records from other threads of the process may
     * appear too.
     *
     * @param body what to run; its exceptions propagate (the log is then lost)
     * @return the records, in the order they were logged
     * @see <a href="https://docs.python.org/3/library/logging.html">logging</a>
     */
    java.util.List<String> captureLog(Runnable body);
}
