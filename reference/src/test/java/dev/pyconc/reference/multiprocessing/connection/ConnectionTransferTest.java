package dev.pyconc.reference.multiprocessing.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.reference.multiprocessing.RefMultiprocessingModule;
import dev.pyconc.reference.multiprocessing.ResourceSharer;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Connection sent after process start (through a Connection or a Queue) arrives as a working Connection, by
 * the resource sharer and SCM_RIGHTS: in this JVM and through a reference child JVM; the sharer leaves no socket
 * file and no fd behind.
 */
@Timeout(60)
class ConnectionTransferTest {
    static final double LONG = 30.0;
    private final RefMultiprocessingModule mp = new RefMultiprocessingModule();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        mp.cleanUp();
        assertNull(ResourceSharer.address(), "cleanUp stops the sharer");
    }

    private List<Connection> pipe(boolean duplex) {
        List<Connection> p = Connection.pipe(duplex);
        toClose.addAll(p);
        return p;
    }

    private <T extends AutoCloseable> T keep(T c) {
        toClose.add(c);
        return c;
    }

    private static Object next(Connection c) {
        assertTrue(c.poll(LONG), "no message within " + LONG + " s");
        return c.recv();
    }

    /** The open file a Connection's fd is ({@code socket:[inode]}, {@code pipe:[inode]}). */
    private static String file(Connection c) throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + c.fileno())).toString();
    }

    /** How many fds of this process are {@code file}. */
    private static long fdsOn(String file) throws Exception {
        long n = 0;
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(file)) {
                        n++;
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        return n;
    }

    /**
     * {@link #fdsOn} once it is {@code expected}, or its last count after {@link Timing#LONG}: the sharer's thread closes its
     * duplicate just after it sent it, so the receiver can hold the copy a moment before that close.
     */
    private static long fdsOnSettling(String file, long expected) throws Exception {
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        long n = fdsOn(file);
        while (n != expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
            n = fdsOn(file);
        }
        return n;
    }

    @Test
    void pipeEndThroughConnectionInThisProcess() throws Exception {
        List<Connection> carrier = pipe(false);
        List<Connection> payload = pipe(true);
        String socket = file(payload.get(1));
        carrier.get(1).send(payload.get(1));
        String address = ResourceSharer.address();
        assertNotNull(address, "sending a Connection started the sharer");
        assertTrue(Files.exists(Path.of(address)), "the sharer's socket file");
        assertEquals(2, fdsOn(socket), "the end and the sharer's duplicate");

        Connection copy = keep((Connection) next(carrier.get(0)));
        assertNotEquals(payload.get(1).fileno(), copy.fileno(), "a new fd");
        assertEquals(socket, file(copy), "for the same socket");
        assertEquals(2, fdsOnSettling(socket, 2), "the end and the copy: the sharer closed its duplicate");
        assertTrue(copy.readable());
        assertTrue(copy.writable());

        copy.send("through the copy");
        assertEquals("through the copy", next(payload.get(0)));
        payload.get(0).send(List.of(1L, "to the copy"));
        assertEquals(List.of(1L, "to the copy"), next(copy));

        payload.get(1).close(); // the copy is a file descriptor of its own
        copy.sendBytes(PyBytes.of(new byte[] {1, 2, 3}), 0);
        assertEquals(PyBytes.of(new byte[] {1, 2, 3}), payload.get(0).recvBytes());

        mp.cleanUp();
        assertNull(ResourceSharer.address());
        assertFalse(Files.exists(Path.of(address)), "socket file removed at stop");
        assertFalse(Files.exists(Path.of(address).getParent()), "its directory removed at stop");
    }

    @Test
    void flagsTravelAndNestedValues() throws Exception {
        List<Connection> carrier = pipe(true);
        List<Connection> oneWay = pipe(false);
        carrier.get(0).send(List.of("ends", oneWay.get(0), oneWay.get(1)));
        @SuppressWarnings("unchecked")
        List<Object> got = (List<Object>) next(carrier.get(1));
        assertEquals("ends", got.get(0));
        Connection r = keep((Connection) got.get(1));
        Connection w = keep((Connection) got.get(2));
        assertTrue(r.readable());
        assertFalse(r.writable());
        assertFalse(w.readable());
        assertTrue(w.writable());
        w.send("w copy to r copy");
        assertEquals("w copy to r copy", next(r));
        oneWay.get(1).send("original w to r copy");
        assertEquals("original w to r copy", next(r));
    }

    @Test
    void closedConnectionIsRefusedAndNothingIsSent() {
        List<Connection> carrier = pipe(false);
        List<Connection> payload = Connection.pipe(true);
        payload.get(0).close();
        payload.get(1).close();
        OSError e = assertThrows(OSError.class, () -> carrier.get(1).send(payload.get(0)));
        assertEquals("handle is closed", e.getMessage());
        assertFalse(carrier.get(0).poll(), "nothing was sent");
        carrier.get(1).send("next");
        assertEquals("next", next(carrier.get(0)));
    }

    /** The second unpickling finds the key taken (the sharer reports it on stderr, as CPython's thread does: expected). */
    @Test
    void aPickleIsGoodForOneUnpicklingAndNotAfterStop() throws Exception {
        List<Connection> payload = pipe(true);
        String socket = file(payload.get(0));
        byte[] once = PickleCodec.dumps(payload.get(0));
        byte[] never = PickleCodec.dumps(payload.get(0));
        assertEquals(3, fdsOn(socket), "the end and two registered duplicates");
        keep((Connection) PickleCodec.loads(once));
        assertThrows(EOFError.class, () -> PickleCodec.loads(once), "the key was taken");
        String address = ResourceSharer.address();
        ResourceSharer.stop();
        assertEquals(2, fdsOn(socket), "stop closed the duplicate no one came for");
        OSError gone = assertThrows(OSError.class, () -> PickleCodec.loads(never));
        assertEquals(2L, gone.errno(), "the socket file is gone: " + gone.getMessage());
        assertFalse(Files.exists(Path.of(address)));
    }

    @Test
    void queueItemThatIsAConnection() {
        Queue q = keepQueue(new dev.pyconc.reference.multiprocessing.queues.Queue());
        List<Connection> payload = pipe(true);
        q.put(payload.get(1));
        Connection copy = keep((Connection) q.get(true, LONG));
        copy.send("via a queue");
        assertEquals("via a queue", next(payload.get(0)));
    }

    private Queue keepQueue(Queue q) {
        toClose.add(() -> {
            q.close();
            q.joinThread();
        });
        return q;
    }

    /**
     * A child JVM, started with a carrier and a way back, gets one end of a Pipe through the carrier after it
     * started and sends it back (RELAY): the end goes parent to child (the parent's sharer) and back (the child's
     * sharer), and the copy the parent ends with talks to the other end. The child relays a second message, sent
     * once the parent has its copy, so that it does not exit (and stop its sharer) before. The child's sharer
     * leaves no socket file.
     */
    @Test
    void pipeEndThroughAChildJvmAndBack() throws Exception {
        List<Connection> carrier = pipe(false);
        List<Connection> back = pipe(false);
        List<Connection> payload = pipe(true);
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.RELAY), carrier.get(0), back.get(1), 2L));
        toClose.add(() -> {
            if (p.exitcode() == null) {
                p.kill();
                p.join(LONG);
            }
        });
        p.start();
        carrier.get(1).send(payload.get(1)); // after start: by the resource sharer
        assertTrue(back.get(0).poll(LONG), "nothing came back within " + LONG + " s");
        byte[] pickle = back.get(0).recvBytes().toByteArray();
        Matcher m = Pattern.compile("/[^\\x00-\\x20]*pymp-[^/]*/listener-[a-z0-9_]{8}")
                .matcher(new String(pickle, StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), "the child's pickle names its sharer's address");
        String childAddress = m.group();
        assertNotEquals(ResourceSharer.address(), childAddress, "the child has a sharer of its own");
        Connection copy = keep((Connection) PickleCodec.loads(pickle));
        carrier.get(1).send("done");
        assertEquals("done", next(back.get(0)));
        p.join(LONG);
        assertEquals(0L, p.exitcode());
        assertFalse(Files.exists(Path.of(childAddress)), "the child removed its socket file at exit");
        assertFalse(Files.exists(Path.of(childAddress).getParent()), "and its directory");

        copy.send("from the copy that went through the child");
        assertEquals("from the copy that went through the child", next(payload.get(0)));
        payload.get(0).send("to it");
        assertEquals("to it", next(copy));
    }
}
