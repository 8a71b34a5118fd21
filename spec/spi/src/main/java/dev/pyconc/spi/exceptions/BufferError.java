package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.BufferError}: a buffer operation cannot be done, for example closing a
 * {@code SharedMemory} while views exported from its {@code buf} are still alive.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#BufferError">builtins.BufferError</a>
 */
public class BufferError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BufferError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.BufferError}), message and cause. */
    public BufferError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "builtins.BufferError";
    }
}
