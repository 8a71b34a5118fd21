package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyBytes;

/**
 * {@code multiprocessing.Process}: an activity run in another operating-system process (named {@code PyProcess}
 * after the clash table in {@link dev.pyconc.spi}, as {@code java.lang.Process} is taken). Objects returned by
 * {@code current_process()}, {@code parent_process()} and {@code active_children()} are of this type too.
 *
 * <p>Once {@link #close()} has run, most methods raise {@code ValueError}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#process-and-exceptions">Process and exceptions</a>
 */
public interface PyProcess {
    /**
     * Starts the process; its {@code run()} then calls the target in the child.
     *
     * @throws dev.pyconc.spi.exceptions.PyAssertionError in CPython when started twice, or from a daemonic process
     */
    void start();

    /** Calls the target with args and kwargs in the calling process (what {@code start()} does in the child). */
    @Blocking
    void run();

    /**
     * Waits until the process ends. Returns None; check {@link #exitcode()} to know whether it ended.
     *
     * @throws dev.pyconc.spi.exceptions.PyAssertionError in CPython when not started, or when joining itself
     */
    @Blocking
    void join();

    /**
     * Waits at most {@code timeout} seconds (None: without limit) for the process to end; returns None either way.
     */
    @Blocking
    void join(Double timeout);

    /** Whether the process was started and has not ended; also reaps a finished child. */
    boolean isAlive();

    /** None while running (or before start), 0 after a normal end, N after {@code sys.exit(N)}, -N after signal N. */
    Long exitcode();

    /** The name (not unique; only for identification). */
    String getName();

    /** Sets the name. */
    void setName(String name);

    /** The daemon flag. */
    boolean isDaemon();

    /**
     * Sets the daemon flag; only before {@code start()}.
     *
     * @throws dev.pyconc.spi.exceptions.PyAssertionError in CPython after start
     */
    void setDaemon(boolean daemon);

    /** The process id, None before start. */
    Long pid();

    /** The same as {@link #pid()}. */
    Long ident();

    /**
     * A file descriptor that becomes ready (for {@code connection.wait}) when the process ends.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError before start (CPython)
     */
    long sentinel();

    /** The authentication key (bytes). */
    PyBytes getAuthkey();

    /** Sets the authentication key. */
    void setAuthkey(PyBytes key);

    /** Sends SIGTERM (POSIX); the child's exit handlers and finally clauses do not run. */
    void terminate();

    /** Sends SIGKILL (POSIX). */
    void kill();

    /**
     * Sends SIGINT, which raises KeyboardInterrupt in the child unless it handles the signal (3.14).
     */
    default void interrupt() {
        throw new dev.pyconc.spi.exceptions.AttributeError("'Process' object has no attribute 'interrupt'");
    }

    /**
     * Releases the process object's resources.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError while the process is still running
     */
    void close();
}
