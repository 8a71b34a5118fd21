package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Starts a child with {@code posix_spawn(3)}: the part of CPython's {@code Popen._execute_child} and
 * {@code _posixsubprocess.fork_exec} that runs between "the pipes exist" and "the child runs the program".
 * See the package documentation for what each option becomes.
 */
final class Spawner {
    private static final int O_PATH = 010000000;
    private static final int O_DIRECTORY = 0200000;

    /**
     * Per thread, the native memory of one spawn: file actions, attributes and two signal sets (posix_spawn
     * copies what it needs before returning, so the block is reused by the thread's next spawn).
     */
    private static final ThreadLocal<Pointer> SCRATCH = ThreadLocal.withInitial(() -> Memory.allocateDirect(
            Posix.RUNTIME, Posix.FILE_ACTIONS_SIZE + Posix.SPAWNATTR_SIZE + 2 * Posix.SIGSET_SIZE));

    private Spawner() {}

    /** What {@code _execute_child} hands to {@code fork_exec}. */
    record Request(
            List<byte[]> argv,
            List<byte[]> executableList,
            Object origExecutable,
            Map<String, String> env,
            Object cwd,
            int p2cread,
            int c2pwrite,
            int errwrite,
            boolean closeFds,
            TreeSet<Integer> passFds,
            boolean restoreSignals,
            boolean startNewSession,
            long processGroup) {}

    /**
     * Starts the child.
     *
     * @return its pid
     * @throws OSError the subclass of the errno the child's chdir or exec (or a file action) failed with:
     *     filename is {@code cwd} when the working directory is at fault, else the program as given
     */
    static int spawn(Request r) {
        Posix.Spawn s = Posix.spawn();
        Pointer scratch = SCRATCH.get();
        Pointer fa = scratch.slice(0, Posix.FILE_ACTIONS_SIZE);
        Pointer attr = scratch.slice(Posix.FILE_ACTIONS_SIZE, Posix.SPAWNATTR_SIZE);
        int[] tmpFds = new int[0];
        check(s.posix_spawn_file_actions_init(fa));
        try {
            check(s.posix_spawnattr_init(attr));
            try {
                // Signals: the child starts with an empty mask (the JVM's threads block some signals, SIGQUIT
                // among them on Debian's OpenJDK 17, and a mask survives exec), and with restore_signals the
                // signals CPython ignores (SIGPIPE, SIGXFSZ) at their default action, as _Py_RestoreSignals.
                short flags = Posix.POSIX_SPAWN_SETSIGMASK;
                Pointer mask = scratch.slice(Posix.FILE_ACTIONS_SIZE + Posix.SPAWNATTR_SIZE, Posix.SIGSET_SIZE);
                Posix.C.sigemptyset(mask);
                check(s.posix_spawnattr_setsigmask(attr, mask));
                if (r.restoreSignals()) {
                    Pointer def = scratch.slice(Posix.FILE_ACTIONS_SIZE + Posix.SPAWNATTR_SIZE
                            + Posix.SIGSET_SIZE, Posix.SIGSET_SIZE);
                    Posix.C.sigemptyset(def);
                    Posix.C.sigaddset(def, Posix.SIGPIPE);
                    Posix.C.sigaddset(def, Posix.SIGXFSZ);
                    check(s.posix_spawnattr_setsigdefault(attr, def));
                    flags |= Posix.POSIX_SPAWN_SETSIGDEF;
                }
                if (r.startNewSession()) {
                    flags |= Posix.POSIX_SPAWN_SETSID;
                }
                if (r.processGroup() >= 0) {
                    check(s.posix_spawnattr_setpgroup(attr, (int) r.processGroup()));
                    flags |= Posix.POSIX_SPAWN_SETPGROUP;
                }
                check(s.posix_spawnattr_setflags(attr, flags));

                // Standard streams, as child_exec: an fd that is already in place only loses FD_CLOEXEC
                // (dup2 onto itself does that in glibc >= 2.29); one that a dup2 before it would overwrite is
                // moved out of the way first (in the parent here, #12607).
                int p2cread = r.p2cread();
                int c2pwrite = r.c2pwrite();
                int errwrite = r.errwrite();
                if (c2pwrite == 0) {
                    c2pwrite = dupHigh(c2pwrite);
                    tmpFds = append(tmpFds, c2pwrite);
                }
                if (errwrite == 0 || errwrite == 1) {
                    errwrite = dupHigh(errwrite);
                    tmpFds = append(tmpFds, errwrite);
                }
                if (p2cread != -1) {
                    check(s.posix_spawn_file_actions_adddup2(fa, p2cread, 0));
                }
                if (c2pwrite != -1) {
                    check(s.posix_spawn_file_actions_adddup2(fa, c2pwrite, 1));
                }
                if (errwrite != -1) {
                    check(s.posix_spawn_file_actions_adddup2(fa, errwrite, 2));
                }
                if (r.cwd() != null) {
                    check(s.posix_spawn_file_actions_addchdir_np(fa, Posix.cString(Codecs.fsencode(r.cwd()))));
                }
                if (r.closeFds()) {
                    // Every fd above 2 is closed but pass_fds, which become inheritable (dup2 onto itself);
                    // the gaps below the highest kept fd are closed one by one (close actions on fds that are
                    // not open are ignored), everything above it by closefrom (close_range).
                    int from = 3;
                    for (int keep : r.passFds()) {
                        if (keep < 3) {
                            continue;
                        }
                        check(s.posix_spawn_file_actions_adddup2(fa, keep, keep));
                        for (int fd = from; fd < keep; fd++) {
                            check(s.posix_spawn_file_actions_addclose(fa, fd));
                        }
                        from = keep + 1;
                    }
                    check(s.posix_spawn_file_actions_addclosefrom_np(fa, from));
                } else {
                    for (int keep : r.passFds()) {
                        check(s.posix_spawn_file_actions_adddup2(fa, keep, keep));
                    }
                }

                Pointer argv = Posix.cStrings(r.argv());
                Pointer envp = r.env() == null ? Posix.environ() : Posix.cStrings(envList(r.env()));
                return execLoop(r, fa, attr, argv, envp);
            } finally {
                s.posix_spawnattr_destroy(attr);
            }
        } finally {
            s.posix_spawn_file_actions_destroy(fa);
            for (int fd : tmpFds) {
                Posix.C.close(fd);
            }
        }
    }

