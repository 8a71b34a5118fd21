package dev.pyconc.spi.exceptions;

/**
 * Python's {@code queue.Empty}: raised by a non-blocking or timed get on an empty queue.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html#queue.Empty">queue.Empty</a>
 */
public class Empty extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public Empty(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code queue.Empty}), message and cause. */
    public Empty(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "queue.Empty";
    }
}
