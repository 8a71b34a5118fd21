package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.UnicodeDecodeError}: bytes could not be decoded with a codec (for example {@code 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte}).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#UnicodeDecodeError">builtins.UnicodeDecodeError</a>
 */
public class UnicodeDecodeError extends UnicodeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public UnicodeDecodeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.UnicodeDecodeError}), message and cause. */
    public UnicodeDecodeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }
}
