package dev.pyconc.spi.exceptions;

/**
 * Python's {@code concurrent.futures.interpreter.BrokenInterpreterPool}: raised when an InterpreterPoolExecutor worker's initializer failed (3.14+).
 *
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.interpreter.BrokenInterpreterPool">concurrent.futures.interpreter.BrokenInterpreterPool</a>
 */
public class BrokenInterpreterPool extends BrokenThreadPool {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BrokenInterpreterPool(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code concurrent.futures.interpreter.BrokenInterpreterPool}), message and cause. */
    public BrokenInterpreterPool(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "concurrent.futures.interpreter.BrokenInterpreterPool";
    }
}
