package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.IndexError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#IndexError">builtins.IndexError</a>
 */
public class IndexError extends LookupError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public IndexError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.IndexError}), message and cause. */
    public IndexError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
