package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.spi.exceptions.OSError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * glibc's POSIX named semaphores ({@code <semaphore.h>}) bound through jnr-ffi, as the subprocess package binds
 * {@code posix_spawn}: since glibc 2.34 they live in libc itself (libpthread is an empty stub), so {@code "c"} is
 * the library to load. Every call returns the C result; {@link #errno()} is the calling thread's {@code errno}
 * that jnr-ffi saved after the call.
 */
final class SemNative {
    /** {@code <fcntl.h>} on Linux (asm-generic). */
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    /** {@code <errno.h>} on Linux. */
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EINVAL = 22;
    static final int ETIMEDOUT = 110;

    /** The functions, as declared in {@code <semaphore.h>} ({@code sem_open} is variadic; on x86-64 and aarch64 Linux integer varargs pass like fixed ones). */
    public interface Sem {
        @SaveError
        Pointer sem_open(@In byte[] name, int oflag, int mode, int value);

        @SaveError
        int sem_close(Pointer sem);

        @SaveError
        int sem_unlink(@In byte[] name);

        @SaveError
        int sem_trywait(Pointer sem);

        /** {@code abstime} is a {@code struct timespec} on LP64: {tv_sec, tv_nsec} as two 64-bit words, CLOCK_REALTIME. */
        @SaveError
        int sem_timedwait(Pointer sem, @In long[] abstime);

        @SaveError
        int sem_post(Pointer sem);

        @SaveError
        int sem_getvalue(Pointer sem, @Out int[] sval);

        String strerror(int errnum);
    }

    static final Sem SEM = LibraryLoader.create(Sem.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(SEM);

    private SemNative() {}

    /** The calling thread's errno after the last native call. */
    static int errno() {
        return RUNTIME.getLastError();
    }

    /** {@code name} as a NUL-terminated C string (UTF-8, as CPython's {@code const char *} converter encodes it). */
    static byte[] cString(String name) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    /** Python's OSError subclass for {@code errno}, without a filename, as {@code PyErr_SetFromErrno} builds it. */
    static OSError oserror(int errno) {
        String s = SEM.strerror(errno);
        return OSError.forErrno(errno, s != null ? s : "Unknown error " + errno, null);
    }

    /** The pointer at {@code address} (a {@code sem_t *} returned by {@code sem_open}). */
    static Pointer pointer(long address) {
        return Pointer.wrap(RUNTIME, address);
    }
}
