package dev.pyconc.spi.exceptions;

/**
 * Python's {@code subprocess.SubprocessError}: the base class of the exceptions the {@code subprocess} module
 * raises itself ({@link TimeoutExpired}, {@link CalledProcessError}).
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.SubprocessError">subprocess.SubprocessError</a>
 */
public class SubprocessError extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public SubprocessError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code subprocess.SubprocessError}), message and cause. */
    public SubprocessError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "subprocess.SubprocessError";
    }
}
