package dev.pyconc.spi.exceptions;

import java.util.Map;

/**
 * Python's {@code subprocess.TimeoutExpired}: a wait for a child ran out of time. The child is not killed by
 * the timeout itself (except inside {@code run} and the functions built on it, which kill it first).
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.TimeoutExpired">subprocess.TimeoutExpired</a>
 */
public class TimeoutExpired extends SubprocessError {
    private static final long serialVersionUID = 1L;
    private Object cmd;
    private Double timeout;
    private Object stdout;
    private Object stderr;

    /** Creates the exception with the given Python {@code str()} message; every attribute None. */
    public TimeoutExpired(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code subprocess.TimeoutExpired}), message and cause. */
    public TimeoutExpired(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /**
     * {@code TimeoutExpired(cmd, timeout, output, stderr)}, with CPython's {@code str()}:
     * {@code Command '...' timed out after T seconds}.
     *
     * @param cmd the child's args as given (String or List)
     * @param timeout the timeout in seconds
     * @param output captured stdout (PyBytes or String) or null for None
     * @param stderr captured stderr or null for None
     */
    public TimeoutExpired(Object cmd, double timeout, Object output, Object stderr) {
        super(null, "Command '" + CalledProcessError.repr(cmd) + "' timed out after "
                + CalledProcessError.number(timeout) + " seconds", null);
        this.cmd = cmd;
        this.timeout = timeout;
        this.stdout = output;
        this.stderr = stderr;
    }

    @Override
    public String defaultPythonName() {
        return "subprocess.TimeoutExpired";
    }

    /** {@code timeout}: the timeout that expired, in seconds. */
    public Double timeout() {
        return timeout;
    }

    /** {@code cmd}: the args the child was started with (a String or a List), as given. */
    public Object cmd() {
        return cmd;
    }

    /** {@code output}: the child's captured stdout (PyBytes or String), or null for None; the same as {@link #stdout()}. */
    public Object output() {
        return stdout;
    }

    /** {@code stdout}: another name of {@link #output()}. */
    public Object stdout() {
        return stdout;
    }

    /** {@code stderr}: the child's captured stderr (PyBytes or String), or null for None. */
    public Object stderr() {
        return stderr;
    }

    @Override
    void receiveAttributes(Map<String, Object> attrs) {
        cmd = attrs.get("cmd");
        timeout = attrs.get("timeout") instanceof Number n ? n.doubleValue() : null;
        stdout = attrs.get("stdout");
        stderr = attrs.get("stderr");
    }
}
