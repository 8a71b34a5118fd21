package dev.pyconc.spi.exceptions;

/**
 * Python's {@code multiprocessing.TimeoutError}: a {@link ProcessError} raised when a timeout expires, for example
 * by {@code AsyncResult.get(timeout)}; it is not {@code builtins.TimeoutError} (named apart after the clash table
 * in {@link dev.pyconc.spi}). CPython defines it in {@code multiprocessing.context} and re-exports it.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.TimeoutError">multiprocessing.TimeoutError</a>
 */
public class MultiprocessingTimeoutError extends ProcessError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public MultiprocessingTimeoutError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code multiprocessing.TimeoutError}), message and cause. */
    public MultiprocessingTimeoutError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "multiprocessing.TimeoutError";
    }
}
