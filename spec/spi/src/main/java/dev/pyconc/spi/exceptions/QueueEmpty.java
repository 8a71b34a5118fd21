package dev.pyconc.spi.exceptions;

/**
 * Python's {@code asyncio.QueueEmpty}: raised by {@code get_nowait()} of an empty asyncio queue. Not {@code queue.Empty}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.QueueEmpty">asyncio.QueueEmpty</a>
 */
public class QueueEmpty extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public QueueEmpty(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code asyncio.QueueEmpty}), message and cause. */
    public QueueEmpty(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "asyncio.QueueEmpty";
    }
}
