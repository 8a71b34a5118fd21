package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.RuntimeError;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;

/**
 * Passing a file descriptor to another process over an AF_UNIX stream socket ({@code SCM_RIGHTS}): CPython
 * 3.14's {@code multiprocessing.reduction.sendfds}/{@code recvfds} and {@code send_handle}/{@code recv_handle},
 * plus the few AF_UNIX socket calls the resource sharer needs ({@code socket}, {@code bind}, {@code listen},
 * {@code accept4}, {@code connect}), bound with jnr-ffi on first use.
 *
 * <p>The wire form is CPython's: one data byte, the number of fds modulo 256, carrying the fds as
 * {@code SOL_SOCKET}/{@code SCM_RIGHTS} ancillary data; the receiver answers one {@code b'A'} byte
 * (acknowledgement), which the sender waits for. Layouts are Linux LP64's ({@code struct msghdr} of 56 bytes,
 * {@code struct cmsghdr} of 16, {@code struct sockaddr_un} with a 108-byte path).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#connection-objects">Connection Objects</a>
 *     (connections can be transferred between processes)
 */
public final class FdPassing {
    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;
    static final int F_DUPFD_CLOEXEC = 1030;
    /** {@code sizeof(struct sockaddr_un.sun_path)}. */
    static final int SUN_PATH_MAX = 108;
    private static final int MSGHDR_SIZE = 56;
    private static final int CMSG_HDR = 16;
    /** {@code CMSG_SPACE(sizeof(int))}. */
    private static final int CMSG_SPACE_1 = 24;

    /** The jnr-ffi binding of the socket calls. */
    public interface Net {
        int socket(int domain, int type, int protocol);

        int bind(int fd, Pointer addr, int len);

        int listen(int fd, int backlog);

        int accept4(int fd, Pointer addr, Pointer len, int flags);

        int connect(int fd, Pointer addr, int len);

        long sendmsg(int fd, Pointer msg, int flags);

        long recvmsg(int fd, Pointer msg, int flags);
    }

    private static final class NetHolder {
        static final Net NET = LibraryLoader.create(Net.class).load("c");
    }

    private FdPassing() {}

    private static Net net() {
        return NetHolder.NET;
    }

    /**
     * {@code os.dup(fd)}, close-on-exec ({@code fcntl(F_DUPFD_CLOEXEC)}).
     *
     * @throws OSError the OS's error (EBADF, EMFILE)
     */
    public static int dup(int fd) {
        int d = Posix.C.fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (d < 0) {
            throw Posix.oserror(Posix.errno());
        }
        return d;
    }

    /**
     * A listening AF_UNIX stream socket bound to {@code path} (close-on-exec, blocking).
     *
     * @return its fd
     * @throws OSError the OS's error (EADDRINUSE for an existing path); ENAMETOOLONG for a path longer than
     *     {@code sun_path} takes
     */
    public static int listenUnix(String path, int backlog) {
        Pointer addr = sockaddr(path);
        int fd = net().socket(Posix.AF_UNIX, Posix.SOCK_STREAM | Posix.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw Posix.oserror(Posix.errno());
        }
        if (net().bind(fd, addr, (int) addr.size()) != 0 || net().listen(fd, backlog) != 0) {
            int e = Posix.errno();
            Posix.C.close(fd);
            throw Posix.oserror(e);
        }
        return fd;
    }

    /**
     * {@code accept4(fd, NULL, NULL, SOCK_CLOEXEC)} once: the new connection's fd, or -1 when none is waiting
     * (EAGAIN) or the call was interrupted.
     *
     * @throws OSError any other error of the OS (EBADF when the listener is closed)
     */
    public static int accept(int listenFd) {
        int fd = net().accept4(listenFd, null, null, Posix.SOCK_CLOEXEC);
        if (fd < 0) {
            int e = Posix.errno();
            if (e == Posix.EAGAIN || e == Posix.EINTR || e == 103 /* ECONNABORTED */) {
                return -1;
            }
            throw Posix.oserror(e);
        }
        return fd;
    }

    /**
     * A stream socket connected to the AF_UNIX {@code path} (close-on-exec).
     *
     * @return its fd
     * @throws OSError the OS's error: {@code [Errno 2] No such file or directory}, {@code [Errno 111] Connection
     *     refused}
     */
    public static int connectUnix(String path) {
        Pointer addr = sockaddr(path);
        int fd = net().socket(Posix.AF_UNIX, Posix.SOCK_STREAM | Posix.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw Posix.oserror(Posix.errno());
        }
        int r;
        do {
            r = net().connect(fd, addr, (int) addr.size());
        } while (r != 0 && Posix.errno() == Posix.EINTR);
        if (r != 0) {
            int e = Posix.errno();
            Posix.C.close(fd);
            throw OSError.forErrno(e, Posix.strerror(e), null);
        }
        return fd;
    }

