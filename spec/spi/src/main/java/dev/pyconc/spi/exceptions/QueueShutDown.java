package dev.pyconc.spi.exceptions;

/**
 * Python's {@code asyncio.QueueShutDown}: raised by a put, or a get with nothing left, on an asyncio queue that was shut down (Python 3.13+). Not {@code queue.ShutDown}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.QueueShutDown">asyncio.QueueShutDown</a>
 */
public class QueueShutDown extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public QueueShutDown(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code asyncio.QueueShutDown}), message and cause. */
    public QueueShutDown(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "asyncio.QueueShutDown";
    }
}
