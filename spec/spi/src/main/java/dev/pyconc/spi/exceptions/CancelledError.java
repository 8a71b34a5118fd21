package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.CancelledError}: raised when a future that was cancelled is asked for its result or exception.
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.CancelledError">concurrent.futures.CancelledError</a>
 */
public class CancelledError extends FuturesError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public CancelledError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.CancelledError}), message and cause. */
    public CancelledError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.CancelledError";
    }
}
