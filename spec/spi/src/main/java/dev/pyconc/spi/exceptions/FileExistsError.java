package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.FileExistsError}: the OSError raised when a file or directory to be created already exists (errno EEXIST).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#FileExistsError">builtins.FileExistsError</a>
 */
public class FileExistsError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public FileExistsError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.FileExistsError}), message and cause. */
    public FileExistsError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code FileExistsError(errno, strerror, filename)}; filename may be null (None). */
    public FileExistsError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
