package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.TypeError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#TypeError">builtins.TypeError</a>
 */
public class TypeError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public TypeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.TypeError}), message and cause. */
    public TypeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
