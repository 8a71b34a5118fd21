/**
 * {@code multiprocessing.pool} and {@code multiprocessing.dummy} of the reference, after CPython's
 * {@code Lib/multiprocessing/pool.py}: {@link dev.pyconc.reference.multiprocessing.pool.RefPool} is the pool
 * (a worker handler thread that keeps the workers up, a result handler thread that hands results to the
 * waiting {@code AsyncResult}s and iterators and runs the callbacks, a cache of pending jobs), whose workers are
 * threads ({@link dev.pyconc.reference.multiprocessing.pool.RefThreadPool}) or child processes
 * ({@link dev.pyconc.reference.multiprocessing.pool.RefProcessPool}), and
 * {@link dev.pyconc.reference.multiprocessing.pool.RefDummyModule} is {@code multiprocessing.dummy}.
 */
package dev.pyconc.reference.multiprocessing.pool;
