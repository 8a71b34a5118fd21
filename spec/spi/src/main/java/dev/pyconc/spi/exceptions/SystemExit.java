package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.SystemExit}: raised by sys.exit() and _thread.exit(); ends a thread quietly.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#SystemExit">builtins.SystemExit</a>
 */
public class SystemExit extends BaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public SystemExit(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.SystemExit}), message and cause. */
    public SystemExit(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

}
