package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.OSError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#OSError">builtins.OSError</a>
 */
public class OSError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public OSError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.OSError}), message and cause. */
    public OSError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
