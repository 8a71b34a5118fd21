package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.exceptions.TypeError;

/**
 * {@code multiprocessing.connection.Connection}: whole messages over a byte stream, each framed by its length,
 * and pickled objects as such messages. A port of CPython 3.14's {@code _ConnectionBase} and
 * {@code Connection} (the POSIX class, over a socket or over a {@code Pipe()} fd).
 *
 * <p><b>Framing</b> (CPython's {@code _send_bytes}/{@code _recv_bytes}): a message of n bytes is a 4-byte
 * big-endian signed length and the bytes; a message longer than {@code 0x7fffffff} bytes is {@code -1} as that
 * length, then an 8-byte big-endian unsigned length, then the bytes. Header and bytes go out in one gathering
 * write (CPython concatenates up to 16 KiB, for Nagle's algorithm; one {@code writev} does the same for any
 * size).
 *
 * <p>Not thread-safe, as CPython's is not: one thread may receive while another sends, but two senders or two
 * receivers at once mix their messages. {@link #close()} may come from any thread; an operation blocked in
 * another thread then raises OSError EBADF.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#connection-objects">Connection Objects</a>
 */
public final class Connection implements AutoCloseable, dev.pyconc.spi.multiprocessing.Connection, Reducible {
    static {
        Rebuilders.register("connection", state -> new Connection(new FdTransport(((Number) state.get(0)).intValue()),
                (Boolean) state.get(1), (Boolean) state.get(2)));
    }

    /** CPython's {@code BUFSIZE}: reads ask for at most 64 KiB at a time. */
    static final int BUFSIZE = 64 * 1024;
    /** The largest Java array; a longer message cannot be received here. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private volatile Transport transport;
    /** The handshake's digests: [the one accepted from the peer, the one answered with]; empty without a key. */
    private volatile java.util.List<String> authDigests = java.util.List.of();
    private boolean readable;
    private final boolean writable;

    /**
     * {@code Connection(handle, readable=True, writable=True)} over a transport.
     *
     * @throws ValueError {@code at least one of `readable` and `writable` must be True}
     */
    Connection(Transport transport, boolean readable, boolean writable) {
        if (!readable && !writable) {
            throw new ValueError("at least one of `readable` and `writable` must be True");
        }
        this.transport = transport;
        this.readable = readable;
        this.writable = writable;
    }

    /**
     * {@code multiprocessing.Pipe(duplex=True)} as CPython makes it on POSIX: duplex, two connected
     * {@code socketpair(AF_UNIX, SOCK_STREAM)} sockets, each end readable and writable; not duplex, the two
     * ends of {@code os.pipe()}, the first only readable and the second only writable. The fds are
     * close-on-exec (non-inheritable) and in non-blocking mode.
     *
     * @return {@code (conn1, conn2)}
     * @throws OSError when the OS has no fds left (EMFILE)
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Pipe">multiprocessing.Pipe</a>
     */
    public static List<Connection> pipe(boolean duplex) {
        int[] fds = duplex ? Posix.socketpair() : Posix.pipe();
        try {
            return List.of(new Connection(new FdTransport(fds[0]), true, duplex),
                    new Connection(new FdTransport(fds[1]), duplex, true));
        } catch (RuntimeException e) {
            Posix.C.close(fds[0]);
            Posix.C.close(fds[1]);
            throw e;
        }
    }

    /**
     * {@code Connection(fd, readable, writable)}: a connection over a file descriptor this object now owns
     * (closes it once, at {@link #close()}).
     *
     * @throws ValueError {@code at least one of `readable` and `writable` must be True}
     */
    public static Connection ofFd(int fd, boolean readable, boolean writable) {
        return new Connection(new FdTransport(fd), readable, writable);
    }

    /**
     * The reduction CPython's {@code reduce_connection} stands for: the fd, inherited by the child at the same
     * number, and the readable and writable flags (kind {@code "connection"}). A socket connection from a
     * Listener or Client is handed over by its fd too (read from the JDK's channel).
     *
     * @throws OSError {@code handle is closed}
     * @throws TypeError when the fd cannot be had (a JDK without {@code SocketChannelImpl.fdVal})
     */
    @Override
    public Reduction reduce() {
        int fd = fd(checkClosed());
        if (fd < 0) {
            throw new TypeError("cannot pickle 'Connection' object");
        }
        return new Reduction("connection", List.of((long) fd, readable, writable), List.of(fd));
    }

