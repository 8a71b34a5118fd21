package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code multiprocessing.Process} of the reference: CPython 3.14's {@code BaseProcess} with the {@code spawn}
 * start method's {@code Popen}, where the fresh interpreter is a child JVM ({@link JvmSpawner}) running
 * {@link ChildMain}. Also the objects {@code current_process()} (the {@code MainProcess}, or the child's own
 * process object) and {@code parent_process()} (CPython's {@code _ParentProcess}) return.
 *
 * <p>{@code start()} pickles a description for the child (the routine's name, the arguments with every
 * {@link Reducible} reduced, the name, authkey, daemon flag, identity, and the parent's pid and name) and writes it
 * to a pipe the child inherits; the child inherits the write end of another pipe whose read end is the
 * {@link #sentinel()}: it becomes ready (end of file) when the child has exited. The exit code comes from
 * {@code waitpid} on the child's pid only, and the pid is signalled only while it is not reaped (so never a
 * recycled pid).
 *
 * <p>Argument lifetime: the object keeps its {@code args} and {@code kwargs} (so the objects whose names a child
 * opens, such as a Lock made inline in the call, and whose collection in this process would unlink those names) for
 * its whole life, and a started process stays in this process's table of children until it is reaped, as CPython's
 * {@code _children} set and {@code Popen} keep {@code process_obj}; the caller need not hold either.
 *
 * <p>Error messages are CPython's: {@code AssertionError} for the misuses CPython asserts against,
 * {@code ValueError('process object is closed')} after {@link #close()}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process">Process</a>
 */
public final class RefProcess implements PyProcess {
    /** What the object stands for. */
    enum Role {
        /** A process object made by {@code Process(...)} in this process. */
        CHILD,
        /** {@code current_process()}: this very process. */
        CURRENT,
        /** {@code parent_process()} in a child. */
        PARENT
    }

    private final Role role;
    private final String prefix;
    private final PyCallable target;
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private final Long parentPid;
    private final List<Long> identity;
    private final Runnable beforeStart;
    private final Object owner;
    private final long fixedPid;
    private volatile String name;
    private volatile boolean daemon;
    private volatile PyBytes authkey;
    private volatile Popen popen;
    private volatile Long sentinel;
    private volatile boolean closed;
    private volatile int parentPidfd = -1;

    private RefProcess(Role role, String prefix, PyCallable target, List<Object> args, Map<String, Object> kwargs,
            Long parentPid, List<Long> identity, String name, boolean daemon, PyBytes authkey, Runnable beforeStart,
            Object owner, long fixedPid) {
        this.role = role;
        this.prefix = prefix;
        this.target = target;
        this.args = args;
        this.kwargs = kwargs;
        this.parentPid = parentPid;
        this.identity = List.copyOf(identity);
        this.name = name;
        this.daemon = daemon;
        this.authkey = authkey;
        this.beforeStart = beforeStart;
        this.owner = owner;
        this.fixedPid = fixedPid;
    }

    /**
     * {@code Process(group, target, name, args, kwargs, daemon=...)} in this process.
     *
     * @param prefix the class name the default name starts with ({@code Process}, {@code SpawnProcess})
     * @param beforeStart run by {@link #start()} before the child is made (the module fixes its start method)
     * @param owner who cleans up after it ({@link #cleanUp(Object)}), or null
     * @throws PyAssertionError {@code group argument must be None for now}
     */
    public static RefProcess create(String prefix, ProcessOptions o, Runnable beforeStart, Object owner) {
        if (o.group() != null) {
            throw new PyAssertionError("group argument must be None for now");
        }
        RefProcess creator = ProcessTable.current();
        long count = ProcessTable.nextCount();
        List<Long> id = new ArrayList<>(creator.identity);
        id.add(count);
        String name = o.name() != null ? o.name() : defaultName(prefix, id);
        boolean daemon = o.daemon() != null ? o.daemon() : creator.daemon;
        return new RefProcess(Role.CHILD, prefix, o.target(), o.args(), o.kwargs(), ProcessTable.getpid(), id, name,
                daemon, creator.authkey, beforeStart, owner, 0);
    }

    static String defaultName(String prefix, List<Long> identity) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        for (int i = 0; i < identity.size(); i++) {
            sb.append(i == 0 ? "" : ":").append(identity.get(i));
        }
        return sb.toString();
    }

    /** {@code _MainProcess}: name {@code MainProcess}, not daemonic, the given authkey. */
    static RefProcess mainProcess(PyBytes authkey) {
        return new RefProcess(Role.CURRENT, "MainProcess", null, List.of(), Map.of(), null, List.of(), "MainProcess",
                false, authkey, null, null, 0);
    }

    /** The child's own process object as the parent described it. */
    static RefProcess childSelf(String prefix, String name, boolean daemon, PyBytes authkey, List<Long> identity,
            long parentPid) {
        return new RefProcess(Role.CURRENT, prefix, null, List.of(), Map.of(), parentPid, identity, name, daemon,
                authkey, null, null, 0);
    }

    /** {@code _ParentProcess(name, pid, sentinel)}: not daemonic, no authkey of its own. */
    static RefProcess parentView(String name, long pid) {
        return new RefProcess(Role.PARENT, "Process", null, List.of(), Map.of(), null, List.of(), name, false, null,
                null, null, pid);
    }

    List<Long> identity() {
        return identity;
    }

    boolean isDaemonFlag() {
        return daemon;
    }

    private void checkClosed() {
        if (closed) {
            throw new ValueError("process object is closed");
        }
    }

    private boolean isSelf() {
        return role == Role.CURRENT;
    }

    private boolean createdHere() {
        return parentPid != null && parentPid == ProcessTable.getpid() && role == Role.CHILD;
    }

    // ------------------------------------------------------------------------------------------ start / run

    /**
     * {@code start()}: starts the child JVM running the target.
     *
     * @throws ValueError {@code process object is closed}
     * @throws PyAssertionError {@code cannot start a process twice}; {@code can only start a process object
     *     created by current process}; {@code daemonic processes are not allowed to have children}
     * @throws PyException {@code _pickle.PicklingError} for a target that is not a routine
     * @throws dev.pyconc.spi.exceptions.TypeError for an argument that cannot be pickled
     */
    @Override
    public void start() {
        checkClosed();
        if (popen != null) {
            throw new PyAssertionError("cannot start a process twice");
        }
        if (!createdHere()) {
            throw new PyAssertionError("can only start a process object created by current process");
        }
        if (ProcessTable.current().daemon) {
            throw new PyAssertionError("daemonic processes are not allowed to have children");
        }
        ProcessTable.cleanup();
        if (beforeStart != null) {
            beforeStart.run();
        }
        synchronized (this) {
            if (popen != null) {
                throw new PyAssertionError("cannot start a process twice");
            }
            List<Integer> fds = new ArrayList<>();
            byte[] description = describe(fds);
            Popen p = Popen.launch(description, fds);
            popen = p;
            sentinel = (long) p.sentinelFd;
        }
        ProcessTable.started(this);
    }

    /** The pickled description {@link ChildMain} reads; collects the fds the child must inherit. */
    private byte[] describe(List<Integer> fds) {
        String routine = null;
        if (target instanceof Routines.InternalTarget it) {
            routine = Routines.INTERNAL + it.className();
        } else if (target != null) {
            if (!(target instanceof Routines.RoutineCallable rc)) {
                throw new PyException("_pickle.PicklingError",
                        "Can't pickle " + target + ": it is not a routine a child process can import", null);
            }
            routine = rc.routine().pythonName();
        }
        RefProcess me = ProcessTable.current();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("routine", routine);
        d.put("args", reduceAll(args, fds));
        Map<String, Object> kw = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            kw.put(e.getKey(), reduceValue(e.getValue(), fds));
        }
        d.put("kwargs", kw);
        d.put("prefix", prefix);
        d.put("name", name);
        d.put("daemon", daemon);
        d.put("authkey", authkey);
        d.put("identity", new ArrayList<Object>(identity));
        d.put("parent_pid", ProcessTable.getpid());
        d.put("parent_name", me.name);
        return PickleCodec.dumps(d);
    }

    private static List<Object> reduceAll(List<Object> values, List<Integer> fds) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(reduceValue(v, fds));
        }
        return out;
    }

    /** A {@link Reducible} becomes a marker dict {@code {REDUCTION: kind, "state": [...]}}; lists are walked. */
    static Object reduceValue(Object v, List<Integer> fds) {
        if (v instanceof Reducible r) {
            Reduction red = r.reduce();
            fds.addAll(red.fds());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(ChildMain.REDUCTION, red.kind());
            m.put("state", new ArrayList<>(red.state()));
            return m;
        }
        if (v instanceof dev.pyconc.spi.PyTuple t) {
            return dev.pyconc.spi.PyTuple.of(reduceAll(t, fds).toArray());
        }
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> lo = (List<Object>) l;
            return reduceAll(lo, fds);
        }
        return v;
    }

    /** {@code run()}: calls the target with the args and kwargs, in the calling process; no target: nothing. */
    @Override
    public void run() {
        if (target != null) {
            target.call(args, kwargs);
        }
    }

    // ------------------------------------------------------------------------------------------ join / state

    @Override
    public void join() {
        join(null);
    }

    /**
     * {@code join(timeout=None)}: waits at most timeout seconds (None: without limit; negative: not at all) for
     * the child to end; in a child, {@code parent_process().join()} waits for the parent.
     *
     * @throws PyAssertionError {@code can only join a child process}; {@code can only join a started process}
     */
    @Override
    public void join(Double timeout) {
        checkClosed();
        if (role == Role.PARENT) {
            Posix.pollOne(parentPidfd(), Posix.POLLIN, millis(timeout));
            return;
        }
        if (!createdHere()) {
            throw new PyAssertionError("can only join a child process");
        }
        Popen p = popen;
        if (p == null) {
            throw new PyAssertionError("can only join a started process");
        }
        if (p.waitFor(timeout) != null) {
            ProcessTable.forget(this);
        }
    }

    static int millis(Double timeout) {
        if (timeout == null) {
            return -1;
        }
        double ms = Math.ceil(Math.max(0.0, timeout) * 1000.0);
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
    }

    /**
     * {@code is_alive()}: whether started and not ended; reaps a child that has ended.
     *
     * @throws PyAssertionError {@code can only test a child process}
     */
    @Override
    public boolean isAlive() {
        checkClosed();
        if (isSelf()) {
            return true;
        }
        if (role == Role.PARENT) {
            return Posix.pollOne(parentPidfd(), Posix.POLLIN, 0) == 0;
        }
        if (!createdHere()) {
            throw new PyAssertionError("can only test a child process");
        }
        Popen p = popen;
        if (p == null) {
            return false;
        }
        if (p.poll() == null) {
            return true;
        }
        ProcessTable.forget(this);
        return false;
    }

    /** The exitcode if the child has ended (reaping it), else null; for {@link ProcessTable#cleanup()}. */
    Long reapedExitcode() {
        Popen p = popen;
        return p == null ? null : p.poll();
    }

    /** {@code exitcode}: None before start and while running; N after exit, -N after signal N. */
    @Override
    public Long exitcode() {
        checkClosed();
        Popen p = popen;
        return p == null ? null : p.poll();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String name) {
        if (name == null) {
            throw new PyAssertionError("name must be a string");
        }
        this.name = name;
    }

    @Override
    public boolean isDaemon() {
        return daemon;
    }

    /** @throws PyAssertionError {@code process has already started} */
    @Override
    public void setDaemon(boolean daemon) {
        if (popen != null) {
            throw new PyAssertionError("process has already started");
        }
        this.daemon = daemon;
    }

    /** {@code pid}: os.getpid() for the current process, the child's pid once started, else None. */
    @Override
    public Long pid() {
        checkClosed();
        if (isSelf()) {
            return ProcessTable.getpid();
        }
        if (role == Role.PARENT) {
            return fixedPid;
        }
        Popen p = popen;
        return p == null ? null : (long) p.pid;
    }

    @Override
    public Long ident() {
        return pid();
    }

    /**
     * {@code sentinel}: an fd that is ready when the process has ended (in a child, {@code parent_process()}'s is a
     * pidfd of the parent).
     *
     * @throws ValueError {@code process not started}
     */
    @Override
    public long sentinel() {
        checkClosed();
        if (role == Role.PARENT) {
            return parentPidfd();
        }
        Long s = sentinel;
        if (s == null) {
            throw new ValueError("process not started");
        }
        return s;
    }

    /** {@code authkey}. */
    @Override
    public PyBytes getAuthkey() {
        PyBytes k = authkey;
        if (k == null) {
            throw new dev.pyconc.spi.exceptions.KeyError("'authkey'");
        }
        return k;
    }

    @Override
    public void setAuthkey(PyBytes key) {
        if (key == null) {
            throw new dev.pyconc.spi.exceptions.TypeError("cannot convert 'NoneType' object to bytes");
        }
        this.authkey = key;
    }

    /** {@code terminate()}: SIGTERM, unless the child is already reaped. */
    @Override
    public void terminate() {
        signal("terminate", JvmSpawner.SIGTERM);
    }

    /** {@code kill()}: SIGKILL, unless the child is already reaped. */
    @Override
    public void kill() {
        signal("kill", JvmSpawner.SIGKILL);
    }

    /** {@code interrupt()} (3.14): SIGINT, which the child turns into KeyboardInterrupt (exitcode 1). */
    @Override
    public void interrupt() {
        signal("interrupt", JvmSpawner.SIGINT);
    }

    private void signal(String method, int sig) {
        checkClosed();
        Popen p = popen;
        if (p == null) {
            throw new AttributeError("'NoneType' object has no attribute '" + method + "'");
        }
        p.sendSignal(sig);
    }

    void signalQuietly(int sig) {
        Popen p = popen;
        if (p != null) {
            try {
                p.sendSignal(sig);
            } catch (RuntimeException e) {
                // gone
            }
        }
    }

    /**
     * {@code close()}: releases the sentinel; the object is unusable afterwards (but its name, daemon and authkey).
     *
     * @throws ValueError {@code Cannot close a process while it is still running. You should first call join() or
     *     terminate().}
     */
    @Override
    public void close() {
        Popen p = popen;
        if (p != null) {
            if (p.poll() == null) {
                throw new ValueError("Cannot close a process while it is still running. You should first call "
                        + "join() or terminate().");
            }
            p.closeSentinel();
        }
        ProcessTable.forget(this);
        closed = true;
    }

    /**
     * Not in CPython: kills and reaps every child started by {@code owner} and still registered, and closes their
     * sentinels (the adapter's end-of-case and close clean-up).
     */
    public static void cleanUp(Object owner) {
        for (RefProcess p : ProcessTable.registered()) {
            if (p.owner == owner) {
                p.killAndReap();
            }
        }
    }

    /** Kills the child if still running, reaps it and closes its sentinel. */
    void killAndReap() {
        Popen p = popen;
        if (p != null) {
            p.killAndReap();
        }
        ProcessTable.forget(this);
    }

    /** Every child registered in this process, for tests: pids of the live ones. */
    Popen popen() {
        return popen;
    }

    private int parentPidfd() {
        int fd = parentPidfd;
        if (fd < 0) {
            synchronized (this) {
                fd = parentPidfd;
                if (fd < 0) {
                    fd = (int) Posix.C.syscall(434, fixedPid, 0);
                    if (fd < 0) {
                        throw Posix.oserror(Posix.errno());
                    }
                    Posix.setCloexec(fd);
                    parentPidfd = fd;
                }
            }
        }
        return fd;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(role == Role.PARENT ? "_ParentProcess" : prefix)
                .append(" name='").append(name).append('\'');
        Popen p = popen;
        if (closed) {
            sb.append(" closed");
        } else if (isSelf()) {
            sb.append(" started");
        } else if (p != null) {
            Long rc = p.returncode();
            sb.append(" pid=").append(p.pid).append(" parent=").append(parentPid);
            sb.append(rc == null ? " started" : " stopped exitcode=" + rc);
        }
        if (daemon) {
            sb.append(" daemon");
        }
        return sb.append('>').toString();
    }

    // ------------------------------------------------------------------------------------------ Popen

    /** The spawned child: its pid, the sentinel's read end, and the return code once reaped. */
    static final class Popen {
        final int pid;
        final int sentinelFd;
        private Long returncode;
        private boolean sentinelClosed;

        private Popen(int pid, int sentinelFd) {
            this.pid = pid;
            this.sentinelFd = sentinelFd;
        }

        /** Spawns the child JVM, hands it {@code description}; {@code fds} are inherited at their numbers. */
        static Popen launch(byte[] description, List<Integer> fds) {
            int[] desc = Posix.pipe();
            int[] sent;
            try {
                sent = Posix.pipe();
            } catch (OSError e) {
                Posix.C.close(desc[0]);
                Posix.C.close(desc[1]);
                throw e;
            }
            int pid;
            try {
                TreeSet<Integer> pass = new TreeSet<>(fds);
                pass.add(desc[0]);
                pass.add(sent[1]);
                pid = JvmSpawner.spawn(JvmSpawner.command(List.of(Integer.toString(desc[0]),
                        Integer.toString(sent[1]))), pass);
            } catch (RuntimeException e) {
                for (int fd : new int[] {desc[0], desc[1], sent[0], sent[1]}) {
                    Posix.C.close(fd);
                }
                throw e;
            }
            Posix.C.close(desc[0]);
            Posix.C.close(sent[1]);
            try {
                writeAll(desc[1], description);
            } catch (OSError e) {
                // the child died before reading: its exitcode tells
            } finally {
                Posix.C.close(desc[1]);
            }
            return new Popen(pid, sent[0]);
        }

        private static void writeAll(int fd, byte[] b) {
            jnr.ffi.Pointer buf = Posix.allocate(Math.max(1, b.length));
            buf.put(0, b, 0, b.length);
            long off = 0;
            while (off < b.length) {
                long n = Posix.C.write(fd, buf.slice(off), b.length - off);
                if (n < 0) {
                    int e = Posix.errno();
                    if (e == Posix.EINTR) {
                        continue;
                    }
                    throw Posix.oserror(e);
                }
                off += n;
            }
        }

        synchronized Long returncode() {
            return returncode;
        }

        /** {@code poll()}: waitpid(pid, WNOHANG); the return code once the child has ended. */
        synchronized Long poll() {
            if (returncode == null) {
                reap(Posix.WNOHANG);
            }
            return returncode;
        }

        private void reap(int options) {
            int[] status = new int[1];
            while (true) {
                int r;
                if ((options & Posix.WNOHANG) != 0) {
                    r = Posix.C.waitpid(pid, status, options);
                } else {
                    SysCalls.begin();
                    try {
                        r = Posix.C.waitpid(pid, status, options);
                    } finally {
                        SysCalls.end();
                    }
                }
                if (r == pid) {
                    returncode = decode(status[0]);
                    return;
                }
                if (r == 0) {
                    return;
                }
                int e = Posix.errno();
                if (e == Posix.EINTR) {
                    continue;
                }
                if (e == Posix.ECHILD) {
                    // reaped by someone else (should not happen: only this object waits on this pid)
                    returncode = 255L;
                }
                return;
            }
        }

        static long decode(int status) {
            int sig = status & 0x7f;
            if (sig == 0) {
                return (status >> 8) & 0xff;
            }
            if (sig == 0x7f) { // stopped
                return -((status >> 8) & 0xff);
            }
            return -sig;
        }

        /** {@code wait(timeout)}: waits for the sentinel, then reaps; null if the child still runs. */
        Long waitFor(Double timeout) {
            Long rc = poll();
            if (rc != null) {
                return rc;
            }
            int fd;
            synchronized (this) {
                if (sentinelClosed) {
                    return null;
                }
                fd = sentinelFd;
            }
            if (Posix.pollOne(fd, Posix.POLLIN, millis(timeout)) == 0) {
                return poll();
            }
            synchronized (this) {
                if (returncode == null) {
                    reap(0);
                }
                return returncode;
            }
        }

        /** {@code _send_signal}: os.kill while not reaped; a child that is gone is not an error. */
        synchronized void sendSignal(int sig) {
            if (returncode != null) {
                return;
            }
            if (Posix.C.kill(pid, sig) != 0) {
                int e = Posix.errno();
                if (e != Posix.ESRCH) {
                    throw Posix.oserror(e);
                }
            }
        }

        synchronized void closeSentinel() {
            if (!sentinelClosed) {
                sentinelClosed = true;
                Posix.C.close(sentinelFd);
            }
        }

        void killAndReap() {
            synchronized (this) {
                if (returncode == null) {
                    Posix.C.kill(pid, JvmSpawner.SIGKILL);
                    reap(0);
                }
            }
            closeSentinel();
        }
    }
}
