package dev.pyconc.spi.exceptions;

/**
 * Python's {@code asyncio.InvalidStateError}: a task or future was asked for something its state does not allow, such as the result of a task not yet done. Not {@code concurrent.futures.InvalidStateError}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.InvalidStateError">asyncio.InvalidStateError</a>
 */
public class AsyncioInvalidStateError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public AsyncioInvalidStateError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code asyncio.InvalidStateError}), message and cause. */
    public AsyncioInvalidStateError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "asyncio.InvalidStateError";
    }
}
