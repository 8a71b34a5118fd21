package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.exceptions.OSError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The C library calls the reference's {@code multiprocessing} makes on raw file descriptors and processes,
 * bound with jnr-ffi: {@code read}, {@code write}, {@code poll}, {@code pipe2}, {@code socketpair},
 * {@code fcntl}, {@code close}, and for the process layer {@code posix_spawn} with its file actions and signal
 * sets, {@code waitpid}, {@code kill}, {@code getpid}/{@code getppid}. Constants are Linux's (x86-64/aarch64).
 * {@link #errno()} is the calling thread's errno as jnr-ffi saved it after the last call.
 */
public final class Posix {
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int FD_CLOEXEC = 1;
    public static final int AF_UNIX = 1;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int ESRCH = 3;
    public static final short POLLIN = 1;
    public static final short POLLOUT = 4;
    public static final short POLLERR = 8;
    public static final short POLLHUP = 16;
    public static final short POLLNVAL = 32;
    public static final int WNOHANG = 1;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    public static final int FILE_ACTIONS_SIZE = 128;
    public static final int SPAWNATTR_SIZE = 512;
    public static final int SIGSET_SIZE = 128;

    /** The jnr-ffi binding. */
    public interface C {
        long read(int fd, Pointer buf, long n);

        long write(int fd, Pointer buf, long n);

        int close(int fd);

        int pipe2(@Out int[] fds, int flags);

        int socketpair(int domain, int type, int protocol, @Out int[] sv);

        int poll(Pointer fds, long nfds, int timeoutMillis);

        int fcntl(int fd, int cmd, int arg);

        String strerror(int errnum);

        int getpid();

        int getppid();

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
     * The {@code posix_spawn} family, bound apart from {@link C} and only on first use (a child JVM that starts no
     * child never pays for generating it).
     */
    public interface Spawn {
        int open(@In byte[] path, int flags, int mode);

        int posix_spawn(@Out int[] pid, @In byte[] path, Pointer fileActions, Pointer attr, Pointer argv,
                Pointer envp);

        int posix_spawn_file_actions_init(Pointer fa);

        int posix_spawn_file_actions_destroy(Pointer fa);

        int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

        int posix_spawn_file_actions_addopen(Pointer fa, int fd, @In byte[] path, int oflag, int mode);

        int posix_spawn_file_actions_addclose(Pointer fa, int fd);

        int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_destroy(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);
    }

    public static final C C = LibraryLoader.create(C.class).load("c");

    /** The binding of {@link Spawn}, made on first use. */
    public static Spawn spawn() {
        return SpawnHolder.SPAWN;
    }

    private static final class SpawnHolder {
        static final Spawn SPAWN = LibraryLoader.create(Spawn.class).load("c");
    }
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

    /** Python's OSError subclass for {@code errno}. */
    public static OSError oserror(int errno) {
        return OSError.forErrno(errno, strerror(errno), null);
    }

    /** Direct native memory of {@code size} bytes (freed when collected). */
    public static Pointer allocate(int size) {
        return Memory.allocateDirect(RUNTIME, size, true);
    }

    /**
     * {@code poll(2)} on one fd for {@code events}, at most {@code millis} ms (negative: without limit).
     *
     * @return the revents, 0 on timeout
     * @throws OSError on failure other than EINTR (which returns 0)
     */
    public static short pollOne(int fd, short events, int millis) {
        Pointer p = allocate(8);
        p.putInt(0, fd);
        p.putShort(4, events);
        p.putShort(6, (short) 0);
        int n = C.poll(p, 1, millis);
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
