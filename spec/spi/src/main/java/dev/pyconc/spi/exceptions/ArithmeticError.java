package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ArithmeticError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ArithmeticError">builtins.ArithmeticError</a>
 */
public class ArithmeticError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ArithmeticError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ArithmeticError}), message and cause. */
    public ArithmeticError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
