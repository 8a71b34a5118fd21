package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.KeyError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#KeyError">builtins.KeyError</a>
 */
public class KeyError extends LookupError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public KeyError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.KeyError}), message and cause. */
    public KeyError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