    /**
     * The exec loop of {@code _posixsubprocess}: each candidate of the PATH search in turn; ENOENT and ENOTDIR
     * go on to the next, and the first other error is the one reported. A candidate that {@code access(F_OK)}
     * already shows missing (when the parent can tell: absolute, or no cwd change) is skipped without a spawn,
     * which is what its exec would do.
     */
    private static int execLoop(Request r, Pointer fa, Pointer attr, Pointer argv, Pointer envp) {
        int savedErrno = 0;
        int lastErrno = Posix.ENOENT;
        int[] pid = new int[1];
        for (byte[] exe : r.executableList()) {
            boolean parentSeesSame = r.cwd() == null || (exe.length > 0 && exe[0] == '/');
            if (parentSeesSame && r.executableList().size() > 1) {
                if (Posix.spawn().access(Posix.cString(exe), Posix.F_OK) != 0) {
                    int e = Posix.errno();
                    if (e == Posix.ENOENT || e == Posix.ENOTDIR) {
                        lastErrno = e;
                        continue;
                    }
                }
            }
            int err = Posix.spawn().posix_spawn(pid, Posix.cString(exe), fa, attr, argv, envp);
            if (err == 0) {
                return pid[0];
            }
            if (r.cwd() != null) {
                int ce = cwdError(r.cwd());
                if (ce != 0) {
                    throw Posix.oserror(ce, r.cwd());
                }
            }
            lastErrno = err;
            if (err != Posix.ENOENT && err != Posix.ENOTDIR && savedErrno == 0) {
                savedErrno = err;
            }
        }
        throw Posix.oserror(savedErrno != 0 ? savedErrno : lastErrno, r.origExecutable());
    }

    /** The errno {@code chdir(cwd)} would fail with in the child, or 0: tells a bad cwd from a bad program. */
    static int cwdError(Object cwd) {
        byte[] path = Posix.cString(Codecs.fsencode(cwd));
        int fd = Posix.spawn().open(path, O_PATH | O_DIRECTORY | Posix.O_CLOEXEC, 0);
        if (fd < 0) {
            return Posix.errno();
        }
        Posix.C.close(fd);
        return Posix.spawn().access(path, Posix.X_OK) == 0 ? 0 : Posix.errno();
    }

    private static List<byte[]> envList(Map<String, String> env) {
        java.util.ArrayList<byte[]> out = new java.util.ArrayList<>(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            byte[] k = Codecs.fsencode(e.getKey());
            for (byte b : k) {
                if (b == '=') {
                    throw new ValueError("illegal environment variable name");
                }
            }
            byte[] v = Codecs.fsencode(e.getValue());
            byte[] kv = new byte[k.length + 1 + v.length];
            System.arraycopy(k, 0, kv, 0, k.length);
            kv[k.length] = '=';
            System.arraycopy(v, 0, kv, k.length + 1, v.length);
            out.add(kv);
        }
        return out;
    }

    private static int dupHigh(int fd) {
        int n = Posix.C.fcntl(fd, Posix.F_DUPFD_CLOEXEC, 3);
        if (n < 0) {
            throw Posix.oserror(Posix.errno());
        }
        return n;
    }

    private static int[] append(int[] a, int v) {
        int[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /** A failed posix_spawn_* set-up call (only ENOMEM or EINVAL, a bug or exhaustion here). */
    private static void check(int rc) {
        if (rc != 0) {
            throw Posix.oserror(rc, null);
        }
    }
}
