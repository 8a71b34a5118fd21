package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.ConnectionRefusedError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.connection.Listener} and {@code Client}, in one process (accepting in a thread). */
@PyCase
class ListenerClientCases {
    static final PyTuple LOCALHOST_ANY_PORT = PyTuple.of("127.0.0.1", 0L);
    static final PyBytes KEY = PyBytes.utf8("pyconc key");
    static final PyBytes OTHER_KEY = PyBytes.utf8("another key");

    /** Messages pass both ways over a Client/Listener pair. */
    static void exchange(Sockets.Pair pair) {
        pair.client().send(List.of("from the client", 1L));
        assertEquals(List.of("from the client", 1L), Procs.next(pair.accepted()));
        pair.accepted().sendBytes(PlainValues.allByteValues());
        assertTrue(pair.client().poll(dev.pyconc.spec.harness.Timing.LONG), "a reply within the deadline");
        assertEquals(PlainValues.allByteValues(), pair.client().recvBytes());
    }

    /** A Listener on ('127.0.0.1', 0) or with family 'AF_INET' listens on TCP: its address is ('127.0.0.1', a free port). */
    @Test
    @Checks({"multiprocessing.connection.Listener/af-inet-tcp", "multiprocessing.connection.Listener/af-inet-always-available",
        "multiprocessing.connection.Listener.address/bound-address"})
    void afInetTcp(MultiprocessingModule mp, Harness h) {
        for (Listener l : List.of(mp.listener(LOCALHOST_ANY_PORT, null, 1, null),
                mp.listener(LOCALHOST_ANY_PORT, "AF_INET", 1, null))) {
            try {
                List<?> address = assertInstanceOf(List.class, l.address());
                assertEquals(2, address.size(), "address " + address);
                assertEquals("127.0.0.1", address.get(0));
                long port = assertInstanceOf(Long.class, address.get(1));
                assertTrue(port > 0 && port < 65536, "port " + port);
                try (Sockets.Pair pair = Sockets.connect(h, l, null, mp, null)) {
                    exchange(pair);
                }
            } finally {
                l.close();
            }
        }
    }

    /** accept() returns a Connection to the Client that connected, and Client returns one to the Listener: messages pass both ways. */
    @Test
    @Checks({"multiprocessing.connection.Listener.accept/returns-connection",
        "multiprocessing.connection.Client/connects-to-listener"})
    void acceptAndClientConnect(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        try (Sockets.Pair pair = Sockets.connect(h, l, null, mp, null)) {
            exchange(pair);
            pair.accepted().send("bye");
            assertEquals("bye", Procs.next(pair.client()));
        } finally {
            l.close();
        }
    }

    /** A Listener of family 'AF_UNIX' listens on a socket whose address is a file system path, and a Client reaches it there. */
    @Test
    @Checks({"multiprocessing.connection.Listener/af-unix-socket", "multiprocessing.connection/af-unix-address-is-path"})
    void afUnixSocket(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(null, "AF_UNIX", 1, null);
        try {
            String path = assertInstanceOf(String.class, l.address());
            assertTrue(Path.of(path).isAbsolute(), "address " + path);
            assertTrue(Files.exists(Path.of(path)), "no socket file at " + path);
            try (Sockets.Pair pair = Sockets.connect(h, l, null, mp, null)) {
                exchange(pair);
            }
        } finally {
            l.close();
        }
    }

    /** An AF_UNIX Listener without an address makes its socket in a new directory only its owner may use; close() removes the socket. */
    @Test
    @Checks("multiprocessing.connection.Listener/af-unix-none-address-temp-dir")
    void afUnixTempDir(MultiprocessingModule mp) throws IOException {
        Listener l = mp.listener(null, "AF_UNIX", 1, null);
        Path socket;
        try {
            socket = Path.of((String) l.address());
            Path dir = socket.getParent();
            assertTrue(Files.isDirectory(dir), "directory of " + socket);
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            assertTrue(perms.stream().allMatch(p -> p.name().startsWith("OWNER")), dir + " permissions " + perms);
        } finally {
            l.close();
        }
        assertFalse(Files.exists(socket), socket + " left after close()");
    }

    /** With family None a tuple address gives an AF_INET listener and a path gives an AF_UNIX one bound at that path. */
    @Test
    @Checks("multiprocessing.connection.Listener/family-from-address")
    void familyFromAddress(MultiprocessingModule mp, Harness h) throws IOException {
        Listener inet = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        try {
            assertInstanceOf(List.class, inet.address());
        } finally {
            inet.close();
        }
        Path dir = Files.createTempDirectory("pyconc-listener");
        Path path = dir.resolve("sock");
        try {
            Listener unix = mp.listener(path.toString(), null, 1, null);
            try {
                assertEquals(path.toString(), unix.address());
                assertTrue(Files.exists(path), "no socket file at " + path);
                try (Sockets.Pair pair = Sockets.connect(h, unix, null, mp, null)) {
                    exchange(pair);
                }
            } finally {
                unix.close();
            }
        } finally {
            Files.deleteIfExists(path);
            Files.delete(dir);
        }
    }

