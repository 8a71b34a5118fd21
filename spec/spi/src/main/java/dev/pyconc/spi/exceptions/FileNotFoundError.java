package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.FileNotFoundError}: the OSError raised for a file or directory that does not exist (errno ENOENT).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#FileNotFoundError">builtins.FileNotFoundError</a>
 */
public class FileNotFoundError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public FileNotFoundError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.FileNotFoundError}), message and cause. */
    public FileNotFoundError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code FileNotFoundError(errno, strerror, filename)}; filename may be null (None). */
    public FileNotFoundError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
