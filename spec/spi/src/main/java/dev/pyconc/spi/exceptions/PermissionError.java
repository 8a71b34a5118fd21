package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.PermissionError}: the OSError raised for missing access rights (errno EACCES or EPERM).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#PermissionError">builtins.PermissionError</a>
 */
public class PermissionError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public PermissionError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.PermissionError}), message and cause. */
    public PermissionError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code PermissionError(errno, strerror, filename)}; filename may be null (None). */
    public PermissionError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
