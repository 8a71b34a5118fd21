package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import java.util.List;
import java.util.Map;

/**
 * {@code multiprocessing.pool.Pool} (and {@code ThreadPool}): worker processes (threads) that run tasks. The
 * functions are {@link MultiprocessingModule#routine(Routine) routines} for a process pool; a chunksize of None
 * lets the pool choose. Used as a context manager, leaving the block calls {@link #terminate()}.
 *
 * <p>Submitting after {@link #close()} or {@link #terminate()} raises {@code ValueError}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.pool">Process pools</a>
 */
public interface Pool extends PyContextManager {
    /** {@code apply(func, args, kwds)}: runs func in a worker and returns its result (or raises its exception). */
    @Blocking
    Object apply(PyCallable func, List<Object> args, Map<String, Object> kwds);

    /** {@code apply_async(func, args, kwds, callback, error_callback)}; callbacks may be null. */
    AsyncResult applyAsync(PyCallable func, List<Object> args, Map<String, Object> kwds, PyCallable callback,
            PyCallable errorCallback);

    /** {@code map(func, iterable, chunksize)}: the results in order. */
    @Blocking
    List<Object> map(PyCallable func, List<?> iterable, Long chunksize);

    /** {@code map_async(func, iterable, chunksize, callback, error_callback)}. */
    AsyncResult mapAsync(PyCallable func, List<?> iterable, Long chunksize, PyCallable callback,
            PyCallable errorCallback);

    /** {@code imap(func, iterable, chunksize=1)}: the results in order, as they come. */
    PoolIterator imap(PyCallable func, List<?> iterable, long chunksize);

    /** {@code imap_unordered(func, iterable, chunksize=1)}: the results in the order they finish. */
    PoolIterator imapUnordered(PyCallable func, List<?> iterable, long chunksize);

    /** {@code starmap(func, iterable, chunksize)}: each item is unpacked into func's arguments. */
    @Blocking
    List<Object> starmap(PyCallable func, List<? extends List<?>> iterable, Long chunksize);

    /** {@code starmap_async(func, iterable, chunksize, callback, error_callback)}. */
    AsyncResult starmapAsync(PyCallable func, List<? extends List<?>> iterable, Long chunksize, PyCallable callback,
            PyCallable errorCallback);

    /** No more tasks; the workers exit when the submitted ones are done. */
    void close();

    /** Stops the workers at once, with work unfinished. */
    void terminate();

    /**
     * Waits for the workers to exit.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError before {@link #close()} or {@link #terminate()}
     */
    @Blocking
    void join();
}
