package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ZeroDivisionError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ZeroDivisionError">builtins.ZeroDivisionError</a>
 */
public class ZeroDivisionError extends ArithmeticError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ZeroDivisionError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ZeroDivisionError}), message and cause. */
    public ZeroDivisionError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
