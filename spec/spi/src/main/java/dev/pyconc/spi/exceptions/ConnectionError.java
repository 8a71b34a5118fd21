package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ConnectionError}: the base of the OSErrors about a connection or pipe
 * ({@link BrokenPipeError}, ...).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ConnectionError">builtins.ConnectionError</a>
 */
public class ConnectionError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ConnectionError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ConnectionError}), message and cause. */
    public ConnectionError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code ConnectionError(errno, strerror, filename)}; filename may be null (None). */
    public ConnectionError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }

    /** As {@link #ConnectionError(long, String, Object)}, for a subclass with the given Python name (null: the class's own). */
    protected ConnectionError(String pythonName, long errno, String strerror, Object filename) {
        super(pythonName, errno, strerror, filename);
    }
}
