package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.Exception}: the base of all non-exiting exceptions (named PyException because of java.lang.Exception).
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#Exception">builtins.Exception</a>
 */
public class PyException extends BaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public PyException(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.Exception}), message and cause. */
    public PyException(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        // Subclasses without a Python name of their own are builtins named like their Java class.
        return getClass() == PyException.class ? "builtins.Exception" : super.defaultPythonName();
    }
}
