package dev.pyconc.spi.exceptions;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code subprocess.CalledProcessError}: a child run with {@code check=True} (or through
 * {@code check_call}, {@code check_output}, {@code CompletedProcess.check_returncode}) exited with a non-zero
 * status.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.CalledProcessError">subprocess.CalledProcessError</a>
 */
public class CalledProcessError extends SubprocessError {
    private static final long serialVersionUID = 1L;
    private Long returncode;
    private Object cmd;
    private Object stdout;
    private Object stderr;

    /** Creates the exception with the given Python {@code str()} message; every attribute None. */
    public CalledProcessError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code subprocess.CalledProcessError}), message and cause. */
    public CalledProcessError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /**
     * {@code CalledProcessError(returncode, cmd, output, stderr)}, with CPython's {@code str()}:
     * {@code Command '...' returned non-zero exit status N.}, or {@code died with <Signals.SIGTERM: 15>.} for a
     * negative returncode.
     *
     * @param returncode the child's exit status (-N for death by signal N)
     * @param cmd the child's args as given (String or List)
     * @param output captured stdout (PyBytes or String) or null for None
     * @param stderr captured stderr or null for None
     */
    public CalledProcessError(long returncode, Object cmd, Object output, Object stderr) {
        super(null, "Command '" + repr(cmd) + "' " + (returncode < 0
                ? "died with " + signalName(-returncode) + "."
                : "returned non-zero exit status " + returncode + "."), null);
        this.returncode = returncode;
        this.cmd = cmd;
        this.stdout = output;
        this.stderr = stderr;
    }

    @Override
    public String defaultPythonName() {
        return "subprocess.CalledProcessError";
    }

    /** {@code returncode}: the child's exit status, negative for death by a signal. */
    public Long returncode() {
        return returncode;
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
        returncode = attrs.get("returncode") instanceof Number n ? n.longValue() : null;
        cmd = attrs.get("cmd");
        stdout = attrs.get("stdout");
        stderr = attrs.get("stderr");
    }

    /** Python's {@code repr} of a command: a string quoted, a list as {@code ['a', 'b']}. */
    static String repr(Object cmd) {
        if (cmd instanceof String s) {
            return s;
        }
        if (cmd instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(l.get(i) instanceof String s ? "'" + s + "'" : String.valueOf(l.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(cmd);
    }

    /** Python's {@code str} of a float timeout: 0.5, 1.0. */
    static String number(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.format("%.1f", d) : Double.toString(d);
    }

    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};

    private static String signalName(long n) {
        return n > 0 && n < SIGNALS.length ? "<Signals." + SIGNALS[(int) n] + ": " + n + ">" : "unknown signal " + n;
    }
}
