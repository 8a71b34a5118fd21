package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.ValueError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#ValueError">builtins.ValueError</a>
 */
public class ValueError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ValueError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.ValueError}), message and cause. */
    public ValueError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
