package dev.pyconc.spi.exceptions;

/**
 * Python's {@code asyncio.BrokenBarrierError}: raised by an asyncio Barrier's wait when the barrier is broken or reset. A RuntimeError, and not {@code threading.BrokenBarrierError}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-sync.html#asyncio.BrokenBarrierError">asyncio.BrokenBarrierError</a>
 */
public class AsyncioBrokenBarrierError extends RuntimeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public AsyncioBrokenBarrierError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code asyncio.BrokenBarrierError}), message and cause. */
    public AsyncioBrokenBarrierError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "asyncio.BrokenBarrierError";
    }
}
