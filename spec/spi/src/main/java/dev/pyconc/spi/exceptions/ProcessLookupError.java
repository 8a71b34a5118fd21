package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ProcessLookupError}: the OSError raised for a process that does not exist (errno ESRCH).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ProcessLookupError">builtins.ProcessLookupError</a>
 */
public class ProcessLookupError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ProcessLookupError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ProcessLookupError}), message and cause. */
    public ProcessLookupError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code ProcessLookupError(errno, strerror, filename)}; filename may be null (None). */
    public ProcessLookupError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
