package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ConnectionRefusedError}: nothing listens at the address connected to (errno ECONNREFUSED), as {@code multiprocessing.connection.Client} raises it for a TCP address without a Listener.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ConnectionRefusedError">builtins.ConnectionRefusedError</a>
 */
public class ConnectionRefusedError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ConnectionRefusedError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ConnectionRefusedError}), message and cause. */
    public ConnectionRefusedError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /** {@code ConnectionRefusedError(errno, strerror, filename)}; filename may be null (None). */
    public ConnectionRefusedError(long errno, String strerror, Object filename) {
        super(null, errno, strerror, filename);
    }
}
