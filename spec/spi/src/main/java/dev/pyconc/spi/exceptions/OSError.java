package dev.pyconc.spi.exceptions;

import java.util.Map;

/**
 * Python's {@code builtins.OSError}, with its {@code errno}, {@code strerror} and {@code filename} attributes.
 * Made with an errno, its {@code str()} is Python's {@code [Errno 2] No such file or directory: 'x'}.
 * Python picks a subclass by errno when an OSError is raised ({@link #forErrno}): ENOENT gives
 * {@link FileNotFoundError}, EEXIST {@link FileExistsError}, EACCES and EPERM {@link PermissionError},
 * ENOTDIR {@link NotADirectoryError}, ESRCH {@link ProcessLookupError}, ECHILD {@link ChildProcessError},
 * EPIPE {@link BrokenPipeError}, ECONNRESET {@link ConnectionResetError}, ECONNREFUSED {@link ConnectionRefusedError}.
 *
 * @see <a href="https://docs.python.org/3/library/exceptions.html#OSError">builtins.OSError</a>
 */
public class OSError extends PyException {
    private static final long serialVersionUID = 1L;
    private Long errno;
    private String strerror;
    private Object filename;

    /** Creates the exception with the given Python {@code str()} message; errno, strerror and filename are None. */
    public OSError(String message) {
        super(message);
    }

    /** Creates the exception for the given qualified Python class (null for {@code builtins.OSError}), message and cause. */
    public OSError(String pythonName, String message, Throwable cause) {
        super(pythonName, message, cause);
    }

    /**
     * {@code OSError(errno, strerror[, filename])}.
     *
     * @param errno the POSIX error number (Linux numbering)
     * @param strerror the OS's message for it, e.g. {@code No such file or directory}
     * @param filename the path involved (a String), or null for None
     */
    public OSError(long errno, String strerror, Object filename) {
        this(null, errno, strerror, filename);
    }

    /** As {@link #OSError(long, String, Object)}, for a subclass with the given Python name (null: the class's own). */
    protected OSError(String pythonName, long errno, String strerror, Object filename) {
        super(pythonName, message(errno, strerror, filename), null);
        this.errno = errno;
        this.strerror = strerror;
        this.filename = filename;
    }

    private static String message(long errno, String strerror, Object filename) {
        String m = "[Errno " + errno + "] " + strerror;
        return filename == null ? m : m + ": " + (filename instanceof String s ? "'" + s + "'" : filename);
    }

    /**
     * The OSError subclass Python raises for {@code errno} (Linux numbering), or a plain OSError.
     *
     * @param filename the path involved, or null
     */
    public static OSError forErrno(long errno, String strerror, Object filename) {
        return switch ((int) errno) {
            case 2 -> new FileNotFoundError(errno, strerror, filename);
            case 17 -> new FileExistsError(errno, strerror, filename);
            case 1, 13 -> new PermissionError(errno, strerror, filename);
            case 20 -> new NotADirectoryError(errno, strerror, filename);
            case 3 -> new ProcessLookupError(errno, strerror, filename);
            case 10 -> new ChildProcessError(errno, strerror, filename);
            case 32 -> new BrokenPipeError(errno, strerror, filename);
            case 104 -> new ConnectionResetError(errno, strerror, filename);
            case 111 -> new ConnectionRefusedError(errno, strerror, filename);
            default -> new OSError(errno, strerror, filename);
        };
    }

    /** {@code errno}: the error number, or null for None. */
    public Long errno() {
        return errno;
    }

    /** {@code strerror}: the OS's message, or null for None. */
    public String strerror() {
        return strerror;
    }

    /** {@code filename}: the path involved (usually a String), or null for None. */
    public Object filename() {
        return filename;
    }

    @Override
    void receiveAttributes(Map<String, Object> attrs) {
        if (attrs.get("errno") instanceof Number n) {
            errno = n.longValue();
        }
        if (attrs.get("strerror") instanceof String s) {
            strerror = s;
        }
        filename = attrs.get("filename");
    }
}
