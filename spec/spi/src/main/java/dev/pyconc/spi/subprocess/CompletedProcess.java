package dev.pyconc.spi.subprocess;

/**
 * {@code subprocess.CompletedProcess}: what {@code run} returns once its child has exited.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.CompletedProcess">subprocess.CompletedProcess</a>
 */
public interface CompletedProcess {
    /** {@code args}: the child's args as given to {@code run} (a String or a List). */
    Object args();

    /** {@code returncode}: the exit status; -N if the child was ended by signal N. */
    long returncode();

    /** {@code stdout}: captured output (PyBytes, or String in text mode), or null (None) if not captured. */
    Object stdout();

    /** {@code stderr}: captured error output, or null (None) if not captured (or merged into stdout). */
    Object stderr();

    /**
     * {@code check_returncode()}: does nothing when {@link #returncode()} is 0.
     *
     * @throws dev.pyconc.spi.exceptions.CalledProcessError otherwise, carrying returncode, args, stdout and
     *     stderr
     */
    void checkReturncode();
}