    /**
     * {@code fileno()}: the file descriptor.
     *
     * @throws OSError {@code handle is closed}; for a socket connection on a JDK whose channel keeps its fd
     *     where it cannot be read, OSError too
     */
    @Override
    public long fileno() {
        int fd = fd(checkClosed());
        if (fd < 0) {
            throw new OSError("fileno() of this socket connection is not available on this JDK");
        }
        return fd;
    }

    private static int fd(Transport t) {
        if (t instanceof FdTransport f) {
            return f.fd();
        }
        if (t instanceof SocketTransport s) {
            return s.fd();
        }
        return -1;
    }

    /** {@code __enter__} returns the connection; {@code __exit__} closes it. */
    @Override
    public Held enter() {
        checkClosed();
        return Held.of(this::close);
    }

    /** {@code send_bytes(buf, offset)}. */
    @Override
    public void sendBytes(PyBytes buf, long offset) {
        sendBytes(buf, offset, null);
    }

    /** {@code send_bytes(buf, offset, size)} (size null: to the end); checks as {@link #sendBytes(byte[], int, Integer)}. */
    @Override
    public void sendBytes(PyBytes buf, long offset, Long size) {
        byte[] b = buf.toByteArray();
        checkClosed();
        checkWritable();
        if (offset < 0) {
            throw new ValueError("offset is negative");
        }
        if (b.length < offset) {
            throw new ValueError("buffer length < offset");
        }
        if (size != null && size < 0) {
            throw new ValueError("size is negative");
        }
        if (size != null && offset + size > b.length) {
            throw new ValueError("buffer length < offset + size");
        }
        sendBytes(b, (int) offset, size == null ? null : (int) (long) size);
    }

    /** {@code recv_bytes(maxlength)}; a maxlength above 2**31 is no limit for a Java array. */
    @Override
    public PyBytes recvBytes(Long maxlength) {
        if (maxlength == null) {
            return recvBytes((Integer) null);
        }
        if (maxlength < 0) {
            checkClosed();
            checkReadable();
            throw new ValueError("negative maxlength");
        }
        return recvBytes(maxlength > Integer.MAX_VALUE ? null : Integer.valueOf((int) (long) maxlength));
    }

    /** {@code recv_bytes_into(buf, offset)}, as {@link #recvBytesInto(byte[], int)}. */
    @Override
    public long recvBytesInto(byte[] buffer, long offset) {
        if (offset > Integer.MAX_VALUE || offset < Integer.MIN_VALUE) {
            checkClosed();
            checkReadable();
            throw new ValueError(offset < 0 ? "negative offset" : "offset too large");
        }
        return recvBytesInto(buffer, (int) offset);
    }

    /**
     * Not in CPython: the digests of the authkey handshake, {@code [received, sent]} (e.g. {@code [md5, md5]} with a
     * CPython 3.11 peer, {@code [sha256, sha256]} with 3.12+); empty when there was none.
     */
    public java.util.List<String> authDigests() {
        return authDigests;
    }

    void authDigests(String received, String sent) {
        authDigests = java.util.List.of(received, sent);
    }

    /** {@code closed}: True once {@link #close()} has run. */
    public boolean closed() {
        return transport == null;
    }

    /** {@code readable}: True if the connection can receive (False after a message that was too long, when writable). */
    public boolean readable() {
        return readable;
    }

    /** {@code writable}: True if the connection can send. */
    public boolean writable() {
        return writable;
    }

    /**
     * {@code close()}: closes the connection; again is a no-op. A thread blocked in {@code recv} or {@code poll}
     * on this connection is woken with OSError EBADF.
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.close">Connection.close</a>
     */
    @Override
    public void close() {
        Transport t = transport;
        if (t != null) {
            transport = null;
            try {
                t.close();
            } catch (IOException e) {
                throw OsErrors.of(e);
            }
        }
    }

    private Transport checkClosed() {
        Transport t = transport;
        if (t == null) {
            throw new OSError("handle is closed");
        }
        return t;
    }

    private void checkReadable() {
        if (!readable) {
            throw new OSError("connection is write-only");
        }
    }

    private void checkWritable() {
        if (!writable) {
            throw new OSError("connection is read-only");
        }
    }

    /** {@code _bad_message_length}: the rest of the stream cannot be framed any more. */
    private OSError badMessageLength() {
        if (writable) {
            readable = false;
        } else {
            close();
        }
        return new OSError("bad message length");
    }

