package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.RecursionError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#RecursionError">builtins.RecursionError</a>
 */
public class RecursionError extends RuntimeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public RecursionError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.RecursionError}), message and cause. */
    public RecursionError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
