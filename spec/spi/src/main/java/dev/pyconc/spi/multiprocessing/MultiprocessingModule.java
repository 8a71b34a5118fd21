package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import java.util.List;

/**
 * {@code multiprocessing}: the module is its default context ({@link Context}), plus the routines a case runs in
 * other processes, {@code multiprocessing.connection}, {@code multiprocessing.pool.ThreadPool},
 * {@code multiprocessing.dummy} and {@code multiprocessing.managers.SharedMemoryManager}.
 *
 * <p>Values sent to other processes are pickled; the plain values of the SPI (see {@link dev.pyconc.spi}) and the
 * process-shareable objects of this package cross. A case never sets the global start method without restoring
 * it; an adapter reads the method it runs the suite with from its configuration.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html">multiprocessing</a>
 */
public interface MultiprocessingModule extends Context {
    /**
     * The named child routine, callable as a Process target or a Pool task (and, in the calling process, directly).
     *
     * @throws IllegalArgumentException never for a {@link Routine} constant: every adapter provides them all
     */
    PyCallable routine(Routine routine);

    /**
     * {@code connection.Listener(address, family, backlog, authkey)}: address None picks a free one of the family
     * (AF_INET {@code ('localhost', 0)}-like, AF_UNIX a temporary path); family None follows the address.
     */
    Listener listener(Object address, String family, long backlog, PyBytes authkey);

    /**
     * {@code connection.Client(address, family, authkey)}.
     *
     * @throws dev.pyconc.spi.exceptions.AuthenticationError when the listener rejects the key, or expects none
     * @throws dev.pyconc.spi.exceptions.ConnectionRefusedError when nothing listens there
     */
    @Blocking
    Connection client(Object address, String family, PyBytes authkey);

    /**
     * {@code connection.wait(object_list, timeout)}: those of the objects ({@link Connection}s, sentinels as
     * {@code Long} fds) that are ready, waiting at most timeout seconds (None: without limit; an empty list on
     * timeout).
     */
    @Blocking
    List<Object> wait(List<Object> objectList, Double timeout);

    /** {@code multiprocessing.pool.ThreadPool(...)}: a Pool of threads (any callable may be a task). */
    Pool threadPool(PoolOptions options);

    /** {@code multiprocessing.dummy}: the same API over threads. */
    DummyModule dummy();

    /** {@code multiprocessing.managers.SharedMemoryManager()}: unstarted; start it with {@code start()} or {@code with}. */
    SharedMemoryManager sharedMemoryManager();

    /**
     * {@code multiprocessing.freeze_support()}: support for programs frozen into an executable (py2exe,
     * PyInstaller, cx_Freeze): in such a program under the spawn start method, when the process was launched as a
     * spawn child, it runs the child's code and exits instead of returning. In a program run normally by the interpreter (not frozen), or when the start method is not
     * spawn, it does nothing and returns None.
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.freeze_support">freeze_support</a>
     */
    void freezeSupport();
}
