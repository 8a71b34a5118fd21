package dev.pyconc.spi;

/** The adapter cannot be created; the message says why and is shown to the user as one line. */
public class AdapterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdapterUnavailableException(String message) {
        super(message);
    }

    public AdapterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
