package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.StopIteration}: raised by an iterator's {@code __next__} when it has no more items.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#StopIteration">builtins.StopIteration</a>
 */
public class StopIteration extends PyException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public StopIteration(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.StopIteration}), message and cause. */
    public StopIteration(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    @Override
    public String defaultPythonName() {
        return "builtins.StopIteration";
    }
}
