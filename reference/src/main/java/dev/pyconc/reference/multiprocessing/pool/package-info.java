/**
 * {@code multiprocessing.pool} and {@code multiprocessing.dummy} of the reference, after CPython's
 * {@code Lib/multiprocessing/pool.py}: {@link dev.pyconc.reference.multiprocessing.pool.RefPool} is the pool
 * (a worker handler thread that keeps the workers up, a result handler thread that hands results to the
 * waiting {@code AsyncResult}s and iterators and runs the callbacks, a cache of pending jobs), whose workers are
 * threads ({@link dev.pyconc.reference.multiprocessing.pool.RefThreadPool}, also {@code multiprocessing.dummy.Pool})
 * or child JVMs ({@link dev.pyconc.reference.multiprocessing.pool.RefProcessPool}, running
 * {@link dev.pyconc.reference.multiprocessing.pool.PoolWorkerMain} with a duplex channel over their stdin and stdout);
 * {@link dev.pyconc.reference.multiprocessing.pool.RefDummyModule} is {@code multiprocessing.dummy}, and
 * {@link dev.pyconc.reference.multiprocessing.pool.Pools} is what the module makes its pools with and cleans them up
 * through.
 */
package dev.pyconc.reference.multiprocessing.pool;
