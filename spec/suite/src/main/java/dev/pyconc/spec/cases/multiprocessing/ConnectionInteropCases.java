package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.ListenerClientCases.KEY;
import static dev.pyconc.spec.cases.multiprocessing.ListenerClientCases.LOCALHOST_ANY_PORT;
import static dev.pyconc.spec.cases.multiprocessing.ListenerClientCases.OTHER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.Peer;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interop: {@code multiprocessing.connection} between the implementation under test and a second one (the
 * {@link Peer}: CPython when the reference is under test, the reference when CPython is). A Listener of one
 * accepts a Client of the other, with and without an authkey, and pickled values of every plain type pass both
 * ways; a wrong authkey is refused on both sides. Without a configured peer the cases are NOT_APPLICABLE.
 */
@PyCase
class ConnectionInteropCases {

    /** Every plain value and every byte value, sent by {@code from} and received by {@code to}, arrive equal. */
    private static void sendAll(Connection from, Connection to, String direction) {
        for (Object v : PlainValues.all()) {
            from.send(v);
            assertEquals(v, Procs.next(to), direction + ": " + v);
        }
        from.sendBytes(PlainValues.allByteValues());
        from.sendBytes(PyBytes.empty());
        assertEquals(PlainValues.allByteValues(), nextBytes(to), direction + ": send_bytes");
        assertEquals(PyBytes.empty(), nextBytes(to), direction + ": empty send_bytes");
    }

    private static PyBytes nextBytes(Connection c) {
        org.junit.jupiter.api.Assertions.assertTrue(c.poll(dev.pyconc.spec.harness.Timing.LONG), "no message in time");
        return c.recvBytes();
    }

    private static void exchangeBothWays(Harness h, MultiprocessingModule listening, MultiprocessingModule connecting,
            Object address, String family, PyBytes key) {
        Listener l = listening.listener(address, family, 1, key);
        try (Sockets.Pair pair = Sockets.connect(h, l, key, connecting, key)) {
            sendAll(pair.client(), pair.accepted(), "client to listener");
            sendAll(pair.accepted(), pair.client(), "listener to client");
        } finally {
            l.close();
        }
    }

    /** A Listener of this implementation accepts a Client of the peer (TCP and Unix socket, with and without an authkey) and values pass both ways. */
    @Test
    @Checks({"multiprocessing.connection.Listener.accept/returns-connection",
        "multiprocessing.connection.Client/connects-to-listener", "multiprocessing.connection.Client/authkey-hmac-challenge",
        "multiprocessing.connection.Connection.send/pickles-object"})
    void listenerHereClientThere(MultiprocessingModule mp, Peer peer, Harness h) {
        MultiprocessingModule other = peer.module(MultiprocessingModule.class);
        for (PyBytes key : Arrays.asList(KEY, null)) {
            exchangeBothWays(h, mp, other, LOCALHOST_ANY_PORT, null, key);
            exchangeBothWays(h, mp, other, null, "AF_UNIX", key);
        }
    }

    /** A Client of this implementation connects to a Listener of the peer (TCP and Unix socket, with and without an authkey) and values pass both ways. */
    @Test
    @Checks({"multiprocessing.connection.Listener.accept/returns-connection",
        "multiprocessing.connection.Client/connects-to-listener", "multiprocessing.connection.Client/authkey-hmac-challenge",
        "multiprocessing.connection.Connection.send/pickles-object"})
    void clientHereListenerThere(MultiprocessingModule mp, Peer peer, Harness h) {
        MultiprocessingModule other = peer.module(MultiprocessingModule.class);
        for (PyBytes key : Arrays.asList(KEY, null)) {
            exchangeBothWays(h, other, mp, LOCALHOST_ANY_PORT, null, key);
            exchangeBothWays(h, other, mp, null, "AF_UNIX", key);
        }
    }

    /** A Client with another authkey than the Listener's is refused with AuthenticationError on both sides, whichever implementation listens. */
    @Test
    @Checks({"multiprocessing.connection.Client/wrong-authkey-raises-both-sides",
        "multiprocessing.connection.Listener.accept/auth-failure-raises",
        "multiprocessing.AuthenticationError/raised-on-auth-failure"})
    void wrongKeyRefusedBothWays(MultiprocessingModule mp, Peer peer, Harness h) {
        MultiprocessingModule other = peer.module(MultiprocessingModule.class);
        for (List<MultiprocessingModule> roles : List.of(List.of(mp, other), List.of(other, mp))) {
            Listener l = roles.get(0).listener(LOCALHOST_ANY_PORT, null, 1, KEY);
            try {
                Sockets.assertRejectedBothSides(h, l, KEY, roles.get(1), OTHER_KEY);
            } finally {
                l.close();
            }
        }
    }
}
