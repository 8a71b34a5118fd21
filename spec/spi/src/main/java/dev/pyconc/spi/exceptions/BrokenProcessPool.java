package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.process.BrokenProcessPool}: raised when a ProcessPoolExecutor worker ended abruptly or its initializer failed (3.3+).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.process.BrokenProcessPool">concurrent.futures.process.BrokenProcessPool</a>
 */
public class BrokenProcessPool extends BrokenExecutor {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BrokenProcessPool(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.process.BrokenProcessPool}), message and cause. */
    public BrokenProcessPool(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.process.BrokenProcessPool";
    }
}
