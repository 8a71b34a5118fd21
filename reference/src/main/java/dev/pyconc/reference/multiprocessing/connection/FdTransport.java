package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.exceptions.OSError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import jnr.ffi.Pointer;

/**
 * A file descriptor (a pipe end or a socket of a socket pair) as a {@link Transport}: CPython's POSIX
 * {@code Connection} with {@code os.read}, {@code os.write} and {@code poll(2)}.
 *
 * <p>The fd is put in non-blocking mode and every wait is a {@code poll(2)} of at most {@link #SLICE_MS} at a
 * time, so that {@link #close()} from another thread ends a blocked read, write or poll (with EBADF, as
 * CPython's closed fd gives) within that slice. The fd itself is closed exactly once: at {@code close()} when no
 * other thread is inside a call on it, else by the last such thread as it leaves, so a number the OS hands out
 * again is never read, written or closed by mistake.
 */
final class FdTransport implements Transport {
    /** The longest single poll(2); the delay with which close() wakes a blocked thread. */
    static final int SLICE_MS = 50;

    private final int fd;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private Pointer readBuf;
    private Pointer writeBuf;
    private int users;
    private boolean closed;
    private boolean fdClosed;

    /** Takes ownership of {@code fd}, which becomes non-blocking and close-on-exec. */
    FdTransport(int fd) {
        this.fd = fd;
        Posix.setNonBlocking(fd, true);
        Posix.setCloexec(fd);
    }

    int fd() {
        return fd;
    }

    private synchronized void enter() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
        users++;
    }

    private void leave() {
        boolean closeNow;
        synchronized (this) {
            users--;
            closeNow = closed && users == 0 && !fdClosed;
            if (closeNow) {
                fdClosed = true;
            }
        }
        if (closeNow) {
            Posix.C.close(fd);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        synchronized (readLock) {
            enter();
            try {
                if (readBuf == null) {
                    readBuf = Posix.allocate(Connection.BUFSIZE);
                }
                int want = Math.min(dst.remaining(), Connection.BUFSIZE);
                while (true) {
                    long n;
                    SysCalls.begin(); // a blocking fd would sleep here; a non-blocking one sleeps in waitFor's poll
                    try {
                        n = Posix.C.read(fd, readBuf, want);
                    } finally {
                        SysCalls.end();
                    }
                    if (n > 0) {
                        byte[] tmp = new byte[(int) n];
                        readBuf.get(0, tmp, 0, (int) n);
                        dst.put(tmp);
                        return (int) n;
                    }
                    if (n == 0) {
                        return -1;
                    }
                    int e = Posix.errno();
                    if (e == Posix.EAGAIN) {
                        waitFor(Posix.POLLIN, -1);
                    } else if (e != Posix.EINTR) {
                        throw new ErrnoException(Posix.oserror(e));
                    }
                }
            } finally {
                leave();
            }
        }
    }

    @Override
    public void write(ByteBuffer... srcs) throws IOException {
        synchronized (writeLock) {
            enter();
            try {
                if (writeBuf == null) {
                    writeBuf = Posix.allocate(Connection.BUFSIZE);
                }
                for (ByteBuffer src : srcs) {
                    while (src.hasRemaining()) {
                        int len = Math.min(src.remaining(), Connection.BUFSIZE);
                        byte[] chunk = new byte[len];
                        src.duplicate().get(chunk);
                        writeBuf.put(0, chunk, 0, len);
                        long n;
                        SysCalls.begin();
                        try {
                            n = Posix.C.write(fd, writeBuf, len);
                        } finally {
                            SysCalls.end();
                        }
                        if (n >= 0) {
                            src.position(src.position() + (int) n);
                            continue;
                        }
                        int e = Posix.errno();
                        if (e == Posix.EAGAIN) {
                            waitFor(Posix.POLLOUT, -1);
                        } else if (e != Posix.EINTR) {
                            throw new ErrnoException(Posix.oserror(e));
                        }
                    }
                }
            } finally {
                leave();
            }
        }
    }

    /**
     * Polls without the read lock: poll(2) consumes nothing, so it may run while another thread is blocked in
     * {@link #read} (CPython's {@code poll} takes no lock either). Under the lock, a poll waited for that read to
     * end; when the polling thread was the one that would then close the connection or send the data the read
     * waited for, neither thread ever went on (PipeTest's close-from-another-thread case hung a build that way).
     */
    @Override
    public boolean poll(Double timeout) throws IOException {
        enter();
        try {
            long millis = timeout == null ? -1 : (long) Math.ceil(Math.max(0.0, timeout) * 1000.0);
            return waitFor(Posix.POLLIN, millis);
        } finally {
            leave();
        }
    }

    /**
     * Waits until {@code events} (or an error or hang-up) is there, at most {@code millis} ms (negative: no limit).
     *
     * @throws ClosedChannelException when closed meanwhile
     */
    private boolean waitFor(short events, long millis) throws IOException {
        if (millis == 0) {
            return waitForMarked(events, millis);
        }
        SysCalls.begin(); // marked across the slices, not only inside each poll
        try {
            return waitForMarked(events, millis);
        } finally {
            SysCalls.end();
        }
    }

    private boolean waitForMarked(short events, long millis) throws IOException {
        long deadline = millis < 0 ? 0 : System.nanoTime() + millis * 1_000_000L;
        while (true) {
            synchronized (this) {
                if (closed) {
                    throw new ClosedChannelException();
                }
            }
            int slice = SLICE_MS;
            if (millis >= 0) {
                long left = (deadline - System.nanoTime() + 999_999) / 1_000_000;
                slice = (int) Math.max(0, Math.min(SLICE_MS, left));
            }
            short rev;
            try {
                rev = Posix.pollOne(fd, events, slice);
            } catch (OSError e) {
                throw new ErrnoException(e);
            }
            if ((rev & Posix.POLLNVAL) != 0) {
                throw new ErrnoException(Posix.oserror(Posix.EBADF));
            }
            if (rev != 0) {
                return true;
            }
            if (millis >= 0 && deadline - System.nanoTime() <= 0) {
                return false;
            }
        }
    }

    @Override
    public void close() {
        boolean closeNow;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeNow = users == 0;
            if (closeNow) {
                fdClosed = true;
            }
        }
        if (closeNow) {
            Posix.C.close(fd);
        }
    }

    /** An OS error carrying the Python exception it is ({@link OsErrors#of} unwraps it). */
    static final class ErrnoException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient OSError error;

        ErrnoException(OSError error) {
            super(error.getMessage());
            this.error = error;
        }
    }
}
