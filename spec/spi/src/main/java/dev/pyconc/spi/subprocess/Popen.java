package dev.pyconc.spi.subprocess;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.PyTuple;

/**
 * {@code subprocess.Popen}: a running (or finished) child process. As a context manager, entering gives the
 * Popen itself; leaving closes its pipes ({@code stdout}, {@code stderr}, then {@code stdin}) and waits for
 * the child.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#popen-objects">Popen objects</a>
 */
public interface Popen extends PyContextManager {
    /** {@code args}: the args as given (a String or a List). */
    Object args();

    /** {@code pid}: the child's process id (with {@code shell=True}, the shell's). */
    long pid();

    /**
     * {@code returncode}: None (null) while the child has not been seen to exit by {@link #poll()},
     * {@link #await()} or {@link #communicate}; then its exit status, -N if signal N ended it.
     */
    Long returncode();

    /** {@code poll()}: the returncode if the child has exited (reaping it), else null (None). Never blocks. */
    Long poll();

    /** {@code wait()}: blocks until the child exits; its returncode. */
    @Blocking
    long await();

    /**
     * {@code wait(timeout)}.
     *
     * @param timeout seconds; null (None) for no limit
     * @return the returncode
     * @throws dev.pyconc.spi.exceptions.TimeoutExpired if the child is still running after {@code timeout}
     *     (the child is left running)
     */
    @Blocking
    long await(Double timeout);

    /** {@code communicate()}: {@code communicate(None, None)}. */
    @Blocking
    default PyTuple communicate() {
        return communicate(null, null);
    }

    /**
     * {@code communicate(input, timeout)}: writes input to stdin (then closes it), reads stdout and stderr to
     * end of file, and waits for the child.
     *
     * @param input PyBytes (String in text mode) to send, or null for None; needs stdin=PIPE
     * @param timeout seconds, or null for no limit
     * @return {@code (stdout_data, stderr_data)}: each PyBytes or String, or null (None) for a stream that is
     *     not a pipe
     * @throws dev.pyconc.spi.exceptions.TimeoutExpired after timeout; the child keeps running, no output is
     *     lost, and communicate may be called again
     * @throws dev.pyconc.spi.exceptions.ValueError (CPython) if input is given to a second call after the
     *     first had started sending; CPython ignores input when stdin is not a pipe (the docs promise neither)
     */
    @Blocking
    PyTuple communicate(Object input, Double timeout);

    /** {@code send_signal(signum)}: sends the signal; does nothing once the child is known to have exited. */
    void sendSignal(int signum);

    /** {@code terminate()}: SIGTERM on POSIX. */
    void terminate();

    /** {@code kill()}: SIGKILL on POSIX. */
    void kill();

    /** {@code stdin}: a writable file object if stdin was PIPE, else null (None). */
    FileObject stdin();

    /** {@code stdout}: a readable file object if stdout was PIPE, else null (None). */
    FileObject stdout();

    /** {@code stderr}: a readable file object if stderr was PIPE, else null (None). */
    FileObject stderr();

    /**
     * {@code with Popen(...) as p: body}: see {@link PyContextManager#with}; on exit the pipes are closed
     * and the child is waited for.
     */
    @Override
    @Blocking
    default void with(Runnable body) {
        PyContextManager.super.with(body);
    }
}
