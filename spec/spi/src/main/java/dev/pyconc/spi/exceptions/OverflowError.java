package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.OverflowError}: for example a timeout larger than TIMEOUT_MAX.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#OverflowError">builtins.OverflowError</a>
 */
public class OverflowError extends ArithmeticError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public OverflowError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.OverflowError}), message and cause. */
    public OverflowError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
