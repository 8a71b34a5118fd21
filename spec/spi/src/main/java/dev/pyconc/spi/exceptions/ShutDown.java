package dev.pyconc.spi.exceptions;

/**
 * Python's {@code queue.ShutDown}: raised by put or get on a queue that was shut down (Python 3.13+).
 *
 * @see <a href="https://docs.python.org/3/library/queue.html#queue.ShutDown">queue.ShutDown</a>
 */
public class ShutDown extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ShutDown(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code queue.ShutDown}), message and cause. */
    public ShutDown(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "queue.ShutDown";
    }
}
