package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.PyCallable;
import java.util.List;
import java.util.Map;

/**
 * One task on the pool's input queue, pool.py's {@code (job, i, func, args, kwds)}: a single call
 * {@code func(*calls[0], **kwds)}, or, when {@code chunk} is true, pool.py's {@code mapstar}: the list of
 * {@code func(*c)} for each {@code c} in {@code calls}.
 *
 * @param job the job (an AsyncResult or iterator in the cache) the result belongs to
 * @param index the index of the task within its job (the chunk number)
 * @param func the function
 * @param calls the positional arguments of each call (one for a single call)
 * @param kwds keyword arguments of a single call (empty for a chunk)
 * @param chunk whether the result is the list of the calls' results
 */
record Task(long job, int index, PyCallable func, List<List<Object>> calls, Map<String, Object> kwds,
        boolean chunk) {
}
