package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connecting a {@code Client} to a {@code Listener} in one case: the listener accepts in a helper thread while
 * the client connects in the case's thread, as both take part in the authkey handshake. Never pair a client
 * that has an authkey with a listener that has none: both sides would wait for each other.
 */
final class Sockets {
    private Sockets() {}

    /** The two ends of an accepted connection; closing closes both. */
    record Pair(Connection accepted, Connection client) implements AutoCloseable {
        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
            if (accepted != null) {
                accepted.close();
            }
        }
    }

    /**
     * {@code listener.accept()} in a helper thread and {@code clientMp.client(listener.address(), None, clientKey)}
     * here; returns both ends. If the client fails, a stray client with {@code listenerKey} is connected (and
     * closed) so that the accepting thread does not stay blocked.
     */
    static Pair connect(Harness h, Listener listener, PyBytes listenerKey, MultiprocessingModule clientMp, PyBytes clientKey) {
        AtomicReference<Connection> accepted = new AtomicReference<>();
        Object address = listener.address();
        Thread t = h.start("accept", () -> accepted.set(listener.accept()));
        Connection client = null;
        try {
            client = clientMp.client(address, null, clientKey);
        } finally {
            if (client == null) {
                unblock(h, t, listenerKey, clientMp, address);
                try {
                    t.join((long) (dev.pyconc.spec.harness.Timing.LONG * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (accepted.get() != null) {
                    accepted.get().close();
                }
            }
        }
        try {
            h.join(t);
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
        return new Pair(accepted.get(), client);
    }

    /**
     * A client with {@code clientKey} that the listener (with {@code listenerKey}) must reject: the client's call
     * and the listener's accept() both raise AuthenticationError.
     */
    static void assertRejectedBothSides(Harness h, Listener listener, PyBytes listenerKey, MultiprocessingModule clientMp,
            PyBytes clientKey) {
        Object address = listener.address();
        AtomicReference<Connection> wronglyAccepted = new AtomicReference<>();
        Thread t = h.start("accept", () -> {
            assertThrows(AuthenticationError.class, () -> wronglyAccepted.set(listener.accept()),
                    "the listener's accept() with a client of another key");
        });
        try {
            assertThrows(AuthenticationError.class, () -> {
                Connection c = clientMp.client(address, null, clientKey);
                c.close();
            }, "Client with a key the listener does not have");
        } finally {
            try {
                h.join(t);
            } finally {
                if (wronglyAccepted.get() != null) {
                    wronglyAccepted.get().close();
                }
                if (t.isAlive()) {
                    unblock(h, t, listenerKey, clientMp, address);
                }
            }
        }
    }

    private static void unblock(Harness h, Thread acceptor, PyBytes listenerKey, MultiprocessingModule mp, Object address) {
        if (!acceptor.isAlive()) {
            return;
        }
        try {
            mp.client(address, null, listenerKey).close();
        } catch (RuntimeException e) {
            // best effort: the listener may already be gone
        }
    }
}
