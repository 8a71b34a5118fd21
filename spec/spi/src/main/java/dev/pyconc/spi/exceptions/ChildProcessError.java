package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ChildProcessError}: the OSError raised for a failed operation on a child process (errno ECHILD).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ChildProcessError">builtins.ChildProcessError</a>
 */
public class ChildProcessError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ChildProcessError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ChildProcessError}), message and cause. */
    public ChildProcessError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code ChildProcessError(errno, strerror, filename)}; filename may be null (None). */
    public ChildProcessError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
