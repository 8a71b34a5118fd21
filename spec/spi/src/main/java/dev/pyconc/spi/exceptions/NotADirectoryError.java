package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.NotADirectoryError}: the OSError raised for a directory operation on something that is not a directory (errno ENOTDIR).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#NotADirectoryError">builtins.NotADirectoryError</a>
 */
public class NotADirectoryError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public NotADirectoryError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.NotADirectoryError}), message and cause. */
    public NotADirectoryError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code NotADirectoryError(errno, strerror, filename)}; filename may be null (None). */
    public NotADirectoryError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
