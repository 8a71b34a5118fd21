package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.ConnectionRefusedError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * {@code multiprocessing.connection.Client}: connects to a {@link Listener}'s address (CPython's or this
 * package's) and returns the {@link Connection}. A port of CPython 3.14's {@code Client} and
 * {@code SocketClient}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Client">multiprocessing.connection.Client</a>
 */
public final class Client {
    private Client() {}

    /** {@code Client(address)}: no authkey, the family from the address. */
    public static Connection connect(Object address) {
        return connect(address, null, null);
    }

    /**
     * {@code Client(address, family=None, authkey=None)}: connects, then with an authkey answers the listener's
     * challenge and delivers one of its own.
     *
     * @param address {@code (host, port)} or an AF_UNIX path, as {@link Listener}
     * @param family {@code "AF_INET"}, {@code "AF_UNIX"}, or null (None) for the address's
     * @param authkey the shared key, or null (None) for no handshake (a listener with a key then waits for an
     *     answer that does not come)
     * @throws ConnectionRefusedError nothing listens at a TCP address ({@code [Errno 111] Connection refused})
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError no AF_UNIX socket at the path
     * @throws OSError the OS's other errors
     * @throws AuthenticationError the handshake failed: {@code digest sent was rejected} (different keys), or the
     *     listener's answer to our challenge was wrong; the connection is closed
     * @throws ValueError {@code Family AF_PIPE is not recognized.}; {@code address type of X unrecognized}
     */
    public static Connection connect(Object address, String family, PyBytes authkey) {
        String fam = family != null ? family : Addresses.type(address);
        Addresses.validateFamily(fam);
        SocketChannel ch = null;
        Connection c;
        try {
            ch = SocketChannel.open(fam.equals("AF_UNIX") ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
            ch.connect(Addresses.toSocketAddress(fam, address));
            c = new Connection(new SocketTransport(ch), true, true);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw e instanceof IOException io ? OsErrors.of(io) : (RuntimeException) e;
        }
        if (authkey != null) {
            try {
                String sent = Authentication.answerChallenge(c, authkey);
                c.authDigests(Authentication.deliverChallenge(c, authkey), sent);
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }
}
