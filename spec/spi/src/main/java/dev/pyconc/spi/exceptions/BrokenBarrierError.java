package dev.pyconc.spi.exceptions;

/**
 * Python's {@code threading.BrokenBarrierError}: raised by Barrier.wait when the barrier is broken or reset.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#threading.BrokenBarrierError">threading.BrokenBarrierError</a>
 */
public class BrokenBarrierError extends RuntimeError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public BrokenBarrierError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code threading.BrokenBarrierError}), message and cause. */
    public BrokenBarrierError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "threading.BrokenBarrierError";
    }
}
