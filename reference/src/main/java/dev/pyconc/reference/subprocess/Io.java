package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.posix.SysCalls;

/**
 * {@code read} and {@code write} on the JVM's fds as {@code os.read}/{@code os.write} do them: retried on
 * EINTR (PEP 475), any other failure raised as the OSError subclass of its errno.
 */
final class Io {
    private Io() {}

    /** One {@code read(2)} of at most {@code n} bytes; 0 at end of file. */
    static int read(int fd, byte[] buf, int n) {
        return retryingEintr(() -> Posix.C.read(fd, buf, n));
    }

    /** One {@code write(2)}; the number of bytes written. */
    static int write(int fd, byte[] buf, int off, int len) {
        byte[] b = off == 0 ? buf : java.util.Arrays.copyOfRange(buf, off, off + len);
        return retryingEintr(() -> Posix.C.write(fd, b, len));
    }

    /**
     * Runs a blocking system call, marked for {@code Adapter.isBlocked} while it runs, again after EINTR; its
     * non-negative result, or the OSError subclass of any other errno.
     */
    private static int retryingEintr(java.util.function.IntSupplier call) {
        while (true) {
            SysCalls.begin();
            int r;
            try {
                r = call.getAsInt();
            } finally {
                SysCalls.end();
            }
            if (r >= 0) {
                return r;
            }
            int e = Posix.errno();
            if (e != Posix.EINTR) {
                throw Posix.oserror(e, null);
            }
        }
    }

    /** Writes all of {@code buf[off:off+len]}, looping over partial writes. */
    static void writeAll(int fd, byte[] buf, int off, int len) {
        while (len > 0) {
            int n = write(fd, buf, off, len);
            off += n;
            len -= n;
        }
    }
}
