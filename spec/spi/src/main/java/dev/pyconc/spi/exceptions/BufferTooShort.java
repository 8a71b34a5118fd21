package dev.pyconc.spi.exceptions;

import dev.pyconc.spi.PyBytes;

/**
 * Python's {@code multiprocessing.BufferTooShort}: {@code Connection.recv_bytes_into()} was given a buffer too
 * small for the message it received. The whole message is consumed and travels in the exception:
 * {@code e.args[0]} ({@link #data()} here). CPython defines it in {@code multiprocessing.context} and
 * re-exports it; both spellings map here.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.BufferTooShort">multiprocessing.BufferTooShort</a>
 */
public class BufferTooShort extends ProcessError {
    private static final long serialVersionUID = 1L;
    private final transient PyBytes data;

    /** Creates the exception with the given Python {@code str()} message; {@link #data()} is null. */
    public BufferTooShort(String message) {
        super(message);
        this.data = null;
    }

    /** Creates the exception for the given qualified Python class (null for {@code multiprocessing.BufferTooShort}), message and cause. */
    public BufferTooShort(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
        this.data = null;
    }

    /**
     * {@code BufferTooShort(data)}, as {@code recv_bytes_into} raises it; the message is the {@code repr} of the
     * bytes, as Python's {@code str()} of a one-argument exception is the {@code str()} of its argument (for long
     * content the repr is cut after 200 bytes, see {@link PyBytes#toString()}).
     *
     * @param data the whole message that did not fit
     */
    public BufferTooShort(PyBytes data) {
        super(null, String.valueOf(data), null);
        this.data = data;
    }

    /** {@code e.args[0]}: the whole message that did not fit, or null when the exception was made without it. */
    public PyBytes data() {
        return data;
    }

    @Override
    public String defaultPythonName() {
        return "multiprocessing.BufferTooShort";
    }
}
