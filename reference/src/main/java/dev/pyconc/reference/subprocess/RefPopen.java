package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.BrokenPipeError;
import dev.pyconc.spi.exceptions.IndexError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.SubprocessError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.FileObject;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * {@code subprocess.Popen} on POSIX: a port of CPython 3.14's {@code Lib/subprocess.py} (its {@code __init__},
 * {@code _get_handles}, {@code _execute_child}, {@code wait}/{@code poll} under {@code _waitpid_lock},
 * {@code communicate} with its selector loop, {@code send_signal}), with {@link Spawner} in the place of
 * {@code _posixsubprocess.fork_exec}. See the package documentation for the design and its limits.
 */
final class RefPopen implements Popen {
    /** The keyword arguments of {@code Popen.__init__} that the SPI can carry. */
    static final Set<String> POPEN_KWARGS = Set.of("bufsize", "executable", "stdin", "stdout", "stderr",
            "close_fds", "shell", "cwd", "env", "universal_newlines", "restore_signals", "start_new_session",
            "pass_fds", "user", "group", "extra_groups", "encoding", "errors", "text", "umask", "pipesize",
            "process_group");
    /** {@code select.PIPE_BUF} on Linux: the chunk communicate() writes, never blocking once POLLOUT says so. */
    private static final int PIPE_BUF = 4096;
    private static final System.Logger LOG = System.getLogger("dev.pyconc.reference.subprocess");

    private final Children children;
    private final Object args;
    private final boolean textMode;
    private final boolean leadsGroup;
    private int pid;
    private volatile Long returncode;
    private final ReentrantLock waitpidLock = new ReentrantLock();
    private PipeFile stdin;
    private PipeFile stdout;
    private PipeFile stderr;
    private int pidfd = -1; // guarded by waitpidLock; opened for the first timed wait
    // communicate() state kept across a TimeoutExpired, as CPython's _fileobj2output, _input, _input_offset
    private boolean communicationStarted;
    private List<byte[]> stdoutChunks;
    private List<byte[]> stderrChunks;
    private byte[] input;
    private int inputOffset;

    RefPopen(Children children, Object args, PopenOptions options) {
        this(children, args, options.kwargs(), "Popen.__init__()");
    }

