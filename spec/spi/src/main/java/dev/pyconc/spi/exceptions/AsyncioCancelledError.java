package dev.pyconc.spi.exceptions;

/**
 * Python's {@code asyncio.CancelledError}: raised into a task's coroutine when the task is cancelled. It derives from BaseException, not Exception, and is not {@code concurrent.futures.CancelledError} (named with an {@code Asyncio} prefix in Java for that reason).
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.CancelledError">asyncio.CancelledError</a>
 */
public class AsyncioCancelledError extends BaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public AsyncioCancelledError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code asyncio.CancelledError}), message and cause. */
    public AsyncioCancelledError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "asyncio.CancelledError";
    }
}
