package dev.pyconc.spi.exceptions;

/**
 * Python's {@code multiprocessing.AuthenticationError}: the authkey handshake of {@code multiprocessing.connection}
 * failed (a wrong key, a digest the other side does not accept, or a protocol error during the challenge).
 * CPython defines it in {@code multiprocessing.context} and re-exports it; both spellings map here.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.AuthenticationError">multiprocessing.AuthenticationError</a>
 */
public class AuthenticationError extends ProcessError {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public AuthenticationError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code multiprocessing.AuthenticationError}), message and cause. */
    public AuthenticationError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "multiprocessing.AuthenticationError";
    }
}
