package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import org.junit.jupiter.api.Test;

/**
 * The Listener's own check of the authkey, seen without a Client that checks the Listener in turn: a Client with
 * a wrong key also rejects the Listener's answer to its own challenge, so {@code accept()} would raise even if
 * it never checked the client's answer (see {@link ListenerClientCases#wrongKeyRaisesBothSides}).
 */
@PyCase
class ListenerAuthCases {

    /**
     * A client that answers the Listener's challenge with bytes that are not the digest is refused: accept()
     * raises AuthenticationError. The client here is a Client without an authkey (which takes no part in the
     * handshake) that reads the challenge and sends the wrong answer itself.
     */
    @Test
    @Checks({"multiprocessing.connection.Listener.accept/auth-failure-raises",
        "multiprocessing.AuthenticationError/raised-on-auth-failure"})
    void wrongAnswerToTheChallengeIsRefused(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(ListenerClientCases.LOCALHOST_ANY_PORT, null, 1, ListenerClientCases.KEY);
        try {
            Connection[] accepted = new Connection[1];
            Thread t = h.start("accept", () -> {
                try {
                    assertThrows(AuthenticationError.class, () -> accepted[0] = l.accept(),
                            "accept() of a client whose answer to the challenge is wrong");
                } finally {
                    if (accepted[0] != null) {
                        accepted[0].close();
                    }
                }
            });
            Connection c = mp.client(l.address(), null, null);
            try {
                assertTrue(c.poll(Timing.LONG), "the Listener should send its challenge");
                c.recvBytes(256L);
                c.sendBytes(PyBytes.utf8("not the digest"));
                // the Listener's verdict, whatever it is: then this end closes, so that a Listener that went on
                // with the handshake does not wait for this client
                c.poll(Timing.LONG);
            } finally {
                c.close();
            }
            h.join(t);
        } finally {
            l.close();
        }
    }
}
