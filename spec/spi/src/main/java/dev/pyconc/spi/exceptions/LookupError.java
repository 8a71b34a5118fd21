package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.LookupError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#LookupError">builtins.LookupError</a>
 */
public class LookupError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public LookupError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.LookupError}), message and cause. */
    public LookupError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
