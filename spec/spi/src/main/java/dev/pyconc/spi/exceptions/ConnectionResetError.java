package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ConnectionResetError}: the other end reset the connection (errno ECONNRESET), for example by closing a socket with data still unread.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ConnectionResetError">builtins.ConnectionResetError</a>
 */
public class ConnectionResetError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ConnectionResetError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ConnectionResetError}), message and cause. */
    public ConnectionResetError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code ConnectionResetError(errno, strerror, filename)}; filename may be null (None). */
    public ConnectionResetError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
