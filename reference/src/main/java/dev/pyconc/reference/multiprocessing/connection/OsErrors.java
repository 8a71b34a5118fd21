package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.exceptions.OSError;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;

/**
 * The OSError (and subclass, by errno) that CPython raises where the JDK throws an IOException. The JDK keeps
 * no errno, so it is recovered from the exception's class and the libc message it carries.
 */
final class OsErrors {
    private OsErrors() {}

    /** Linux errno and strerror pairs whose messages the JDK passes on. */
    private static final Object[][] KNOWN = {
        {32L, "Broken pipe"},
        {104L, "Connection reset by peer"},
        {111L, "Connection refused"},
        {2L, "No such file or directory"},
        {98L, "Address already in use"},
        {99L, "Cannot assign requested address"},
        {13L, "Permission denied"},
        {20L, "Not a directory"},
        {9L, "Bad file descriptor"},
        {110L, "Connection timed out"},
        {113L, "No route to host"},
        {36L, "File name too long"},
    };

    /**
     * The Python exception for {@code e}; a channel closed by another thread gives EBADF, as an fd closed under
     * {@code os.read} does.
     */
    static OSError of(IOException e) {
        if (e instanceof FdTransport.ErrnoException x) {
            return x.error;
        }
        if (e instanceof ClosedChannelException) {
            return OSError.forErrno(9, "Bad file descriptor", null);
        }
        if (e instanceof NoSuchFileException) {
            return OSError.forErrno(2, "No such file or directory", null);
        }
        String m = String.valueOf(e.getMessage());
        for (Object[] k : KNOWN) {
            if (m.contains((String) k[1])) {
                return OSError.forErrno((Long) k[0], (String) k[1], null);
            }
        }
        if (e instanceof ConnectException) {
            return OSError.forErrno(111, "Connection refused", null);
        }
        if (e instanceof BindException) {
            return OSError.forErrno(98, "Address already in use", null);
        }
        OSError o = new OSError(null, m, e);
        return o;
    }
}