    /** {@code Popen(args, **kwargs)}; {@code caller} names the function for TypeError messages. */
    RefPopen(Children children, Object args, Map<String, Object> kw, String caller) {
        this.children = children;
        for (String k : kw.keySet()) {
            if (!POPEN_KWARGS.contains(k)) {
                throw new TypeError(caller + " got an unexpected keyword argument '" + k + "'");
            }
        }
        Object bufsizeArg = kw.getOrDefault("bufsize", -1L);
        if (bufsizeArg == null) {
            bufsizeArg = -1L;
        }
        if (!(bufsizeArg instanceof Long || bufsizeArg instanceof Integer)) {
            throw new TypeError("bufsize must be an integer");
        }
        long bufsize = ((Number) bufsizeArg).longValue();
        Object stdinArg = kw.get("stdin");
        Object stdoutArg = kw.get("stdout");
        Object stderrArg = kw.get("stderr");
        if (stdoutArg == Redirect.STDOUT) {
            throw new ValueError("STDOUT can only be used for stderr");
        }
        if (stdinArg == Redirect.STDOUT) {
            // CPython passes STDOUT (-2) on as an fd for stdin, which the child's dup2 then rejects.
            throw new OSError(Posix.EBADF, Posix.strerror(Posix.EBADF), null);
        }
        Object pipesizeArg = kw.getOrDefault("pipesize", -1L);
        if (pipesizeArg == null) {
            pipesizeArg = -1L;
        }
        if (!(pipesizeArg instanceof Long || pipesizeArg instanceof Integer)) {
            throw new TypeError("pipesize must be an integer");
        }
        long pipesize = ((Number) pipesizeArg).longValue();
        boolean closeFds = truthy(kw.getOrDefault("close_fds", Boolean.TRUE));
        TreeSet<Integer> passFds = new TreeSet<>();
        Object pf = kw.get("pass_fds");
        if (pf instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Long || o instanceof Integer)) {
                    throw new TypeError("'" + typeName(o) + "' object cannot be interpreted as an integer");
                }
                long fd = ((Number) o).longValue();
                if (fd < 0 || fd > Integer.MAX_VALUE) {
                    throw new ValueError("bad value(s) in fds_to_keep"); // _posixsubprocess's check
                }
                passFds.add((int) fd);
            }
        }
        if (!passFds.isEmpty() && !closeFds) {
            LOG.log(System.Logger.Level.WARNING, "RuntimeWarning: pass_fds overriding close_fds.");
            closeFds = true;
        }
        this.args = args;
        Object text = kw.get("text");
        Object universalNewlines = kw.get("universal_newlines");
        if (text != null && universalNewlines != null && truthy(text) != truthy(universalNewlines)) {
            throw new SubprocessError("Cannot disambiguate when both text and universal_newlines are supplied"
                    + " but different. Pass one or the other.");
        }
        String encoding = (String) kw.get("encoding");
        String errors = (String) kw.get("errors");
        this.textMode = encoding != null && !encoding.isEmpty() || errors != null && !errors.isEmpty()
                || truthy(text) || truthy(universalNewlines);
        boolean lineBuffering = false;
        if (textMode && bufsize == 1) {
            lineBuffering = true;
            bufsize = -1;
        }
        refuseCredentials(kw);
        Object pg = kw.get("process_group");
        long processGroup = pg == null ? -1 : ((Number) pg).longValue();
        boolean startNewSession = truthy(kw.get("start_new_session"));
        this.leadsGroup = startNewSession || processGroup == 0;

        // _get_handles: p2cread/p2cwrite, c2pread/c2pwrite, errread/errwrite; -1 for "not redirected".
        List<Integer> parentEnds = new ArrayList<>(); // closed if anything fails before the child runs
        List<Integer> childEnds = new ArrayList<>(); // closed in the parent once the child has them
        int[] devnull = {-1};
        int p2cread = -1;
        int p2cwrite = -1;
        int c2pread = -1;
        int c2pwrite = -1;
        int errread = -1;
        int errwrite = -1;
        try {
            if (stdinArg == Redirect.PIPE) {
                int[] p = pipe(pipesize);
                p2cread = p[0];
                p2cwrite = p[1];
                childEnds.add(p2cread);
                parentEnds.add(p2cwrite);
            } else if (stdinArg == Redirect.DEVNULL) {
                p2cread = devnull(devnull);
            } else if (stdinArg != null) {
                p2cread = userFd(stdinArg);
            }
            if (stdoutArg == Redirect.PIPE) {
                int[] p = pipe(pipesize);
                c2pread = p[0];
                c2pwrite = p[1];
                childEnds.add(c2pwrite);
                parentEnds.add(c2pread);
            } else if (stdoutArg == Redirect.DEVNULL) {
                c2pwrite = devnull(devnull);
            } else if (stdoutArg != null) {
                c2pwrite = userFd(stdoutArg);
            }
            if (stderrArg == Redirect.PIPE) {
                int[] p = pipe(pipesize);
                errread = p[0];
                errwrite = p[1];
                childEnds.add(errwrite);
                parentEnds.add(errread);
            } else if (stderrArg == Redirect.STDOUT) {
                errwrite = c2pwrite != -1 ? c2pwrite : 1; // no stdout redirection: the parent's stdout
            } else if (stderrArg == Redirect.DEVNULL) {
                errwrite = devnull(devnull);
            } else if (stderrArg != null) {
                errwrite = userFd(stderrArg);
            }
            if (devnull[0] != -1) {
                childEnds.add(devnull[0]);
            }

            // The file objects are made before the child starts, as CPython does: an unknown encoding
            // (LookupError) is raised before any child exists.
            Codecs.Codec codec = textMode ? (encoding != null ? Codecs.lookup(encoding) : Codecs.localeEncoding())
                    : null;
            if (p2cwrite != -1) {
                stdin = new PipeFile(p2cwrite, true, (int) bufsize, codec, errors, lineBuffering);
            }
            if (c2pread != -1) {
                stdout = new PipeFile(c2pread, false, (int) bufsize, codec, errors, false);
            }
            if (errread != -1) {
                stderr = new PipeFile(errread, false, (int) bufsize, codec, errors, false);
            }
            this.pid = executeChild(kw, args, closeFds, passFds, p2cread, c2pwrite, errwrite,
                    startNewSession, processGroup);
        } catch (RuntimeException | Error e) {
            for (PipeFile f : new PipeFile[] {stdin, stdout, stderr}) {
                if (f != null) {
                    f.abandon();
                }
            }
            for (int fd : parentEnds) {
                if (!(stdin != null && fd == p2cwrite || stdout != null && fd == c2pread
                        || stderr != null && fd == errread)) {
                    Posix.C.close(fd);
                }
            }
            for (int fd : childEnds) {
                Posix.C.close(fd);
            }
            throw e;
        }
        for (int fd : childEnds) {
            Posix.C.close(fd);
        }
        children.started(this);
    }

    /**
     * user, group, extra_groups and umask need code run in the child between fork and exec, which
     * posix_spawn does not offer (the reference lacks {@code Feature.SUBPROCESS_CREDENTIALS} and
     * {@code SUBPROCESS_UMASK}): giving one of
     * them raises ValueError, in the wording CPython uses on a platform without the call, rather than
     * starting the child without it.
     */
    private static void refuseCredentials(Map<String, Object> kw) {
        for (String name : new String[] {"user", "group", "extra_groups"}) {
            if (kw.get(name) != null) {
                throw new ValueError("The '" + name + "' parameter is not supported on the current platform"
                        + " (the reference starts children with posix_spawn, which cannot change credentials)");
            }
        }
        Object umask = kw.get("umask");
        if (umask != null && ((Number) umask).longValue() >= 0) {
            throw new ValueError("The 'umask' parameter is not supported on the current platform"
                    + " (the reference starts children with posix_spawn, which cannot set a umask)");
        }
    }

    private int executeChild(Map<String, Object> kw, Object args, boolean closeFds, TreeSet<Integer> passFds,
            int p2cread, int c2pwrite, int errwrite, boolean startNewSession, long processGroup) {
        List<Object> argList = new ArrayList<>();
        if (args instanceof String || args instanceof PyBytes) {
            argList.add(args);
        } else if (args instanceof List<?> l) {
            argList.addAll(l);
        } else {
            throw new TypeError("expected str, bytes or os.PathLike object, not " + typeName(args));
        }
        Object executable = kw.get("executable");
        if (truthy(kw.get("shell"))) {
            argList.add(0, "-c");
            argList.add(0, "/bin/sh");
            if (executable != null && truthy(executable)) {
                argList.set(0, executable);
            }
        }
        if (argList.isEmpty()) {
            throw new IndexError("list index out of range");
        }
        if (executable == null) {
            executable = argList.get(0);
        }
        List<byte[]> argv = new ArrayList<>(argList.size());
        for (Object a : argList) {
            if (!(a instanceof String) && !(a instanceof PyBytes)) {
                throw new TypeError("expected str, bytes or os.PathLike object, not " + typeName(a));
            }
            argv.add(Codecs.fsencode(a));
        }
        checkNoNul(argv);
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) kw.get("env");
        byte[] exe = Codecs.fsencode(executable);
        List<byte[]> executableList = new ArrayList<>();
        if (indexOf(exe, (byte) '/') >= 0) {
            executableList.add(exe);
        } else {
            for (String dir : execPath(env)) {
                byte[] d = Codecs.fsencode(dir);
                if (d.length == 0) {
                    executableList.add(exe);
                } else {
                    boolean slash = d[d.length - 1] == '/';
                    byte[] full = new byte[d.length + (slash ? 0 : 1) + exe.length];
                    System.arraycopy(d, 0, full, 0, d.length);
                    if (!slash) {
                        full[d.length] = '/';
                    }
                    System.arraycopy(exe, 0, full, full.length - exe.length, exe.length);
                    executableList.add(full);
                }
            }
        }
        return Spawner.spawn(new Spawner.Request(argv, executableList, executable, env, kw.get("cwd"), p2cread,
                c2pwrite, errwrite, closeFds, passFds, truthy(kw.getOrDefault("restore_signals", Boolean.TRUE)),
                startNewSession, processGroup));
    }

    /** {@code os.get_exec_path(env)}: PATH from env (or the JVM's environment), else {@code os.defpath}. */
    static String[] execPath(Map<String, String> env) {
        String path = env != null ? env.get("PATH") : System.getenv("PATH");
        if (path == null) {
            path = "/bin:/usr/bin";
        }
        return path.split(":", -1);
    }

    private static void checkNoNul(List<byte[]> argv) {
        for (byte[] a : argv) {
            if (indexOf(a, (byte) 0) >= 0) {
                throw new ValueError("embedded null byte");
            }
        }
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int[] pipe(long pipesize) {
        int[] fds = new int[2];
        if (Posix.C.pipe2(fds, Posix.O_CLOEXEC) != 0) {
            throw Posix.oserror(Posix.errno());
        }
        if (pipesize > 0) {
            Posix.C.fcntl(fds[1], Posix.F_SETPIPE_SZ, (int) pipesize);
        }
        return fds;
    }

    private static int devnull(int[] holder) {
        if (holder[0] == -1) {
            int fd = Posix.spawn().open(Posix.cString("/dev/null"), Posix.O_RDWR | Posix.O_CLOEXEC, 0);
            if (fd < 0) {
                throw Posix.oserror(Posix.errno(), "/dev/null");
            }
            holder[0] = fd;
        }
        return holder[0];
    }

    /** A stream given as an fd: checked here, since a bad one would otherwise be reported as the program's error. */
    private static int userFd(Object o) {
        if (!(o instanceof Long || o instanceof Integer)) {
            throw new AttributeError("'" + typeName(o) + "' object has no attribute 'fileno'");
        }
        int fd = ((Number) o).intValue();
        if (fd < 0 || Posix.C.fcntl(fd, Posix.F_GETFD, 0) < 0) {
            throw Posix.oserror(Posix.EBADF, null);
        }
        return fd;
    }

    static String typeName(Object o) {
        return o == null ? "NoneType" : o instanceof String ? "str" : o instanceof PyBytes ? "bytes"
                : o instanceof Long || o instanceof Integer ? "int" : o instanceof Double ? "float"
                : o instanceof Boolean ? "bool" : o instanceof List ? "list" : o.getClass().getSimpleName();
    }

    /** Python's truth value of an argument: None, False, 0 and empty strings/bytes/lists are false. */
    static boolean truthy(Object o) {
        if (o == null) {
            return false;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof PyBytes b) {
            return b.size() > 0;
        }
        if (o instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    // ---- attributes ----

    @Override
    public Object args() {
        return args;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Long returncode() {
        return returncode;
    }

    @Override
    public FileObject stdin() {
        return stdin;
    }

    @Override
    public FileObject stdout() {
        return stdout;
    }

    @Override
    public FileObject stderr() {
        return stderr;
    }

    boolean textMode() {
        return textMode;
    }

    // ---- waiting ----

    /** {@code _handle_exitstatus}; the caller holds {@link #waitpidLock}. */
    private void handleExitStatus(int status) {
        returncode = WaitStatus.returncode(status);
        closePidfd();
        children.reaped(this);
    }

    private void closePidfd() {
        if (pidfd >= 0) {
            Posix.C.close(pidfd);
            pidfd = -1;
        }
    }

    /** {@code _try_wait}: waitpid on this child only (never -1); ECHILD counts as exit status 0, as in CPython. */
    private int[] tryWait(int flags) {
        int[] status = new int[1];
        while (true) {
            int r;
            if (flags == 0) {
                SysCalls.begin();
                try {
                    r = Posix.C.waitpid(pid, status, flags);
                } finally {
                    SysCalls.end();
                }
            } else {
                r = Posix.C.waitpid(pid, status, flags);
            }
            if (r >= 0) {
                return new int[] {r, status[0]};
            }
            int e = Posix.errno();
            if (e == Posix.ECHILD) {
                return new int[] {pid, 0};
            }
            if (e != Posix.EINTR) {
                throw Posix.oserror(e, null);
            }
        }
    }

    @Override
    public Long poll() {
        if (returncode == null) {
            if (!waitpidLock.tryLock()) {
                return null; // another thread is in waitpid: we know nothing yet
            }
            try {
                if (returncode != null) {
                    return returncode;
                }
                int[] r = tryWait(Posix.WNOHANG);
                if (r[0] == pid) {
                    handleExitStatus(r[1]);
                }
            } finally {
                waitpidLock.unlock();
            }
        }
        return returncode;
    }

    @Override
    public long await() {
        return await(null);
    }

    @Override
    public long await(Double timeout) {
        Long rc = returncode;
        if (rc != null) {
            return rc;
        }
        if (timeout == null) {
            if (!waitpidLock.tryLock()) {
                SysCalls.begin(); // another thread is in waitpid: wait for it, as CPython's "with _waitpid_lock"
                try {
                    waitpidLock.lock();
                } finally {
                    SysCalls.end();
                }
            }
            try {
                while (returncode == null) {
                    int[] r = tryWait(0);
                    if (r[0] == pid) {
                        handleExitStatus(r[1]);
                    }
                }
            } finally {
                waitpidLock.unlock();
            }
            return returncode;
        }
        // CPython polls with WNOHANG and sleeps 1 ms doubling to 50 ms; here the sleep is a poll(2) on a
        // pidfd, which ends the moment the child exits (the backoff remains the fallback without pidfds).
        long end = System.nanoTime() + (long) Math.max(0, Math.min(timeout * 1e9, Long.MAX_VALUE / 4.0));
        double delay = 0.0005;
        while (true) {
            if (waitpidLock.tryLock()) {
                try {
                    if (returncode != null) {
                        break;
                    }
                    int[] r = tryWait(Posix.WNOHANG);
                    if (r[0] == pid) {
                        handleExitStatus(r[1]);
                        break;
                    }
                    if (pidfd < 0) {
                        pidfd = (int) Posix.C.syscall(Posix.SYS_PIDFD_OPEN, pid, 0);
                    }
                } finally {
                    waitpidLock.unlock();
                }
            }
            long remaining = end - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutExpired(args, timeout, null, null);
            }
            delay = Math.min(delay * 2, 0.05);
            int fd = pidfd;
            if (fd >= 0 && !waitpidLock.isLocked()) {
                pollFds(new int[] {fd}, new short[] {Posix.POLLIN}, remaining);
            } else {
                sleepNanos(Math.min(remaining, (long) (delay * 1e9)));
            }
        }
        return returncode;
    }

    private static void sleepNanos(long nanos) {
        SysCalls.begin();
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a Python wait is not interruptible: keep the flag, go on
        } finally {
            SysCalls.end();
        }
    }

    // ---- signals ----

    @Override
    public void sendSignal(int signum) {
        poll();
        if (returncode != null) {
            return; // known to be dead: the pid may belong to someone else by now
        }
        if (Posix.C.kill(pid, signum) != 0) {
            int e = Posix.errno();
            if (e != Posix.ESRCH) {
                throw Posix.oserror(e, null);
            }
        }
    }

    @Override
    public void terminate() {
        sendSignal(Posix.SIGTERM);
    }

    @Override
    public void kill() {
        sendSignal(Posix.SIGKILL);
    }

    /**
     * The adapter's clean-up: SIGKILL to the child (to its whole process group when it leads one:
     * start_new_session or process_group=0), reaping it, and closing the parent's pipe ends.
     */
    void killAndReap() {
        if (returncode == null) {
            if (leadsGroup) {
                Posix.C.kill(-pid, Posix.SIGKILL);
            }
            sendSignal(Posix.SIGKILL);
            await(null);
        }
        for (PipeFile f : new PipeFile[] {stdin, stdout, stderr}) {
            if (f != null) {
                f.abandon();
            }
        }
    }

    /** Whether the child is reaped and every pipe end closed: nothing left for the adapter to clean up. */
    boolean finished() {
        return returncode != null && (stdin == null || stdin.closed()) && (stdout == null || stdout.closed())
                && (stderr == null || stderr.closed());
    }

    // ---- with ----

    @Override
    public Held enter() {
        return this::exit;
    }

    /** {@code __exit__}: closes stdout, stderr, then stdin (whose flush may raise), and waits for the child. */
    private boolean exit(BaseException exc) {
        if (stdout != null) {
            stdout.close();
        }
        if (stderr != null) {
            stderr.close();
        }
        try {
            if (stdin != null) {
                stdin.close();
            }
        } finally {
            if (exc instanceof dev.pyconc.spi.exceptions.KeyboardInterrupt) {
                try {
                    await(0.25); // CPython's _sigint_wait_secs: the child probably got the SIGINT too
                } catch (TimeoutExpired e) {
                    // as CPython: leave it
                }
            } else {
                await(null);
            }
        }
        return false;
    }

    // ---- communicate ----

    @Override
    public PyTuple communicate(Object inputArg, Double timeout) {
        if (communicationStarted && truthy(inputArg)) {
            throw new ValueError("Cannot send input after starting communication");
        }
        Object out = null;
        Object err = null;
        if (timeout == null && !communicationStarted
                && (stdin == null ? 1 : 0) + (stdout == null ? 1 : 0) + (stderr == null ? 1 : 0) >= 2) {
            // One pipe at most and no timeout: no selector needed (CPython's optimization).
            if (stdin != null) {
                stdinWrite(inputArg);
            } else if (stdout != null) {
                out = stdout.read();
                stdout.close();
            } else if (stderr != null) {
                err = stderr.read();
                stderr.close();
            }
            await(null);
            return PyTuple.of(out, err);
        }
        // a timeout beyond ~73 years is no limit in practice; clamped so that the deadline cannot overflow
        Long endtime = timeout == null ? null
                : System.nanoTime() + (long) Math.max(0, Math.min(timeout * 1e9, Long.MAX_VALUE / 4.0));
        Object[] r;
        try {
            r = doCommunicate(inputArg, endtime, timeout);
        } finally {
            communicationStarted = true;
        }
        return PyTuple.of(r[0], r[1]);
    }

    /** {@code _stdin_write}: BrokenPipeError (the child does not read) is ignored, as communicate() must. */
    private void stdinWrite(Object data) {
        if (truthy(data)) {
            try {
                stdin.write(data);
            } catch (BrokenPipeError e) {
                // communicate() ignores a broken pipe
            } catch (OSError e) {
                if (e.errno() == null || e.errno() != Posix.EINVAL) {
                    throw e;
                }
            }
        }
        try {
            stdin.close();
        } catch (BrokenPipeError e) {
            // idem
        } catch (OSError e) {
            if (e.errno() == null || e.errno() != Posix.EINVAL) {
                throw e;
            }
        }
    }

    private Double remaining(Long endtime) {
        return endtime == null ? null : (endtime - System.nanoTime()) / 1e9;
    }

    private TimeoutExpired timeoutExpired(Double origTimeout) {
        return new TimeoutExpired(args, origTimeout,
                stdoutChunks != null && !stdoutChunks.isEmpty() ? join(stdoutChunks) : null,
                stderrChunks != null && !stderrChunks.isEmpty() ? join(stderrChunks) : null);
    }

    private static PyBytes join(List<byte[]> chunks) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            b.writeBytes(c);
        }
        return PyBytes.of(b.toByteArray());
    }

    /** {@code _communicate}: one thread, poll(2) over the pipes, input in PIPE_BUF chunks; output kept across timeouts. */
    private Object[] doCommunicate(Object inputArg, Long endtime, Double origTimeout) {
        if (stdin != null && !communicationStarted) {
            try {
                stdin.flush();
            } catch (BrokenPipeError e) {
                // ignored
            } catch (ValueError e) {
                if (!stdin.closed()) {
                    throw e;
                }
            }
            if (!truthy(inputArg)) {
                try {
                    stdin.close();
                } catch (BrokenPipeError e) {
                    // ignored
                }
            }
        }
        if (!communicationStarted) {
            if (stdout != null) {
                stdoutChunks = new ArrayList<>();
                addBuffered(stdout, stdoutChunks);
            }
            if (stderr != null) {
                stderrChunks = new ArrayList<>();
                addBuffered(stderr, stderrChunks);
            }
        }
        saveInput(inputArg);

        boolean writeIn = stdin != null && !stdin.closed() && input != null && input.length > 0;
        boolean readOut = stdout != null && !stdout.closed();
        boolean readErr = stderr != null && !stderr.closed();
        byte[] buf = new byte[32768];
        while (writeIn || readOut || readErr) {
            Double rem = remaining(endtime);
            if (rem != null && rem <= 0) {
                throw timeoutExpired(origTimeout);
            }
            int n = (writeIn ? 1 : 0) + (readOut ? 1 : 0) + (readErr ? 1 : 0);
            int[] fds = new int[n];
            short[] events = new short[n];
            PipeFile[] files = new PipeFile[n];
            int i = 0;
            if (writeIn) {
                files[i] = stdin;
                fds[i] = stdin.fdHolder().fd();
                events[i++] = Posix.POLLOUT;
            }
            if (readOut) {
                files[i] = stdout;
                fds[i] = stdout.fdHolder().fd();
                events[i++] = Posix.POLLIN;
            }
            if (readErr) {
                files[i] = stderr;
                fds[i] = stderr.fdHolder().fd();
                events[i++] = Posix.POLLIN;
            }
            short[] ready = pollFds(fds, events, endtime == null ? -1 : Math.max(0, endtime - System.nanoTime()));
            if (endtime != null && System.nanoTime() > endtime) {
                throw timeoutExpired(origTimeout);
            }
            for (int k = 0; k < n; k++) {
                if (ready[k] == 0) {
                    continue;
                }
                if (files[k] == stdin) {
                    int len = Math.min(PIPE_BUF, input.length - inputOffset);
                    try {
                        inputOffset += Io.write(fds[k], input, inputOffset, len);
                    } catch (BrokenPipeError e) {
                        writeIn = false;
                        closeQuietly(stdin);
                        continue;
                    }
                    if (inputOffset >= input.length) {
                        writeIn = false;
                        closeQuietly(stdin);
                    }
                } else {
                    int got = Io.read(fds[k], buf, buf.length);
                    List<byte[]> sink = files[k] == stdout ? stdoutChunks : stderrChunks;
                    if (got == 0) {
                        if (files[k] == stdout) {
                            readOut = false;
                        } else {
                            readErr = false;
                        }
                        files[k].close();
                    }
                    sink.add(java.util.Arrays.copyOf(buf, got));
                }
            }
        }
        try {
            await(remaining(endtime));
        } catch (TimeoutExpired e) {
            throw new TimeoutExpired(args, origTimeout, e.stdout(), e.stderr());
        }
        Object out = stdoutChunks == null ? null : join(stdoutChunks);
        Object err = stderrChunks == null ? null : join(stderrChunks);
        if (textMode) {
            if (out != null) {
                out = Codecs.translateNewlines(Codecs.decode(stdout.codec(), stdout.errors(),
                        ((PyBytes) out).toByteArray()));
            }
            if (err != null) {
                err = Codecs.translateNewlines(Codecs.decode(stderr.codec(), stderr.errors(),
                        ((PyBytes) err).toByteArray()));
            }
        }
        return new Object[] {out, err};
    }

    /** Bytes an earlier read() left in the file object's buffer (CPython would lose them; they are output). */
    private static void addBuffered(PipeFile f, List<byte[]> sink) {
        if (!f.closed() && !f.text()) {
            byte[] b = f.drainBuffered();
            if (b.length > 0) {
                sink.add(b);
            }
        }
    }

    private static void closeQuietly(PipeFile f) {
        try {
            f.close();
        } catch (BrokenPipeError e) {
            // ignored, as CPython's communicate
        }
    }

    /** {@code _save_input}: the input as bytes (encoded in text mode), kept for a communicate() after a timeout. */
    private void saveInput(Object inputArg) {
        if (stdin != null && input == null) {
            inputOffset = 0;
            if (inputArg == null) {
                input = null;
            } else if (textMode) {
                if (!(inputArg instanceof String s)) {
                    throw new AttributeError("'" + typeName(inputArg) + "' object has no attribute 'encode'");
                }
                input = Codecs.encode(stdin.codec(), stdin.errors(), s);
            } else {
                if (!(inputArg instanceof PyBytes b)) {
                    throw new TypeError("memoryview: a bytes-like object is required, not '" + typeName(inputArg) + "'");
                }
                input = b.toByteArray();
            }
        }
    }

    /**
     * poll(2) on the given fds until one is ready or {@code timeoutNanos} pass (-1: no limit); retried on EINTR.
     * As CPython's PollSelector, POLLERR/POLLHUP/POLLNVAL count as ready for reading and writing.
     *
     * @return the revents of each fd
     */
    static short[] pollFds(int[] fds, short[] events, long timeoutNanos) {
        int n = fds.length;
        Pointer p = Memory.allocateDirect(Posix.RUNTIME, 8L * n);
        long end = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        while (true) {
            for (int i = 0; i < n; i++) {
                p.putInt(8L * i, fds[i]);
                p.putShort(8L * i + 4, events[i]);
                p.putShort(8L * i + 6, (short) 0);
            }
            int ms;
            if (timeoutNanos < 0) {
                ms = -1;
            } else {
                long left = Math.max(0, end - System.nanoTime());
                ms = (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000); // math.ceil, as selectors
            }
            SysCalls.begin();
            int r;
            try {
                r = Posix.C.poll(p, n, ms);
            } finally {
                SysCalls.end();
            }
            if (r >= 0) {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = p.getShort(8L * i + 6);
                }
                return out;
            }
            int e = Posix.errno();
            if (e != Posix.EINTR) {
                throw Posix.oserror(e, null);
            }
        }
    }

    /** Python's repr: {@code <Popen: returncode: None args: ['sleep', '1']>}, cut at 80 characters. */
    @Override
    public String toString() {
        String a = args instanceof String s ? "'" + s + "'" : String.valueOf(args);
        if (args instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(o instanceof String s ? "'" + s + "'" : String.valueOf(o));
            }
            a = "[" + String.join(", ", parts) + "]";
        }
        String r = "<Popen: returncode: " + (returncode == null ? "None" : returncode) + " args: " + a + ">";
        return r.length() > 80 ? r.substring(0, 76) + "...>" : r;
    }
}