    private static Pointer sockaddr(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length >= SUN_PATH_MAX) {
            throw OSError.forErrno(36, Posix.strerror(36), path); // ENAMETOOLONG
        }
        Pointer a = Posix.allocate(2 + p.length + 1);
        a.putShort(0, (short) Posix.AF_UNIX);
        a.put(2, p, 0, p.length);
        a.putByte(2 + p.length, (byte) 0);
        return a;
    }

    /**
     * {@code send_handle(conn, handle, destination_pid)}: sends {@code handle} over the AF_UNIX socket of
     * {@code conn} ({@code sendfds(s, [handle])}) and waits for the receiver's acknowledgement. The handle stays
     * open here; the receiver gets its own descriptor for the same open file.
     *
     * @param destinationPid the receiving process (unused on POSIX, as in CPython)
     * @throws RuntimeError {@code did not receive acknowledgement of fd}
     * @throws OSError the OS's error (EPIPE when the peer has gone)
     */
    public static void sendHandle(Connection conn, int handle, long destinationPid) {
        int fd = (int) conn.fileno();
        Pointer data = Posix.allocate(1);
        data.putByte(0, (byte) 1); // len(fds) % 256
        Pointer control = Posix.allocate(CMSG_SPACE_1);
        control.putLong(0, CMSG_HDR + 4); // cmsg_len = CMSG_LEN(sizeof(int))
        control.putInt(8, SOL_SOCKET);
        control.putInt(12, SCM_RIGHTS);
        control.putInt(16, handle);
        Pointer msg = msghdr(data, control, CMSG_SPACE_1);
        while (true) {
            long n = net().sendmsg(fd, msg, MSG_NOSIGNAL);
            if (n >= 0) {
                break;
            }
            int e = Posix.errno();
            if (e == Posix.EAGAIN) {
                Posix.pollOne(fd, Posix.POLLOUT, -1);
            } else if (e != Posix.EINTR) {
                throw Posix.oserror(e);
            }
        }
        java.lang.ref.Reference.reachabilityFence(data);
        java.lang.ref.Reference.reachabilityFence(control);
        byte[] ack = readSome(fd, 1);
        if (ack.length != 1 || ack[0] != 'A') {
            throw new RuntimeError("did not receive acknowledgement of fd");
        }
    }

    /**
     * {@code recv_handle(conn)}: receives one fd over the AF_UNIX socket of {@code conn}
     * ({@code recvfds(s, 1)[0]}), acknowledges it, and returns it (close-on-exec; the caller owns it).
     *
     * @throws EOFError the sender closed the connection without sending one
     * @throws RuntimeError {@code Invalid data received}; {@code received N items of ancdata}
     * @throws OSError the OS's error
     */
    public static int recvHandle(Connection conn) {
        int fd = (int) conn.fileno();
        Pointer data = Posix.allocate(1);
        Pointer control = Posix.allocate(CMSG_SPACE_1);
        Pointer msg = msghdr(data, control, CMSG_SPACE_1);
        long n;
        while (true) {
            n = net().recvmsg(fd, msg, MSG_CMSG_CLOEXEC);
            if (n >= 0) {
                break;
            }
            int e = Posix.errno();
            if (e == Posix.EAGAIN) {
                Posix.pollOne(fd, Posix.POLLIN, -1);
            } else if (e != Posix.EINTR) {
                throw Posix.oserror(e);
            }
        }
        long controllen = msg.getLong(40); // recvmsg sets it to the length received
        if (n == 0 && controllen == 0) {
            throw new EOFError("");
        }
        int received = -1;
        int count = 0;
        if (controllen >= CMSG_HDR) {
            long cmsgLen = control.getLong(0);
            if (control.getInt(8) == SOL_SOCKET && control.getInt(12) == SCM_RIGHTS && cmsgLen >= CMSG_HDR) {
                count = (int) ((cmsgLen - CMSG_HDR) / 4);
                if (count >= 1) {
                    received = control.getInt(16);
                }
            }
        }
        Pointer a = Posix.allocate(1);
        a.putByte(0, (byte) 'A');
        writeAll(fd, a, 1); // acknowledge
        if (received < 0) {
            throw new RuntimeError(controllen < CMSG_HDR ? "received 0 items of ancdata" : "Invalid data received");
        }
        if (n != 1 || (count % 256) != (data.getByte(0) & 0xff)) {
            Posix.C.close(received);
            throw new RuntimeError("Len is " + count + " but msg[0] is " + (n == 1 ? (data.getByte(0) & 0xff) : "missing"));
        }
        return received;
    }

    /** A {@code struct msghdr} with its one {@code struct iovec} right after it (offset 56), in one block. */
    private static Pointer msghdr(Pointer data, Pointer control, int controlLen) {
        Pointer msg = Posix.allocate(MSGHDR_SIZE + 16);
        msg.putAddress(0, 0L); // msg_name
        msg.putInt(8, 0); // msg_namelen
        msg.putAddress(16, msg.address() + MSGHDR_SIZE); // msg_iov
        msg.putLong(24, 1); // msg_iovlen
        msg.putAddress(32, control.address());
        msg.putLong(40, controlLen);
        msg.putInt(48, 0); // msg_flags
        msg.putAddress(MSGHDR_SIZE, data.address()); // iov_base
        msg.putLong(MSGHDR_SIZE + 8, data.size()); // iov_len
        return msg;
    }

    /** Up to {@code n} bytes read from the (possibly non-blocking) fd, waiting for the first; empty at EOF. */
    private static byte[] readSome(int fd, int n) {
        Pointer buf = Posix.allocate(n);
        while (true) {
            long r = Posix.C.read(fd, buf, n);
            if (r >= 0) {
                byte[] out = new byte[(int) r];
                buf.get(0, out, 0, (int) r);
                return out;
            }
            int e = Posix.errno();
            if (e == Posix.EAGAIN) {
                Posix.pollOne(fd, Posix.POLLIN, -1);
            } else if (e != Posix.EINTR) {
                throw Posix.oserror(e);
            }
        }
    }

    private static void writeAll(int fd, Pointer buf, int n) {
        int done = 0;
        while (done < n) {
            long w = Posix.C.write(fd, buf.slice(done), n - done);
            if (w >= 0) {
                done += (int) w;
                continue;
            }
            int e = Posix.errno();
            if (e == Posix.EAGAIN) {
                Posix.pollOne(fd, Posix.POLLOUT, -1);
            } else if (e != Posix.EINTR) {
                throw Posix.oserror(e);
            }
        }
    }
}
