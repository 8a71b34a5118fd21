package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.EOFError}: input ended where data was expected; {@code Connection.recv()} and
 * {@code recv_bytes()} of {@code multiprocessing.connection} raise it when the other end has closed and nothing
 * is left to receive.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#EOFError">builtins.EOFError</a>
 */
public class EOFError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public EOFError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.EOFError}), message and cause. */
    public EOFError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }
}
