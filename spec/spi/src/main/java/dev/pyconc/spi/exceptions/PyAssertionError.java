package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.AssertionError}: named PyAssertionError because of java.lang.AssertionError.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#AssertionError">builtins.AssertionError</a>
 */
public class PyAssertionError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public PyAssertionError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.AssertionError}), message and cause. */
    public PyAssertionError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "builtins.AssertionError";
    }
}
