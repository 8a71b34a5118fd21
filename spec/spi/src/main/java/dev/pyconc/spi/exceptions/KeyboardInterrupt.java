package dev.pyconc.spi.exceptions;

/**
 * Python's {@code builtins.KeyboardInterrupt}: what the default SIGINT handler raises in the main thread (also when
 * {@code _thread.interrupt_main()} simulates SIGINT). It derives from BaseException, not Exception, so
 * {@code except Exception} does not catch it.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#KeyboardInterrupt">builtins.KeyboardInterrupt</a>
 */
public class KeyboardInterrupt extends BaseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the given Python {@code str()} message. */
    public KeyboardInterrupt(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.KeyboardInterrupt}), message and cause. */
    public KeyboardInterrupt(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }
}
