package dev.pyconc.spi.exceptions;

/**
 * Python's {@code BaseException}: the root of every Python exception crossing the SPI.
 *
 * <p>Unchecked, so that Java lambdas given to an adapter may raise Python exceptions.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#BaseException">BaseException</a>
 */
public class BaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pythonName;

    /** Creates the exception with Python's own qualified class name for this Java class. */
    public BaseException(String message) {
        this(null, message, null);
    }

    /**
     * Creates the exception for a Python class that may be a subclass this Java class stands in for.
     *
     * @param pythonName qualified Python class name actually raised, e.g. {@code "_queue.Empty"}; null means
     *     the default name of this Java class ({@link #defaultPythonName()})
     * @param message the Python exception's {@code str()}; may be null or empty
     * @param cause a Java cause, or null
     */
    public BaseException(String pythonName, String message, Throwable cause) {
        super(message, cause);
        this.pythonName = pythonName;
    }

    /** The qualified Python class name, for example {@code builtins.ValueError}. */
    public String pythonName() {
        return pythonName != null ? pythonName : defaultPythonName();
    }

    /** The qualified Python name of the class this Java class represents. */
    public String defaultPythonName() {
        return "builtins." + getClass().getSimpleName();
    }

    @Override
    public String toString() {
        String m = getMessage();
        return pythonName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }
}
