package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.RuntimeError}: also _thread.error, for example releasing an unlocked lock.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#RuntimeError">builtins.RuntimeError</a>
 */
public class RuntimeError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public RuntimeError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.RuntimeError}), message and cause. */
    public RuntimeError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
