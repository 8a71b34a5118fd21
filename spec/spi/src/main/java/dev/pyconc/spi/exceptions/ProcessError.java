package dev.pyconc.spi.exceptions;

/**
 * Python's {@code multiprocessing.ProcessError}: the base class of all {@code multiprocessing} exceptions
 * ({@link BufferTooShort}, {@link AuthenticationError}, ...). CPython defines it in {@code multiprocessing.context}
 * and re-exports it; both spellings map here.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.ProcessError">multiprocessing.ProcessError</a>
 */
public class ProcessError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public ProcessError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code multiprocessing.ProcessError}), message and cause. */
    public ProcessError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "multiprocessing.ProcessError";
    }
}
