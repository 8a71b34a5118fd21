package dev.pyconc.spi.futures;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.PyIterator;
import java.util.List;
import java.util.Map;

/**
 * {@code concurrent.futures.Executor}, as a ThreadPoolExecutor, ProcessPoolExecutor or
 * InterpreterPoolExecutor. {@link #enter()} is {@code with executor:}; leaving the block calls
 * {@code shutdown(wait=True)}.
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#executor-objects">Executor objects</a>
 */
public interface Executor extends PyContextManager {
    /**
     * {@code submit(fn)}: schedules {@code fn()} to run.
     *
     * @return the Future of the call
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the executor was shut down
     * @throws dev.pyconc.spi.exceptions.BrokenExecutor if the executor is broken (a subclass per executor kind)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Executor.submit">Executor.submit</a>
     */
    default Future submit(PyCallable fn) {
        return submit(fn, List.of(), Map.of());
    }

    /**
     * {@code submit(fn, *args, **kwargs)}: schedules {@code fn(*args, **kwargs)} to run.
     *
     * @param fn the callable; a process or interpreter pool needs one from {@link FuturesModule#function}
     * @param args positional arguments, plain values
     * @param kwargs keyword arguments, plain values
     * @return the Future of the call
     * @throws dev.pyconc.spi.exceptions.RuntimeError if the executor was shut down
     * @throws dev.pyconc.spi.exceptions.BrokenExecutor if the executor is broken
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Executor.submit">Executor.submit</a>
     */
    Future submit(PyCallable fn, List<Object> args, Map<String, Object> kwargs);

    /**
     * {@code map(fn, *iterables)}: {@code timeout=None, chunksize=1, buffersize=None}.
     *
     * @see #map(PyCallable, List, Double, long, Long)
     */
    default PyIterator<Object> map(PyCallable fn, List<? extends List<?>> iterables) {
        return map(fn, iterables, null, 1, null);
    }

    /**
     * {@code map(fn, *iterables, timeout=timeout, chunksize=chunksize, buffersize=buffersize)}: calls
     * {@code fn} on the items of the iterables taken in parallel (stopping at the shortest), possibly
     * concurrently, and returns their results in order.
     *
     * @param fn the callable
     * @param iterables one list per positional iterable; each holds plain values
     * @param timeout seconds, counted from this call, after which {@code __next__} raises TimeoutError if
     *     that result is not ready; null (None) for no limit
     * @param chunksize items sent per task to a ProcessPoolExecutor (ignored by the others); Python's default 1
     * @param buffersize (3.14) the most results submitted ahead of the one the consumer is at; null (None)
     *     submits all at once; an adapter for an older Python must reject a non-null value
     * @return an iterator whose {@code __next__} raises the exception of a call that raised
     * @throws dev.pyconc.spi.exceptions.ValueError if {@code chunksize < 1} (process pools) or
     *     {@code buffersize < 1}
     * @throws dev.pyconc.spi.exceptions.TypeError if {@code buffersize} is not an int
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Executor.map">Executor.map</a>
     */
    PyIterator<Object> map(PyCallable fn, List<? extends List<?>> iterables, Double timeout, long chunksize,
            Long buffersize);

    /**
     * {@code shutdown()}: {@code wait=True, cancel_futures=False}.
     *
     * @see #shutdown(boolean, boolean)
     */
    @Blocking
    default void shutdown() {
        shutdown(true, false);
    }

    /**
     * {@code shutdown(wait=wait, cancel_futures=cancelFutures)}: tells the executor to free its resources once
     * the pending futures are done; later {@code submit} and {@code map} calls raise RuntimeError. Calling it
     * more than once is allowed.
     *
     * @param wait True: return only when every pending future has finished and the resources are freed
     * @param cancelFutures (3.9) True: cancel every pending future that has not started running
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.Executor.shutdown">Executor.shutdown</a>
     */
    @Blocking
    void shutdown(boolean wait, boolean cancelFutures);

    /**
     * {@code terminate_workers()} (ProcessPoolExecutor, 3.14): terminates every living worker process at once
     * ({@code Process.terminate}) and shuts the executor down; calls that were running or pending then fail
     * with {@code BrokenProcessPool}.
     *
     * @throws dev.pyconc.spi.exceptions.AttributeError for the other executor kinds (this default)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor.terminate_workers">ProcessPoolExecutor.terminate_workers</a>
     */
    @Blocking
    default void terminateWorkers() {
        throw new dev.pyconc.spi.exceptions.AttributeError("this executor has no attribute 'terminate_workers'");
    }

    /**
     * {@code kill_workers()} (ProcessPoolExecutor, 3.14): like {@link #terminateWorkers()} with
     * {@code Process.kill}.
     *
     * @throws dev.pyconc.spi.exceptions.AttributeError for the other executor kinds (this default)
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor.kill_workers">ProcessPoolExecutor.kill_workers</a>
     */
    @Blocking
    default void killWorkers() {
        throw new dev.pyconc.spi.exceptions.AttributeError("this executor has no attribute 'kill_workers'");
    }
}
