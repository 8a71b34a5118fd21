package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyContextManager;

/**
 * {@code multiprocessing.connection.Listener}: a bound socket that accepts {@link Connection}s, checking the
 * authkey handshake when it has one. A context manager: leaving the block closes it.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Listener">Listener</a>
 */
public interface Listener extends PyContextManager {
    /**
     * Accepts the next connection.
     *
     * @throws dev.pyconc.spi.exceptions.AuthenticationError when the client fails the authkey handshake
     */
    @Blocking
    Connection accept();

    /** Closes the bound socket. */
    void close();

    /** The bound address: a {@code (host, port)} {@link dev.pyconc.spi.PyTuple} for AF_INET, a path for AF_UNIX. */
    Object address();

    /** The address of the last accepted connection's peer, None before any. */
    Object lastAccepted();
}
