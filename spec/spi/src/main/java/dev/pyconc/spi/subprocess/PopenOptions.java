package dev.pyconc.spi.subprocess;

import dev.pyconc.spi.PyBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword arguments of {@code Popen} and of the functions that hand theirs on to it ({@code run},
 * {@code call}, {@code check_call}, {@code check_output}), under their Python names. Immutable; each
 * {@code withX} returns a copy with one more argument.
 *
 * <p>An argument not given is absent from {@link #kwargs()} and takes Python's default; one given as None is
 * present with a null value. An adapter passes exactly the given arguments, so a function that has no such
 * parameter (for example {@code input} for {@code Popen}) raises TypeError as Python does.
 *
 * <p>Stream arguments ({@code stdin}, {@code stdout}, {@code stderr}) take a {@link Redirect}, a file
 * descriptor of the implementation's process as a {@link Long} (see {@link Os}), or null (None: inherit).
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#popen-constructor">Popen constructor</a>
 * @see <a href="https://docs.python.org/3/library/subprocess.html#frequently-used-arguments">frequently used arguments</a>
 */
public final class PopenOptions {
    /** The Python names this class can carry, in the order of Popen's signature, then run's own. */
    public static final Set<String> NAMES = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(
            "bufsize", "executable", "stdin", "stdout", "stderr", "close_fds", "shell", "cwd", "env",
            "universal_newlines", "restore_signals", "start_new_session", "pass_fds", "user", "group",
            "extra_groups", "encoding", "errors", "text", "umask", "pipesize", "process_group",
            "input", "capture_output", "timeout", "check")));

    private static final PopenOptions NONE = new PopenOptions(Map.of());
    private final Map<String, Object> kwargs;

    private PopenOptions(Map<String, Object> kwargs) {
        this.kwargs = kwargs;
    }

    /** No keyword arguments: every one at Python's default. */
    public static PopenOptions defaults() {
        return NONE;
    }

    /** The given keyword arguments, Python name to value (null for None), in the order they were added. */
    public Map<String, Object> kwargs() {
        return kwargs;
    }

    /** Whether keyword argument {@code name} was given (perhaps as None). */
    public boolean has(String name) {
        return kwargs.containsKey(name);
    }

    /** The value given for {@code name}, or null when given as None or not given (see {@link #has}). */
    public Object get(String name) {
        return kwargs.get(name);
    }

    /**
     * These options with {@code name=value}, for any name in {@link #NAMES}.
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES} (a mistake in the case, not Python's TypeError)
     */
    public PopenOptions with(String name, Object value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("not a keyword argument of Popen or run: " + name);
        }
        Map<String, Object> m = new LinkedHashMap<>(kwargs);
        m.put(name, value);
        return new PopenOptions(Collections.unmodifiableMap(m));
    }

    /** {@code stdin=v}: a {@link Redirect} ({@code PIPE}, {@code DEVNULL}), an fd ({@link Long}), or null for None. */
    public PopenOptions stdin(Object v) {
        return with("stdin", v);
    }

    /** {@code stdout=v}: a {@link Redirect} ({@code PIPE}, {@code DEVNULL}), an fd ({@link Long}), or null. */
    public PopenOptions stdout(Object v) {
        return with("stdout", v);
    }

    /** {@code stderr=v}: a {@link Redirect} ({@code PIPE}, {@code STDOUT}, {@code DEVNULL}), an fd, or null. */
    public PopenOptions stderr(Object v) {
        return with("stderr", v);
    }

    /** {@code cwd=path}: the child's working directory; null for None (the parent's). */
    public PopenOptions cwd(String path) {
        return with("cwd", path);
    }

    /** {@code env=m}: the child's whole environment instead of the parent's; null for None. */
    public PopenOptions env(Map<String, String> m) {
        return with("env", m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    }

    /** {@code executable=path}: the program to run; args[0] then becomes only the child's argv[0]. */
    public PopenOptions executable(String path) {
        return with("executable", path);
    }

    /** {@code shell=b}: run args through {@code /bin/sh -c} on POSIX. */
    public PopenOptions shell(boolean b) {
        return with("shell", b);
    }

    /** {@code text=b}: the streams and captured output in text mode (String) instead of bytes. */
    public PopenOptions text(boolean b) {
        return with("text", b);
    }

    /** {@code encoding=name}: text mode with this codec (a Python codec name). */
    public PopenOptions encoding(String name) {
        return with("encoding", name);
    }

    /** {@code errors=handler}: text mode with this error handler ({@code strict}, {@code replace}, ...). */
    public PopenOptions errors(String handler) {
        return with("errors", handler);
    }

    /** {@code universal_newlines=b}: the older name of {@code text}. */
    public PopenOptions universalNewlines(boolean b) {
        return with("universal_newlines", b);
    }

    /** {@code bufsize=n}: 0 unbuffered, 1 line-buffered (text mode only), other positive a buffer size, -1 default. */
    public PopenOptions bufsize(long n) {
        return with("bufsize", n);
    }

    /** {@code close_fds=b}: close the fds beyond 0, 1 and 2 in the child (default True on POSIX). */
    public PopenOptions closeFds(boolean b) {
        return with("close_fds", b);
    }

    /** {@code pass_fds=fds}: fds of the implementation's process to keep open in the child (forces close_fds). */
    public PopenOptions passFds(List<Long> fds) {
        return with("pass_fds", List.copyOf(fds));
    }

    /** {@code start_new_session=b}: the child calls setsid() before running the program. */
    public PopenOptions startNewSession(boolean b) {
        return with("start_new_session", b);
    }

    /** {@code process_group=pgid}: the child calls setpgid(0, pgid) before running the program (3.11). */
    public PopenOptions processGroup(long pgid) {
        return with("process_group", pgid);
    }

    /** {@code restore_signals=b}: signals Python set to SIG_IGN go back to SIG_DFL in the child (default True). */
    public PopenOptions restoreSignals(boolean b) {
        return with("restore_signals", b);
    }

    /** {@code user=u}: a user name (String) or uid (Long) the child runs as (3.9). */
    public PopenOptions user(Object u) {
        return with("user", u);
    }

    /** {@code group=g}: a group name (String) or gid (Long) the child runs as (3.9). */
    public PopenOptions group(Object g) {
        return with("group", g);
    }

    /** {@code extra_groups=gs}: supplementary groups, names (String) or gids (Long) (3.9). */
    public PopenOptions extraGroups(List<Object> gs) {
        return with("extra_groups", List.copyOf(gs));
    }

    /** {@code umask=m}: the child's umask (3.9); a negative value leaves it unchanged. */
    public PopenOptions umask(long m) {
        return with("umask", m);
    }

    /** {@code pipesize=n}: the size of the pipes made for PIPE, where the OS allows (3.10). */
    public PopenOptions pipesize(long n) {
        return with("pipesize", n);
    }

    /** {@code input=data} (run, check_output): sent to the child's stdin, which becomes a pipe. */
    public PopenOptions input(Object data) {
        if (data != null && !(data instanceof PyBytes) && !(data instanceof String)) {
            throw new IllegalArgumentException("input must be PyBytes, String or null, not " + data.getClass());
        }
        return with("input", data);
    }

    /** {@code capture_output=b} (run): stdout and stderr become PIPE. */
    public PopenOptions captureOutput(boolean b) {
        return with("capture_output", b);
    }

    /** {@code timeout=seconds} (run, call, check_call, check_output); null for None (no limit). */
    public PopenOptions timeout(Double seconds) {
        return with("timeout", seconds);
    }

    /** {@code check=b} (run): a non-zero returncode raises CalledProcessError. */
    public PopenOptions check(boolean b) {
        return with("check", b);
    }

    /** The options as Python keyword arguments: {@code stdout=PIPE, text=True}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        kwargs.forEach((k, v) -> parts.add(k + "=" + (v == null ? "None" : v instanceof Boolean b
                ? (b ? "True" : "False") : v instanceof String s ? "'" + s + "'" : v)));
        return String.join(", ", parts);
    }
}