    // ------------------------------------------------------------------------------------------------ send

    /** {@code send_bytes(buf)}: sends the whole of {@code buf} as one message. */
    public void sendBytes(PyBytes buf) {
        byte[] b = buf.toByteArray();
        sendBytes(b, 0, null);
    }

    /** {@code send_bytes(buf)} of a Java array (Python's bytes-like objects). */
    public void sendBytes(byte[] buf) {
        sendBytes(buf, 0, null);
    }

    /**
     * {@code send_bytes(buf, offset=0, size=None)}: sends {@code buf[offset:offset+size]} as one message, which the
     * other end receives whole with {@code recv_bytes}.
     *
     * @param size the number of bytes, or null (None) for all from {@code offset} on
     * @throws OSError {@code handle is closed}; {@code connection is read-only}; the OS's error, e.g.
     *     BrokenPipeError or ConnectionResetError when the other end has gone
     * @throws ValueError {@code offset is negative}, {@code buffer length < offset}, {@code size is negative},
     *     {@code buffer length < offset + size}
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.send_bytes">Connection.send_bytes</a>
     */
    public void sendBytes(byte[] buf, int offset, Integer size) {
        Transport t = checkClosed();
        checkWritable();
        int n = buf.length;
        if (offset < 0) {
            throw new ValueError("offset is negative");
        }
        if (n < offset) {
            throw new ValueError("buffer length < offset");
        }
        int count;
        if (size == null) {
            count = n - offset;
        } else if (size < 0) {
            throw new ValueError("size is negative");
        } else if ((long) offset + size > n) {
            throw new ValueError("buffer length < offset + size");
        } else {
            count = size;
        }
        sendFrame(t, ByteBuffer.wrap(buf, offset, count));
    }

    /** {@code _send_bytes}: the length header, then the bytes. */
    private static void sendFrame(Transport t, ByteBuffer body) {
        long n = body.remaining();
        ByteBuffer header;
        if (n > 0x7fffffffL) { // not reachable with a Java array, kept for the wire format's sake
            header = ByteBuffer.allocate(12).putInt(-1).putLong(n).flip();
        } else {
            header = ByteBuffer.allocate(4).putInt((int) n).flip();
        }
        try {
            t.write(header, body);
        } catch (IOException e) {
            throw OsErrors.of(e);
        }
    }

    /**
     * {@code send(obj)}: sends a plain value as a pickle ({@link PickleCodec#dumps}); the other end's
     * {@code recv()} unpickles it.
     *
     * @throws dev.pyconc.spi.exceptions.TypeError for a value that cannot be pickled
     * @throws OSError as {@link #sendBytes(byte[], int, Integer)}
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.send">Connection.send</a>
     */
    public void send(Object obj) {
        Transport t = checkClosed();
        checkWritable();
        sendFrame(t, ByteBuffer.wrap(PickleCodec.dumps(obj)));
    }

    // ------------------------------------------------------------------------------------------------ receive

    /** {@code recv_bytes()}: as {@link #recvBytes(Integer)} with no limit. */
    public PyBytes recvBytes() {
        return recvBytes((Integer) null);
    }

    /**
     * {@code recv_bytes(maxlength=None)}: receives one whole message, blocking until it is there.
     *
     * @param maxlength the longest message accepted, or null (None) for any
     * @return the message
     * @throws EOFError the other end has closed and no message is left (also when the stream ends right
     *     after a length header, as CPython's {@code _recv} does)
     * @throws OSError {@code bad message length} when the message is longer than {@code maxlength}: its bytes
     *     stay unread, so the connection stops being readable (or is closed if it cannot send either);
     *     {@code got end of file during message}; {@code handle is closed}; {@code connection is write-only}; the
     *     OS's errors
     * @throws ValueError {@code negative maxlength}
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.recv_bytes">Connection.recv_bytes</a>
     */
    public PyBytes recvBytes(Integer maxlength) {
        Transport t = checkClosed();
        checkReadable();
        if (maxlength != null && maxlength < 0) {
            throw new ValueError("negative maxlength");
        }
        byte[] buf = recvFrame(t, maxlength);
        if (buf == null) {
            throw badMessageLength();
        }
        return PyBytes.of(buf);
    }

