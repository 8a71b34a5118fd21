package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.thread.BrokenThreadPool}: raised when a ThreadPoolExecutor worker's initializer failed (3.7+).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.thread.BrokenThreadPool">concurrent.futures.thread.BrokenThreadPool</a>
 */
public class BrokenThreadPool extends BrokenExecutor {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BrokenThreadPool(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.thread.BrokenThreadPool}), message and cause. */
    public BrokenThreadPool(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.thread.BrokenThreadPool";
    }
}
