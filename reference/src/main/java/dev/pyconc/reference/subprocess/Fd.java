package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One file descriptor of the JVM's process that this package opened and must close exactly once: by an
 * explicit close, by the adapter at the end of a case, or by the {@link Cleaner} once its owner (a pipe's file
 * object) is garbage (Python closes a file object's fd when the object is collected). Closing twice does
 * nothing, so a number the OS has since handed out again is never closed by mistake.
 */
final class Fd {
    /** The cleaner that closes the fds of collected file objects. */
    static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "pyconc-subprocess-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    Fd(int fd) {
        this.fd = fd;
    }

    int fd() {
        return fd;
    }

    boolean closed() {
        return closed.get();
    }

    /** Closes the fd unless it was closed already; returns whether this call closed it. */
    boolean close() {
        if (closed.compareAndSet(false, true)) {
            Posix.C.close(fd);
            return true;
        }
        return false;
    }

    /** Closes this fd when {@code owner} becomes unreachable (if nothing closed it before). */
    Fd closeWhenCollected(Object owner) {
        CLEANER.register(owner, this::close);
        return this;
    }
}
