package dev.pyconc.reference.posix;

import dev.pyconc.spi.exceptions.OSError;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The one binding of the C library that the reference's {@code subprocess} and {@code multiprocessing} share
 * (what CPython's {@code posixmodule.c} and {@code _posixsubprocess} call), made with jnr-ffi in two parts:
 *
 * <ul>
 *   <li>{@link #C}: the small set a child JVM of {@code multiprocessing} needs too, bound when this class is
 *       loaded: {@code read}, {@code write}, {@code close}, {@code poll}, {@code pipe2}, {@code socketpair},
 *       {@code fcntl}, {@code waitpid}, {@code kill}, {@code getpid}/{@code getppid}/{@code gettid}, signal sets
 *       and {@code signalfd}, {@code syscall}, {@code sysconf}, {@code strerror}.</li>
 *   <li>{@link #spawn()}: the {@code posix_spawn} family (with the glibc extensions
 *       {@code posix_spawn_file_actions_addchdir_np}, 2.29, and {@code ..._addclosefrom_np}, 2.34), {@code open}
 *       and {@code access}, bound only on first use: jnr-ffi generates a class per binding, and a child JVM that
 *       starts no process should not pay for this one at start-up.</li>
 * </ul>
 *
 * <p>Every call returns the C result; {@link #errno()} is the calling thread's {@code errno} as jnr-ffi saved it
 * after the last native call. {@link #oserror} builds Python's OSError subclass for an errno, with the C
 * library's {@code strerror} (the message {@code os.strerror} gives CPython). Constants are Linux's
 * (x86-64/aarch64, asm-generic), as {@code <fcntl.h>}, {@code <errno.h>}, {@code <poll.h>}, {@code <spawn.h>}
 * give them. A call that may block should be marked with {@link SysCalls#begin()}/{@link SysCalls#end()}.
 */
public final class Posix {
    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int F_SETPIPE_SZ = 1031;
    public static final int FD_CLOEXEC = 1;
    public static final int X_OK = 1;
    public static final int F_OK = 0;
    public static final int AF_UNIX = 1;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int EPIPE = 32;
    public static final int ENOSYS = 38;
    public static final short POLLIN = 1;
    public static final short POLLOUT = 4;
    public static final short POLLERR = 8;
    public static final short POLLHUP = 16;
    public static final short POLLNVAL = 32;
    public static final int WNOHANG = 1;
    public static final short POSIX_SPAWN_SETPGROUP = 0x02;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    public static final short POSIX_SPAWN_SETSID = 0x80;
    public static final int SYS_PIDFD_OPEN = 434;
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGKILL = 9;
    public static final int SIGPIPE = 13;
    public static final int SIGTERM = 15;
    public static final int SIGXFSZ = 25;
    /**
     * Room for {@code posix_spawn_file_actions_t} (80 bytes on glibc/LP64), {@code posix_spawnattr_t} (336) and
     * {@code sigset_t} (128), with some to spare.
     */
    public static final int FILE_ACTIONS_SIZE = 128;
    public static final int SPAWNATTR_SIZE = 512;
    public static final int SIGSET_SIZE = 128;

    /** The jnr-ffi binding bound with this class (see the class comment). */
    public interface C {
        long read(int fd, Pointer buf, long n);

        int read(int fd, @Out byte[] buf, int n);

        long write(int fd, Pointer buf, long n);

        int write(int fd, @In byte[] buf, int n);

        int close(int fd);

        int pipe2(@Out int[] fds, int flags);

        int socketpair(int domain, int type, int protocol, @Out int[] sv);

        int poll(Pointer fds, long nfds, int timeoutMillis);

        int fcntl(int fd, int cmd, int arg);

        String strerror(int errnum);

        int getpid();

        int getppid();

        int gettid();

        int kill(int pid, int sig);

        int waitpid(int pid, @Out int[] status, int options);

        int signalfd(int fd, Pointer mask, int flags);

        long syscall(long number, long a1, long a2);

        long sysconf(int name);

        int sigemptyset(Pointer set);

        int sigfillset(Pointer set);

        int sigaddset(Pointer set, int signum);
    }

    /**
     * The {@code posix_spawn} family with {@code open} and {@code access}, bound apart from {@link C} and only on
     * first use (a child JVM that starts no child never pays for generating it). Paths are C strings
     * ({@link #cString}).
     */
    public interface Spawn {
        int open(@In byte[] path, int flags, int mode);

        int access(@In byte[] path, int mode);

        int posix_spawn(@Out int[] pid, @In byte[] path, Pointer fileActions, Pointer attr, Pointer argv,
                Pointer envp);

        int posix_spawn_file_actions_init(Pointer fa);

        int posix_spawn_file_actions_destroy(Pointer fa);

        int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

        int posix_spawn_file_actions_addopen(Pointer fa, int fd, @In byte[] path, int oflag, int mode);

        int posix_spawn_file_actions_addclose(Pointer fa, int fd);

        int posix_spawn_file_actions_addchdir_np(Pointer fa, @In byte[] path);

        int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_destroy(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

        int posix_spawnattr_setpgroup(Pointer attr, int pgroup);
    }

    public static final C C = LibraryLoader.create(C.class).load("c");

    /** The binding of {@link Spawn}, made on first use. */
    public static Spawn spawn() {
        return SpawnHolder.SPAWN;
    }

    private static final class SpawnHolder {
        static final Spawn SPAWN = LibraryLoader.create(Spawn.class).load("c");
    }

    /**
     * The C {@code environ}: this process's environment as a {@code char *const []}, for {@code posix_spawn}'s
     * {@code envp} when the child inherits it. Found through jnr-posix on first use (it is not a function).
     */
    public static Pointer environ() {
        return EnvironHolder.POSIX.environ();
    }

    private static final class EnvironHolder {
        static final jnr.posix.POSIX POSIX = jnr.posix.POSIXFactory.getNativePOSIX();
    }

    /** The jnr-ffi runtime of the bindings (for native memory). */
    public static final Runtime RUNTIME = Runtime.getRuntime(C);

    private Posix() {}

    /** The calling thread's errno after the last native call. */
    public static int errno() {
        return RUNTIME.getLastError();
    }

    /** {@code os.strerror(errno)}. */
    public static String strerror(int errno) {
        String s = C.strerror(errno);
        return s != null ? s : "Unknown error " + errno;
    }

    /** Python's OSError subclass for {@code errno}: {@code OSError(errno, strerror)}. */
    public static OSError oserror(int errno) {
        return OSError.forErrno(errno, strerror(errno), null);
    }

    /** Python's OSError subclass for {@code errno} with a filename: {@code OSError(errno, strerror, filename)}. */
    public static OSError oserror(int errno, Object filename) {
        return OSError.forErrno(errno, strerror(errno), filename);
    }

    /** {@code b} with a NUL byte after it: a C string for the {@code @In byte[]} path parameters. */
    public static byte[] cString(byte[] b) {
        return Arrays.copyOf(b, b.length + 1);
    }

    /** {@code s} in UTF-8 with a NUL byte after it. */
    public static byte[] cString(String s) {
        return cString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A C {@code char *const []} (argv, envp) in one block of native memory: the pointers, NULL-terminated, then
     * the NUL-terminated strings. The block is freed when the returned pointer is collected.
     */
    public static Pointer cStrings(List<byte[]> strings) {
        int n = strings.size();
        long table = 8L * (n + 1);
        long size = table;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        Pointer p = Memory.allocateDirect(RUNTIME, size);
        long base = p.address();
        long off = table;
        for (int i = 0; i < n; i++) {
            byte[] s = strings.get(i);
            p.putAddress(8L * i, base + off);
            p.put(off, s, 0, s.length);
            p.putByte(off + s.length, (byte) 0);
            off += s.length + 1;
        }
        p.putAddress(8L * n, 0L);
        return p;
    }

    /** Direct native memory of {@code size} bytes (freed when collected). */
    public static Pointer allocate(int size) {
        return Memory.allocateDirect(RUNTIME, size, true);
    }

    /**
     * {@code poll(2)} on one fd for {@code events}, at most {@code millis} ms (negative: without limit).
     *
     * A poll that may wait ({@code millis != 0}) is marked with {@link SysCalls}, so that the adapter sees the
     * thread as blocked while it sleeps in it.
     *
     * @return the revents, 0 on timeout
     * @throws OSError on failure other than EINTR (which returns 0)
     */
    public static short pollOne(int fd, short events, int millis) {
        Pointer p = allocate(8);
        p.putInt(0, fd);
        p.putShort(4, events);
        p.putShort(6, (short) 0);
        int n;
        if (millis == 0) {
            n = C.poll(p, 1, 0);
        } else {
            SysCalls.begin();
            try {
                n = C.poll(p, 1, millis);
            } finally {
                SysCalls.end();
            }
        }
        if (n < 0) {
            int e = errno();
            if (e == EINTR) {
                return 0;
            }
            throw oserror(e);
        }
        return n == 0 ? 0 : p.getShort(6);
    }

    /** Sets or clears O_NONBLOCK on {@code fd}'s open file description. */
    public static void setNonBlocking(int fd, boolean on) {
        int fl = C.fcntl(fd, F_GETFL, 0);
        if (fl < 0) {
            throw oserror(errno());
        }
        int want = on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
        if (want != fl && C.fcntl(fd, F_SETFL, want) < 0) {
            throw oserror(errno());
        }
    }

    /** Sets FD_CLOEXEC on {@code fd} (CPython's fds are non-inheritable). */
    public static void setCloexec(int fd) {
        int fl = C.fcntl(fd, F_GETFD, 0);
        if (fl >= 0 && (fl & FD_CLOEXEC) == 0) {
            C.fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
        }
    }

    /** {@code os.pipe()}: [read end, write end], both close-on-exec. */
    public static int[] pipe() {
        int[] fds = new int[2];
        if (C.pipe2(fds, O_CLOEXEC) != 0) {
            throw oserror(errno());
        }
        return fds;
    }

    /** {@code socket.socketpair(AF_UNIX, SOCK_STREAM)}: two connected stream sockets, close-on-exec. */
    public static int[] socketpair() {
        int[] fds = new int[2];
        if (C.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
            throw oserror(errno());
        }
        return fds;
    }
}
