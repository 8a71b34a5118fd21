package dev.pyconc.spi.exceptions;

/**
 * Python's {@code queue.Full}: raised by a non-blocking or timed put on a full queue.
 *
 * @see <a href="https://docs.python.org/3/library/queue.html#queue.Full">queue.Full</a>
 */
public class Full extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public Full(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code queue.Full}), message and cause. */
    public Full(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "queue.Full";
    }
}