    /** With neither address nor family the Listener uses AF_UNIX on Linux: its address is a path. */
    @Test
    @Checks("multiprocessing.connection.Listener/default-family-fastest")
    void defaultFamily(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(null, null, 1, null);
        try {
            assertInstanceOf(String.class, l.address());
            try (Sockets.Pair pair = Sockets.connect(h, l, null, mp, null)) {
                exchange(pair);
            }
        } finally {
            l.close();
        }
    }

    /** The 'AF_PIPE' family is refused with ValueError on Linux. */
    @Test
    @Checks("multiprocessing.connection.Listener/af-pipe-windows-only")
    void afPipeRefused(MultiprocessingModule mp) {
        assertThrows(ValueError.class, () -> mp.listener(null, "AF_PIPE", 1, null).close());
    }

    /** Leaving a with block on a Listener closes it: a Client can no longer connect to its address. */
    @Test
    @Checks("multiprocessing.connection.Listener/context-manager-closes")
    void contextManagerCloses(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        Object address = l.address();
        try {
            try (PyContextManager.Held held = l.enter()) {
                try (Sockets.Pair pair = Sockets.connect(h, l, null, mp, null)) {
                    exchange(pair);
                }
            }
            assertThrows(OSError.class, () -> mp.client(address, null, null).close());
        } finally {
            l.close();
        }
    }

    /** After close(), accept() raises OSError and a second close() raises nothing. */
    @Test
    @Checks("multiprocessing.connection.Listener.close/closes-listener")
    void closeClosesListener(MultiprocessingModule mp) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        l.close();
        assertThrows(OSError.class, l::accept);
        l.close();
    }

    /** last_accepted is None before any accept(). */
    @Test
    @Checks("multiprocessing.connection.Listener.last_accepted/none-before-accept")
    void lastAcceptedNoneBefore(MultiprocessingModule mp) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        try {
            assertNull(l.lastAccepted());
        } finally {
            l.close();
        }
    }

    /** After accept() on AF_INET, last_accepted is the client's ('127.0.0.1', port) with a port other than the listener's. */
    @Test
    @Checks("multiprocessing.connection.Listener.last_accepted/peer-address")
    void lastAcceptedPeerAddress(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        try (Sockets.Pair pair = Sockets.connect(h, l, null, mp, null)) {
            List<?> peer = assertInstanceOf(List.class, l.lastAccepted());
            assertEquals(2, peer.size(), "last_accepted " + peer);
            assertEquals("127.0.0.1", peer.get(0));
            long port = assertInstanceOf(Long.class, peer.get(1));
            assertTrue(port > 0, "port " + port);
            assertNotEquals(((List<?>) l.address()).get(1), port, "the client's port is the listener's");
        } finally {
            l.close();
        }
    }

    /** A Client and a Listener with the same authkey pass the handshake and talk, as do a pair with no authkey at all. */
    @Test
    @Checks("multiprocessing.connection.Client/authkey-hmac-challenge")
    void sameKeyConnects(MultiprocessingModule mp, Harness h) {
        for (PyBytes key : java.util.Arrays.asList(KEY, null)) {
            Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, key);
            try (Sockets.Pair pair = Sockets.connect(h, l, key, mp, key)) {
                exchange(pair);
            } finally {
                l.close();
            }
        }
    }

    /** With different authkeys the Client raises AuthenticationError and so does the Listener's accept(). */
    @Test
    @Checks({"multiprocessing.connection.Client/wrong-authkey-raises-both-sides",
        "multiprocessing.connection.Listener.accept/auth-failure-raises",
        "multiprocessing.AuthenticationError/raised-on-auth-failure"})
    void wrongKeyRaisesBothSides(MultiprocessingModule mp, Harness h) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, KEY);
        try {
            Sockets.assertRejectedBothSides(h, l, KEY, mp, OTHER_KEY);
        } finally {
            l.close();
        }
    }

    /** Client to an address where nothing listens any more raises ConnectionRefusedError. */
    @Test
    @Checks("multiprocessing.connection.Client/refused-raises-oserror")
    void refused(MultiprocessingModule mp) {
        Listener l = mp.listener(LOCALHOST_ANY_PORT, null, 1, null);
        Object address = l.address();
        l.close();
        assertThrows(ConnectionRefusedError.class, () -> mp.client(address, null, null).close());
    }
}
