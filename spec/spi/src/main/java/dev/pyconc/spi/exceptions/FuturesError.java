package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.Error}: the base class of the futures-specific errors CancelledError and InvalidStateError (Java name {@code FuturesError}, since {@code java.lang.Error} is taken).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#module-concurrent.futures">concurrent.futures.Error</a>
 */
public class FuturesError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public FuturesError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.Error}), message and cause. */
    public FuturesError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.Error";
    }
}
