package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.AttributeError}: for example reading an attribute that a threading.local does not have in this thread.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#AttributeError">builtins.AttributeError</a>
 */
public class AttributeError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public AttributeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.AttributeError}), message and cause. */
    public AttributeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
