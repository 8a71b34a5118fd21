package dev.pyconc.reference.subprocess;

import dev.pyconc.spi.exceptions.OSError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.posix.LibC;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * The C library as the subprocess implementation sees it: jnr-posix's raw {@link LibC} binding for
 * {@code waitpid}, {@code kill}, {@code read}, {@code write}, {@code open}, {@code close}, {@code fcntl},
 * {@code access}, {@code strerror} and {@code environ}, and a jnr-ffi binding of its own ({@link Spawn}) for
 * what jnr-posix lacks or wraps too tightly: the whole {@code posix_spawn} family including the glibc
 * extensions {@code posix_spawn_file_actions_addchdir_np} (2.29) and {@code ..._addclosefrom_np} (2.34),
 * signal sets, {@code pipe2} and {@code poll}.
 *
 * <p>Every call returns the C result; {@link #errno()} is the calling thread's {@code errno} as jnr-ffi saved
 * it after the last call. {@link #oserror} builds Python's OSError subclass for an errno, with
 * {@code strerror} from the C library (so messages are the ones {@code os.strerror} gives CPython).
 */
final class Native {
    /** Linux x86-64/aarch64 constants (asm-generic), as {@code <fcntl.h>}, {@code <errno.h>}, {@code <spawn.h>} give them. */
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 02000000;
    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_DUPFD_CLOEXEC = 1030;
    static final int F_SETPIPE_SZ = 1031;
    static final int FD_CLOEXEC = 1;
    static final int WNOHANG = 1;
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int ENOTDIR = 20;
    static final int EINVAL = 22;
    static final int EPIPE = 32;
    static final int ENOSYS = 38;
    static final int X_OK = 1;
    static final int F_OK = 0;
    static final short POLLIN = 1;
    static final short POLLOUT = 4;
    static final short POLLERR = 8;
    static final short POLLHUP = 16;
    static final short POLLNVAL = 32;
    static final short POSIX_SPAWN_SETPGROUP = 0x02;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;
    static final int SYS_PIDFD_OPEN = 434;
    static final int SIGPIPE = 13;
    static final int SIGXFSZ = 25;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    /** {@code sizeof(posix_spawn_file_actions_t)} is 80 and {@code sizeof(posix_spawnattr_t)} 336 on glibc/LP64; with room to spare. */
    static final int FILE_ACTIONS_SIZE = 128;
    static final int SPAWNATTR_SIZE = 512;
    static final int SIGSET_SIZE = 128;

    /** The jnr-ffi binding of the functions jnr-posix does not offer. */
    public interface Spawn {
        int posix_spawn(@Out int[] pid, @In byte[] path, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

        int posix_spawn_file_actions_init(Pointer fa);

        int posix_spawn_file_actions_destroy(Pointer fa);

        int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

        int posix_spawn_file_actions_addclose(Pointer fa, int fd);

        int posix_spawn_file_actions_addchdir_np(Pointer fa, @In byte[] path);

        int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_destroy(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

        int posix_spawnattr_setpgroup(Pointer attr, int pgroup);

        int sigemptyset(Pointer set);

        int sigaddset(Pointer set, int signum);

        int pipe2(@Out int[] fds, int flags);

        int poll(Pointer fds, long nfds, int timeoutMillis);

        long syscall(long number, long a1, long a2);

        String strerror(int errnum);

        int access(@In byte[] path, int mode);

        int gettid();

        int open(@In byte[] path, int flags, int mode);
    }

    static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    static final LibC LIBC = POSIX.libc();
    static final Spawn SPAWN = LibraryLoader.create(Spawn.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(SPAWN);

    private Native() {}

    /** The calling thread's errno after the last native call. */
    static int errno() {
        return RUNTIME.getLastError();
    }

    /** {@code os.strerror(errno)}. */
    static String strerror(int errno) {
        String s = SPAWN.strerror(errno);
        return s != null ? s : "Unknown error " + errno;
    }

    /** {@code b} with a NUL byte after it: a C string for the {@code @In byte[]} parameters. */
    static byte[] cString(byte[] b) {
        byte[] c = java.util.Arrays.copyOf(b, b.length + 1);
        return c;
    }

    /** Python's OSError subclass for {@code errno} ({@code OSError(errno, strerror[, filename])}). */
    static OSError oserror(int errno, Object filename) {
        return OSError.forErrno(errno, strerror(errno), filename);
    }

    /** Python's OSError for the current errno, without a filename. */
    static OSError lastError() {
        return oserror(errno(), null);
    }

    /** {@code close(fd)}, ignoring the result (EINTR on Linux still closes the fd). */
    static int close(int fd) {
        return LIBC.close(fd);
    }
}
