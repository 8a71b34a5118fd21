package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.UnicodeError}: the base of the errors of encoding and decoding text.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#UnicodeError">builtins.UnicodeError</a>
 */
public class UnicodeError extends ValueError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public UnicodeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.UnicodeError}), message and cause. */
    public UnicodeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }
}
