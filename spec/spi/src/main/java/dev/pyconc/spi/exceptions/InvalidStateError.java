package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.InvalidStateError}: raised when an operation is not allowed in a future's current state, such as setting the result of a finished future (3.8+).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.InvalidStateError">concurrent.futures.InvalidStateError</a>
 */
public class InvalidStateError extends FuturesError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public InvalidStateError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.InvalidStateError}), message and cause. */
    public InvalidStateError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.InvalidStateError";
    }
}
