package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code multiprocessing.connection.Listener}: a bound, listening socket whose {@link #accept()} gives
 * {@link Connection}s, after the authkey handshake when there is a key. A port of CPython 3.14's
 * {@code Listener} and {@code SocketListener}.
 *
 * <p><b>Addresses</b> are Python's: AF_INET a {@code (host, port)} tuple ({@link PyTuple} or List of String and
 * Long), AF_UNIX a filesystem path (String). Without an address CPython's {@code arbitrary_address} is used:
 * {@code ('localhost', 0)}, or {@code sock-XXXXXXXX} in a fresh {@code pymp-} temporary directory. The family
 * defaults to the address's ({@code address_type}), else AF_UNIX ({@code default_family} on POSIX).
 * An AF_UNIX listener unlinks its socket file when closed (CPython's {@code Finalize}), and the temporary
 * directory when it made one (CPython removes it at exit).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Listener">multiprocessing.connection.Listener</a>
 */
public final class Listener implements AutoCloseable, dev.pyconc.spi.multiprocessing.Listener {
    private volatile ServerSocketChannel socket;
    private final String family;
    private final Object address;
    private final PyBytes authkey;
    private final Path unlink;
    private final Path tempDir;
    private volatile Object lastAccepted;

    /** {@code Listener()}: AF_UNIX at an arbitrary address, no authkey. */
    public Listener() {
        this(null, null, 1, null);
    }

    /**
     * {@code Listener(address=None, family=None, backlog=1, authkey=None)}.
     *
     * @param address a {@code (host, port)} tuple or a path; null (None) for an arbitrary one
     * @param family {@code "AF_INET"} or {@code "AF_UNIX"}; null (None) for the address's, else AF_UNIX
     * @param backlog {@code listen(backlog)}
     * @param authkey the key that connecting clients must prove they have; null (None) for no handshake
     * @throws ValueError {@code Family AF_PIPE is not recognized.}; {@code unrecognized family}; {@code address type
     *     of X unrecognized}
     * @throws OSError the OS's error binding: {@code [Errno 98] Address already in use} (also for an existing
     *     AF_UNIX path), {@code [Errno 2] No such file or directory}, ...
     */
    public Listener(Object address, String family, int backlog, PyBytes authkey) {
        String fam = family != null ? family : address != null ? Addresses.type(address) : "AF_UNIX";
        Addresses.validateFamily(fam);
        Path madeDir = null;
        if (address == null) {
            if (fam.equals("AF_UNIX")) {
                try {
                    madeDir = Files.createTempDirectory("pymp-");
                } catch (IOException e) {
                    throw OsErrors.of(e);
                }
                address = madeDir.resolve("sock-" + Addresses.randomName()).toString();
            } else {
                address = PyTuple.of("localhost", 0L);
            }
        }
        ServerSocketChannel s = null;
        try {
            if (fam.equals("AF_UNIX")) {
                s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            } else {
                s = ServerSocketChannel.open(StandardProtocolFamily.INET);
                s.setOption(StandardSocketOptions.SO_REUSEADDR, true); // as CPython on POSIX
            }
            s.bind(Addresses.toSocketAddress(fam, address), backlog);
            this.address = Addresses.fromSocketAddress(s.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            deleteQuietly(madeDir);
            throw e instanceof IOException io ? OsErrors.of(io) : (RuntimeException) e;
        }
        this.socket = s;
        this.family = fam;
        this.unlink = fam.equals("AF_UNIX") ? Path.of((String) address) : null;
        this.tempDir = madeDir;
        this.authkey = authkey;
    }

    /**
     * {@code accept()}: waits for a connection and returns it, after the handshake when there is an authkey
     * (deliver the challenge, then answer the client's).
     *
     * @throws OSError {@code listener is closed}; the OS's errors (EBADF when closed meanwhile by another thread)
     * @throws AuthenticationError the client failed the handshake (its connection is closed)
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Listener.accept">Listener.accept</a>
     */
    public Connection accept() {
        ServerSocketChannel s = socket;
        if (s == null) {
            throw new OSError("listener is closed");
        }
        Connection c;
        try {
            SocketChannel ch = s.accept();
            SocketAddress peer = ch.getRemoteAddress();
            lastAccepted = Addresses.fromSocketAddress(peer);
            try {
                c = new Connection(new SocketTransport(ch), true, true);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw OsErrors.of(e);
        }
        if (authkey != null) {
            try {
                String received = Authentication.deliverChallenge(c, authkey);
                c.authDigests(received, Authentication.answerChallenge(c, authkey));
            } catch (RuntimeException e) {
                c.close(); // CPython drops it to the garbage collector
                throw e;
            }
        }
        return c;
    }

    /**
     * {@code close()}: closes the socket, and for AF_UNIX unlinks its path (and the temporary directory made for
     * an arbitrary address). Again is a no-op.
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Listener.close">Listener.close</a>
     */
    @Override
    public void close() {
        ServerSocketChannel s;
        synchronized (this) {
            s = socket;
            socket = null;
        }
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            throw OsErrors.of(e);
        } finally {
            if (unlink != null) {
                try {
                    Files.deleteIfExists(unlink);
                } catch (IOException e) {
                    // CPython's unlink would raise; a listener whose file went away is closed all the same
                }
                deleteQuietly(tempDir);
            }
        }
    }

    /**
     * {@code address}: the bound address, {@code (host, port)} with the port the OS chose, or the path.
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Listener.address">Listener.address</a>
     */
    public Object address() {
        return address;
    }

    /** The family, {@code "AF_INET"} or {@code "AF_UNIX"}. */
    public String family() {
        return family;
    }

    /**
     * {@code last_accepted}: the peer address of the last accepted connection ({@code (host, port)}; for AF_UNIX
     * usually {@code ''}, a client socket having no name), or null (None) before the first.
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Listener.last_accepted">Listener.last_accepted</a>
     */
    public Object lastAccepted() {
        return lastAccepted;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already failing
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // something else was put there; CPython's rmtree would remove it, leave it to its owner here
            }
        }
    }

    /** {@code __enter__} returns the listener; {@code __exit__} closes it. */
    @Override
    public Held enter() {
        return Held.of(this::close);
    }
}
