package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.BrokenExecutor}: raised when an executor is broken and can no longer run calls (3.7+).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.BrokenExecutor">concurrent.futures.BrokenExecutor</a>
 */
public class BrokenExecutor extends RuntimeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BrokenExecutor(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.BrokenExecutor}), message and cause. */
    public BrokenExecutor(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.BrokenExecutor";
    }
}
