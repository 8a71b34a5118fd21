package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.NotImplementedError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#NotImplementedError">builtins.NotImplementedError</a>
 */
public class NotImplementedError extends RuntimeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public NotImplementedError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.NotImplementedError}), message and cause. */
    public NotImplementedError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
