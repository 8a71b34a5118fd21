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
    private java.util.List<String> mro;

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

    /**
     * Python's {@code type(e).__mro__} as qualified names, most derived first, without {@code object}; each
     * name this package knows is given in its public spelling ({@code concurrent.futures.CancelledError}, not
     * the defining {@code concurrent.futures._base.CancelledError}), so that cases can test Python's class
     * hierarchy, e.g. {@code e.pythonMro().contains("concurrent.futures.Error")}.
     *
     * <p>For an exception received from an interpreter ({@link PyExceptions#fromPython}) this is the
     * interpreter's own MRO; for one made in Java it follows this package's Java class hierarchy.
     */
    public java.util.List<String> pythonMro() {
        if (mro != null) {
            return mro;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(pythonName());
        for (Class<?> c = getClass().getSuperclass(); c != null && BaseException.class.isAssignableFrom(c);
                c = c.getSuperclass()) {
            String n = PyExceptions.nameOf(c);
            if (n != null && !out.contains(n)) {
                out.add(n);
            }
        }
        return java.util.List.copyOf(out);
    }

    /** Set by {@link PyExceptions#fromPython}: the interpreter's MRO, public spellings. */
    void setPythonMro(java.util.List<String> mro) {
        this.mro = java.util.List.copyOf(mro);
    }

    /**
     * Set by {@link PyExceptions#fromPython}: the Python exception's attributes that this Java class keeps
     * ({@code errno}, {@code cmd}, {@code returncode}, ...), as decoded plain values. The default keeps none.
     */
    void receiveAttributes(java.util.Map<String, Object> attrs) {}

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
