package dev.pyconc.spi.multiprocessing;

/**
 * {@code multiprocessing.dummy}: multiprocessing's API backed by threads; its Pool is a ThreadPool and its Queue
 * is {@code queue.Queue}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.dummy">multiprocessing.dummy</a>
 */
public interface DummyModule {
    /** {@code multiprocessing.dummy.Pool(...)}. */
    Pool pool(PoolOptions options);

    /** {@code multiprocessing.dummy.Queue(maxsize)}: {@code queue.Queue}. */
    dev.pyconc.spi.queue.Queue queue(long maxsize);
}
