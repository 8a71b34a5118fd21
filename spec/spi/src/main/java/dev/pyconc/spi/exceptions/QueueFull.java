package dev.pyconc.spi.exceptions;

/**
 * Python's {@code asyncio.QueueFull}: raised by {@code put_nowait()} of a full asyncio queue. Not {@code queue.Full}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.QueueFull">asyncio.QueueFull</a>
 */
public class QueueFull extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public QueueFull(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code asyncio.QueueFull}), message and cause. */
    public QueueFull(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "asyncio.QueueFull";
    }
}