    /** {@code recv_bytes_into(buf)}: as {@link #recvBytesInto(byte[], int)} at offset 0. */
    public long recvBytesInto(byte[] buf) {
        return recvBytesInto(buf, 0);
    }

    /**
     * {@code recv_bytes_into(buf, offset=0)}: receives one whole message into {@code buf} from {@code offset} on.
     *
     * @return the message's length in bytes
     * @throws BufferTooShort when {@code buf} has less than that room from {@code offset}; the message is consumed
     *     and is in the exception ({@link BufferTooShort#data()}, Python's {@code e.args[0]}); {@code buf} is
     *     left as it was
     * @throws ValueError {@code negative offset}, {@code offset too large}
     * @throws EOFError as {@link #recvBytes(Integer)}
     * @throws OSError as {@link #recvBytes(Integer)}
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.recv_bytes_into">Connection.recv_bytes_into</a>
     */
    public int recvBytesInto(byte[] buf, int offset) {
        Transport t = checkClosed();
        checkReadable();
        if (offset < 0) {
            throw new ValueError("negative offset");
        } else if (offset > buf.length) {
            throw new ValueError("offset too large");
        }
        byte[] result = recvFrame(t, null);
        int size = result.length;
        if (buf.length < (long) offset + size) {
            throw new BufferTooShort(PyBytes.of(result));
        }
        System.arraycopy(result, 0, buf, offset, size);
        return size;
    }

    /**
     * {@code recv()}: receives one message and unpickles it ({@link PickleCodec#loads}).
     *
     * @return the plain value the other end sent
     * @throws EOFError as {@link #recvBytes(Integer)}
     * @throws OSError as {@link #recvBytes(Integer)}
     * @throws dev.pyconc.spi.exceptions.TypeError a pickled object without a plain value (the message is consumed)
     * @throws dev.pyconc.spi.exceptions.PyException {@code _pickle.UnpicklingError} for a message that is not a pickle
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.recv">Connection.recv</a>
     */
    public Object recv() {
        Transport t = checkClosed();
        checkReadable();
        return PickleCodec.loads(recvFrame(t, null));
    }

    /** {@code poll()}: as {@link #poll(Double)} with timeout 0. */
    public boolean poll() {
        return poll(0.0);
    }

    /**
     * {@code poll(timeout=0.0)}: whether there is anything to receive: a message, or the end of the stream (then
     * {@code recv} raises EOFError).
     *
     * @param timeout seconds to wait at most; 0 or less returns at once; null (None) waits for ever
     * @throws OSError {@code handle is closed}; {@code connection is write-only}
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.poll">Connection.poll</a>
     */
    public boolean poll(Double timeout) {
        Transport t = checkClosed();
        checkReadable();
        try {
            return t.poll(timeout);
        } catch (IOException e) {
            throw OsErrors.of(e);
        }
    }

    /** {@code _recv_bytes(maxsize)}: one message, or null when it is longer than {@code maxsize}. */
    private byte[] recvFrame(Transport t, Integer maxsize) {
        long size = ByteBuffer.wrap(recvExactly(t, 4)).getInt();
        if (size == -1) {
            size = ByteBuffer.wrap(recvExactly(t, 8)).getLong();
            if (size < 0) { // above 2**63: CPython would try and run out of memory
                throw badMessageLength();
            }
        }
        if (maxsize != null && size > maxsize) {
            return null;
        }
        if (size < 0 || size > MAX_ARRAY) {
            OSError e = badMessageLength();
            throw new OSError(null, e.getMessage() + ": " + size + " bytes do not fit a Java array", null);
        }
        return recvExactly(t, (int) size);
    }

    /**
     * {@code _recv(size)}: exactly {@code size} bytes, read at most {@link #BUFSIZE} at a time (the array grows
     * as bytes arrive, so a bogus length does not allocate at once).
     */
    private static byte[] recvExactly(Transport t, int size) {
        byte[] buf = new byte[Math.min(size, 1 << 20)];
        int got = 0;
        try {
            while (got < size) {
                if (got == buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
                }
                int n = t.read(ByteBuffer.wrap(buf, got, Math.min(BUFSIZE, buf.length - got)));
                if (n < 0) {
                    if (got == 0) {
                        throw new EOFError("");
                    }
                    throw new OSError("got end of file during message");
                }
                got += n;
            }
        } catch (IOException e) {
            throw OsErrors.of(e);
        }
        return buf;
    }
}
