package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.BrokenPipeError}: writing to a pipe whose reading end is closed (errno EPIPE), for
 * example to a child's stdin after the child exited.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#BrokenPipeError">builtins.BrokenPipeError</a>
 */
public class BrokenPipeError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BrokenPipeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.BrokenPipeError}), message and cause. */
    public BrokenPipeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code BrokenPipeError(errno, strerror, filename)}; filename may be null (None). */
    public BrokenPipeError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
