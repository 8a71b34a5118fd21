package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.TimeoutError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#TimeoutError">builtins.TimeoutError</a>
 */
public class TimeoutError extends OSError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public TimeoutError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.TimeoutError}), message and cause. */
    public TimeoutError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
