package dev.pyconc.conformance.cpython;

/**
 * The bridge to the Python process failed: the process died, a reply did not come before its deadline, or the
 * waiting Java thread was interrupted. Not a Python exception: an adapter failure, so a case that meets it
 * ends as an ERROR.
 */
public class PythonBridgeException extends dev.pyconc.spi.AdapterFailure {
    private static final long serialVersionUID = 1L;

    public PythonBridgeException(String message) {
        super(message);
    }

    public PythonBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
