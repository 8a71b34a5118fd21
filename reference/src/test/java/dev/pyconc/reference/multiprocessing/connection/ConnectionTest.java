package dev.pyconc.reference.multiprocessing.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.exceptions.ConnectionRefusedError;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Java to Java: framing, the receive errors, poll, close, and the handshake in its modern and legacy forms. */
@Timeout(60)
class ConnectionTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private Listener listener;

    @AfterEach
    void tearDown() throws Exception {
        if (listener != null) {
            listener.close();
        }
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** A connected pair: [0] accepted by the listener, [1] the client. */
    private Connection[] pair(String family, PyBytes key) throws Exception {
        listener = new Listener(null, family, 1, key);
        Future<Connection> accepted = pool.submit(listener::accept);
        Connection client = Client.connect(listener.address(), null, key);
        return new Connection[] {accepted.get(10, TimeUnit.SECONDS), client};
    }

    @ParameterizedTest
    @ValueSource(strings = {"AF_UNIX", "AF_INET"})
    void messagesKeepTheirBoundaries(String family) throws Exception {
        Connection[] c = pair(family, null);
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        Future<?> sent = pool.submit(() -> {
            c[1].sendBytes(PyBytes.utf8("one"));
            c[1].sendBytes(PyBytes.empty());
            c[1].sendBytes(big, 10, 5);
            c[1].sendBytes(big);
            c[1].send(List.of(1L, PyTuple.of("x")));
        });
        assertEquals(PyBytes.utf8("one"), c[0].recvBytes());
        assertEquals(PyBytes.empty(), c[0].recvBytes());
        assertEquals(PyBytes.of(big, 10, 5), c[0].recvBytes());
        assertArrayEquals(big, c[0].recvBytes().toByteArray());
        assertEquals(List.of(1L, PyTuple.of("x")), c[0].recv());
        sent.get(10, TimeUnit.SECONDS);
        if (family.equals("AF_INET")) {
            assertEquals("127.0.0.1", ((List<?>) listener.address()).get(0));
            assertEquals("127.0.0.1", ((List<?>) listener.lastAccepted()).get(0));
        } else {
            assertEquals("", listener.lastAccepted());
        }
        c[0].close();
        c[1].close();
    }

    @Test
    void argumentErrorsAreCpythonsOwn() throws Exception {
        Connection[] c = pair("AF_UNIX", null);
        byte[] b = new byte[4];
        assertEquals("offset is negative", assertThrows(ValueError.class, () -> c[1].sendBytes(b, -1, null)).getMessage());
        assertEquals("buffer length < offset", assertThrows(ValueError.class, () -> c[1].sendBytes(b, 5, null)).getMessage());
        assertEquals("size is negative", assertThrows(ValueError.class, () -> c[1].sendBytes(b, 0, -1)).getMessage());
        assertEquals("buffer length < offset + size", assertThrows(ValueError.class, () -> c[1].sendBytes(b, 2, 3)).getMessage());
        assertEquals("negative maxlength", assertThrows(ValueError.class, () -> c[0].recvBytes(-1)).getMessage());
        assertEquals("negative offset", assertThrows(ValueError.class, () -> c[0].recvBytesInto(b, -1)).getMessage());
        assertEquals("offset too large", assertThrows(ValueError.class, () -> c[0].recvBytesInto(b, 5)).getMessage());
        c[0].close();
        c[1].close();
    }

    @Test
    void tooLongForMaxlengthLeavesTheConnectionWriteOnly() throws Exception {
        Connection[] c = pair("AF_UNIX", null);
        c[1].sendBytes(new byte[100]);
        OSError e = assertThrows(OSError.class, () -> c[0].recvBytes(99));
        assertEquals("bad message length", e.getMessage());
        assertFalse(c[0].readable());
        assertEquals("connection is write-only", assertThrows(OSError.class, c[0]::recvBytes).getMessage());
        c[0].sendBytes(PyBytes.utf8("still writable"));
        assertEquals(PyBytes.utf8("still writable"), c[1].recvBytes());
        c[0].close();
        c[1].close();
    }

    @Test
    void recvBytesIntoAndBufferTooShort() throws Exception {
        Connection[] c = pair("AF_UNIX", null);
        c[1].sendBytes(PyBytes.utf8("hello"));
        c[1].sendBytes(PyBytes.utf8("0123456789"));
        byte[] buf = new byte[8];
        assertEquals(5, c[0].recvBytesInto(buf, 2));
        assertArrayEquals("\0\0hello\0".getBytes(), buf);
        BufferTooShort e = assertThrows(BufferTooShort.class, () -> c[0].recvBytesInto(buf, 0));
        assertEquals(PyBytes.utf8("0123456789"), e.data());
        assertEquals("b'0123456789'", e.getMessage());
        assertArrayEquals("\0\0hello\0".getBytes(), buf, "left as it was");
        assertFalse(c[0].poll(), "the whole message was consumed");
        c[0].close();
        c[1].close();
    }

    @Test
    void endOfStreamIsEofErrorAndPollSeesIt() throws Exception {
        Connection[] c = pair("AF_INET", null);
        long t0 = System.nanoTime();
        assertFalse(c[0].poll(0.2));
        assertTrue(System.nanoTime() - t0 >= 190_000_000L, "poll waited its timeout");
        assertFalse(c[0].poll(-1.0), "a negative timeout does not wait");
        Future<Boolean> forever = pool.submit(() -> c[0].poll(null));
        Thread.sleep(50);
        c[1].sendBytes(PyBytes.utf8("x"));
        assertTrue(forever.get(10, TimeUnit.SECONDS));
        assertEquals(PyBytes.utf8("x"), c[0].recvBytes());
        c[1].close();
        assertTrue(c[1].closed());
        assertTrue(c[0].poll(5.0), "end of stream is something to receive");
        EOFError eof = assertThrows(EOFError.class, c[0]::recv);
        assertEquals("builtins.EOFError", eof.pythonName());
        assertEquals("handle is closed", assertThrows(OSError.class, () -> c[1].sendBytes(PyBytes.utf8("x"))).getMessage());
        assertEquals("handle is closed", assertThrows(OSError.class, c[1]::poll).getMessage());
        c[1].close(); // again: no-op
        c[0].close();
    }

    @Test
    void endOfStreamInsideAMessage() throws Exception {
        listener = new Listener(null, "AF_UNIX", 1, null);
        Future<Connection> accepted = pool.submit(listener::accept);
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of((String) listener.address()))) {
            raw.write(ByteBuffer.allocate(7).putInt(10).put(new byte[] {1, 2, 3}).flip());
        }
        Connection c = accepted.get(10, TimeUnit.SECONDS);
        assertEquals("got end of file during message", assertThrows(OSError.class, c::recvBytes).getMessage());
        c.close();
    }

    @Test
    void closeFromAnotherThreadWakesAReceiver() throws Exception {
        Connection[] c = pair("AF_UNIX", null);
        Future<?> blocked = pool.submit(() -> c[0].recvBytes());
        Thread.sleep(100);
        c[0].close();
        Exception e = assertThrows(Exception.class, () -> blocked.get(10, TimeUnit.SECONDS));
        assertInstanceOf(OSError.class, e.getCause());
        c[1].close();
    }

    /**
     * poll takes no lock (CPython's takes none): while another thread is blocked receiving, a poll still returns
     * False at its timeout. Before, poll waited on the receiver's lock, and so past its timeout for as long as
     * nothing came.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AF_UNIX", "AF_INET"})
    void pollWhileAnotherThreadReceivesKeepsItsTimeout(String family) throws Exception {
        Connection[] c = pair(family, null);
        AtomicReference<Thread> receiver = new AtomicReference<>();
        Future<PyBytes> received = pool.submit(() -> {
            receiver.set(Thread.currentThread());
            return c[0].recvBytes();
        });
        try {
            awaitInside(receiver, SocketTransport.class.getName(), "read");
            Future<Boolean> polled = pool.submit(() -> c[0].poll(0.05));
            assertFalse(polled.get(10, TimeUnit.SECONDS), "nothing was sent: poll(0.05) returns False at its timeout");
            c[1].sendBytes(PyBytes.utf8("m"));
            assertEquals(PyBytes.utf8("m"), received.get(10, TimeUnit.SECONDS));
            c[1].sendBytes(PyBytes.utf8("n"));
            assertTrue(c[0].poll(10.0), "a message waits: poll returns True (the borrowed selectors still serve)");
            assertEquals(PyBytes.utf8("n"), c[0].recvBytes());
        } finally {
            c[0].close(); // wakes the receiver and any poll if the checks above failed
            c[1].close();
        }
    }

    /** Polls (at most 10 s) until the thread {@code holder} names is inside {@code className.method}. */
    private static void awaitInside(AtomicReference<Thread> holder, String className, String method)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            Thread t = holder.get();
            if (t != null) {
                for (StackTraceElement e : t.getStackTrace()) {
                    if (e.getClassName().equals(className) && e.getMethodName().equals(method)) {
                        return;
                    }
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the thread did not reach " + className + "." + method + " within 10 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AF_UNIX", "AF_INET"})
    void rightKeyConnects(String family) throws Exception {
        Connection[] c = pair(family, PyBytes.utf8("secret"));
        c[1].send("hi");
        assertEquals("hi", c[0].recv());
        c[0].close();
        c[1].close();
    }

    @Test
    void emptyKeyIsAKeyToo() throws Exception {
        Connection[] c = pair("AF_UNIX", PyBytes.empty());
        c[0].close();
        c[1].close();
    }

    @Test
    void wrongKeyFailsOnBothSides() throws Exception {
        listener = new Listener(null, "AF_UNIX", 1, PyBytes.utf8("right"));
        Future<Connection> accepted = pool.submit(listener::accept);
        AuthenticationError client = assertThrows(AuthenticationError.class,
                () -> Client.connect(listener.address(), null, PyBytes.utf8("wrong")));
        assertEquals("digest sent was rejected", client.getMessage());
        Exception e = assertThrows(Exception.class, () -> accepted.get(10, TimeUnit.SECONDS));
        AuthenticationError server = assertInstanceOf(AuthenticationError.class, e.getCause());
        assertEquals("digest received was wrong", server.getMessage());
        assertEquals("multiprocessing.AuthenticationError", server.pythonName());
    }

    @Test
    void legacyMd5PeerBothWays() throws Exception {
        // The accepted side plays CPython 3.11: a bare 20-byte challenge, and a raw HMAC-MD5 answer.
        byte[] key = "k".getBytes();
        listener = new Listener(null, "AF_UNIX", 1, null);
        Future<Object> legacy = pool.submit(() -> {
            Connection c = listener.accept();
            byte[] message = new byte[20];
            new java.security.SecureRandom().nextBytes(message);
            c.sendBytes(concat(Authentication.CHALLENGE, message));
            byte[] answer = c.recvBytes(256).toByteArray();
            assertArrayEquals(Authentication.hmac(key, message, "md5"), answer, "raw HMAC-MD5, no prefix");
            c.sendBytes(Authentication.WELCOME);
            byte[] challenge = c.recvBytes(256).toByteArray();
            byte[] body = java.util.Arrays.copyOfRange(challenge, Authentication.CHALLENGE.length, challenge.length);
            assertTrue(new String(body, 0, 8).equals("{sha256}"), "a modern challenge goes to the legacy peer too");
            c.sendBytes(Authentication.hmac(key, body, "md5")); // 3.11 answers it with raw MD5 all the same
            Object r = c.recvBytes(256);
            c.close();
            return r;
        });
        Connection client = Client.connect(listener.address(), null, PyBytes.of(key));
        assertEquals(PyBytes.of(Authentication.WELCOME), legacy.get(10, TimeUnit.SECONDS));
        client.close();
    }

    @Test
    void digestPrefixesAndTheirErrors() {
        byte[] key = "k".getBytes();
        assertEquals("sha256", Authentication.digestName("{sha256}0123456789012345678901234567890".getBytes()));
        assertEquals("", Authentication.digestName(new byte[20]));
        assertEquals("", Authentication.digestName(new byte[16]));
        AuthenticationError e = assertThrows(AuthenticationError.class,
                () -> Authentication.digestName("{sha1}0123456789012345678901234567890".getBytes()));
        assertTrue(e.getMessage().startsWith("unsupported message length, missing digest prefix, or unsupported "
                + "digest: message=b'{sha1}"), e.getMessage());
        byte[] message = "{sha256}0123456789012345678901234567890123456789".getBytes();
        Authentication.verifyChallenge(key, message, Authentication.createResponse(key, message));
        byte[] sha384 = concat("{sha384}".getBytes(), Authentication.hmac(key, message, "sha384"));
        Authentication.verifyChallenge(key, message, sha384); // the answer may pick another allowed digest
        byte[] shortMac = concat("{sha256}".getBytes(), new byte[10]);
        assertEquals("expected 'sha256' of length 32 got 10", assertThrows(AuthenticationError.class,
                () -> Authentication.verifyChallenge(key, message, shortMac)).getMessage());
    }

    @Test
    void unixSocketFileAndTempDirGoWithTheListener() throws Exception {
        listener = new Listener();
        Path path = Path.of((String) listener.address());
        assertTrue(Files.exists(path));
        assertTrue(path.getFileName().toString().startsWith("sock-"));
        assertTrue(path.getParent().getFileName().toString().startsWith("pymp-"));
        listener.close();
        assertFalse(Files.exists(path));
        assertFalse(Files.exists(path.getParent()));
        assertEquals("listener is closed", assertThrows(OSError.class, listener::accept).getMessage());
        listener.close();
    }

    @Test
    void connectErrorsAreThePythonSubclasses() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionRefusedError refused = assertThrows(ConnectionRefusedError.class,
                () -> Client.connect(PyTuple.of("127.0.0.1", (long) port)));
        assertEquals("[Errno 111] Connection refused", refused.getMessage());
        assertThrows(FileNotFoundError.class, () -> Client.connect("/nonexistent/sock"));
        assertEquals("Family AF_PIPE is not recognized.",
                assertThrows(ValueError.class, () -> Client.connect("\\\\.\\pipe\\x")).getMessage());
        assertEquals(98L, assertThrows(OSError.class, () -> {
            try (Listener a = new Listener(PyTuple.of("127.0.0.1", 0L), null, 1, null)) {
                new Listener(a.address(), null, 1, null).close();
            }
        }).errno());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
