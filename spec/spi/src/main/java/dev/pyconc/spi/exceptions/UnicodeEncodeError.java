package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.UnicodeEncodeError}: text could not be encoded with a codec (for example {@code 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)}).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#UnicodeEncodeError">builtins.UnicodeEncodeError</a>
 */
public class UnicodeEncodeError extends UnicodeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public UnicodeEncodeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.UnicodeEncodeError}), message and cause. */
    public UnicodeEncodeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }
}
