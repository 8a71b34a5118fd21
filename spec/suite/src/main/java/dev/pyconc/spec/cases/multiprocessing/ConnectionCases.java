package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.PipeCases.closeAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.connection.Connection}, on the ends of {@code Pipe()}: messages, bytes, poll,
 * close and fileno, the {@code with} block, and handing a connection to another process.
 */
@PyCase
class ConnectionCases {

    private static PyBytes ascii(String s) {
        return PyBytes.utf8(s);
    }

    // --- messages ---------------------------------------------------------------------------------------

    /** Each send_bytes of a random length (0 to 300 kB) is received as exactly one recv_bytes with the same bytes, never merged or split. */
    @Test
    @Checks("multiprocessing.connection.Connection/message-boundaries-kept")
    void messageBoundariesKept(MultiprocessingModule mp, Harness h) {
        Random random = h.random();
        List<PyBytes> messages = new ArrayList<>();
        messages.add(PyBytes.empty());
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[random.nextInt(8) == 0 ? random.nextInt(300_000) : random.nextInt(200)];
            random.nextBytes(b);
            messages.add(PyBytes.of(b));
        }
        messages.add(PyBytes.empty());
        List<Connection> ends = mp.pipe();
        try {
            Connection w = ends.get(1);
            Thread sender = h.start("sender", () -> {
                for (PyBytes m : messages) {
                    w.sendBytes(m);
                }
                w.send("end");
            });
            Connection r = ends.get(0);
            for (int i = 0; i < messages.size(); i++) {
                assertTrue(r.poll(Timing.LONG), "message " + i + " within " + Timing.LONG + " s");
                assertEquals(messages.get(i), r.recvBytes(), "message " + i);
            }
            assertEquals("end", Procs.next(r), "the message after the last send_bytes");
            h.join(sender);
        } finally {
            closeAll(ends);
        }
    }

    /** Leaving a with block on a connection closes it: closed becomes True and the other end sees end of file. */
    @Test
    @Checks("multiprocessing.connection.Connection/context-manager-closes")
    void contextManagerCloses(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe();
        try {
            Connection a = ends.get(0);
            try (PyContextManager.Held held = a.enter()) {
                a.send("inside");
                assertFalse(a.closed(), "closed inside the block");
            }
            assertTrue(a.closed(), "closed after the block");
            assertEquals("inside", Procs.next(ends.get(1)));
            assertThrows(EOFError.class, () -> ends.get(1).recv());
        } finally {
            closeAll(ends);
        }
    }

    /** The sending end of a pipe given to a child process as an argument is usable there: what the child sends arrives. */
    @Test
    @Checks("multiprocessing.connection.Connection/transferable-between-processes")
    void connectionGivenToChild(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.PUT, ends.get(1), "from the child", 2L);
            assertEquals("from the child", Procs.next(ends.get(0)));
            assertEquals(2L, Procs.next(ends.get(0)));
            assertEquals(0L, Procs.joined(p));
        } finally {
            closeAll(ends);
        }
    }

    /** A connection sent through another connection is rebuilt at the receiving side and talks to the same peer. */
    @Test
    @Checks("multiprocessing.connection.Connection/transferable-between-processes")
    void connectionSentThroughConnection(MultiprocessingModule mp) {
        List<Connection> carrier = mp.pipe(false);
        List<Connection> payload = mp.pipe();
        List<Connection> received = new ArrayList<>();
        try {
            carrier.get(1).send(payload.get(1));
            Object got = Procs.next(carrier.get(0));
            assertTrue(got instanceof Connection, "received a Connection, not " + got);
            Connection copy = (Connection) got;
            received.add(copy);
            copy.send("through the copy");
            assertEquals("through the copy", Procs.next(payload.get(0)));
            payload.get(0).send("to the copy");
            assertEquals("to the copy", Procs.next(copy));
        } finally {
            closeAll(received);
            closeAll(payload);
            closeAll(carrier);
        }
    }

    /** send of an object that cannot be pickled (a multiprocessing Lock outside process spawning) raises and sends nothing. */
    @Test
    @Checks("multiprocessing.connection.Connection.send/unpicklable-raises")
    void sendUnpicklableRaises(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            assertThrows(PyException.class, () -> ends.get(1).send(mp.lock()));
            assertFalse(ends.get(0).poll(), "something arrived after the failed send");
            ends.get(1).send("next");
            assertEquals("next", Procs.next(ends.get(0)), "the connection still works after the failed send");
        } finally {
            closeAll(ends);
        }
    }

    // --- recv ---------------------------------------------------------------------------------------------

    /** recv() in a thread waits while nothing was sent and returns the object once another thread sends it. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv/blocks-until-message")
    void recvBlocksUntilMessage(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe();
        AtomicReference<Object> got = new AtomicReference<>("nothing yet");
        try {
            Thread t = h.start("receiver", () -> got.set(ends.get(0).recv()));
            try {
                h.awaitBlocked(t);
                assertEquals("nothing yet", got.get(), "recv returned before anything was sent");
            } finally {
                ends.get(1).send(List.of(1L, "x"));
            }
            h.join(t);
            assertEquals(List.of(1L, "x"), got.get());
        } finally {
            closeAll(ends);
        }
    }

    /** After the other end sent two objects and closed, recv() gives both and then raises EOFError. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv/eof-after-peer-closed")
    void recvEofAfterPeerClosed(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).send(1L);
            ends.get(1).send(2L);
            ends.get(1).close();
            assertEquals(1L, ends.get(0).recv());
            assertEquals(2L, ends.get(0).recv());
            assertThrows(EOFError.class, () -> ends.get(0).recv());
        } finally {
            closeAll(ends);
        }
    }

    // --- fileno and close ---------------------------------------------------------------------------------

    /** fileno() is a non-negative descriptor, distinct for the two ends, and connection.wait on it sees the end's data. */
    @Test
    @Checks("multiprocessing.connection.Connection.fileno/returns-descriptor")
    void filenoReturnsDescriptor(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            long r = ends.get(0).fileno();
            long w = ends.get(1).fileno();
            assertTrue(r >= 0 && w >= 0, "descriptors " + r + ", " + w);
            assertNotEquals(r, w);
            ends.get(1).send("x");
            assertEquals(List.of(r), mp.wait(List.of(r), Timing.LONG), "wait on the receiver's descriptor");
        } finally {
            closeAll(ends);
        }
    }

    /** close() sets closed, the other end then sees end of file, and send, recv, poll and fileno on the closed end raise OSError. */
    @Test
    @Checks("multiprocessing.connection.Connection.close/closes-connection")
    void closeClosesConnection(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe();
        try {
            Connection a = ends.get(0);
            assertFalse(a.closed(), "closed before close()");
            a.close();
            assertTrue(a.closed(), "closed after close()");
            assertThrows(EOFError.class, () -> ends.get(1).recv(), "the other end after close()");
            assertThrows(OSError.class, () -> a.send(1L), "send");
            assertThrows(OSError.class, a::recv, "recv");
            assertThrows(OSError.class, a::poll, "poll");
            assertThrows(OSError.class, a::fileno, "fileno");
        } finally {
            closeAll(ends);
        }
    }

    /** Closing a connection a second time raises nothing and leaves it closed. */
    @Test
    @Checks("multiprocessing.connection.Connection.close/idempotent")
    void closeTwice(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe();
        try {
            ends.get(0).close();
            ends.get(0).close();
            assertTrue(ends.get(0).closed());
        } finally {
            closeAll(ends);
        }
    }

    // --- poll ---------------------------------------------------------------------------------------------

    /** poll() answers False at once on an empty connection, and True once a message was sent. */
    @Test
    @Checks("multiprocessing.connection.Connection.poll/no-timeout-returns-at-once")
    void pollWithoutTimeout(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe();
        try {
            AtomicReference<Boolean> answer = new AtomicReference<>();
            h.assertPrompt(h.time(() -> answer.set(ends.get(0).poll())));
            assertFalse(answer.get(), "poll() with nothing sent");
            ends.get(1).send("x");
            h.poll("poll() True after a send", () -> ends.get(0).poll());
            assertEquals("x", ends.get(0).recv());
            assertFalse(ends.get(0).poll(), "poll() after the message was received");
        } finally {
            closeAll(ends);
        }
    }

    /** poll(timeout) with nothing to read returns False after about timeout seconds. */
    @Test
    @Checks("multiprocessing.connection.Connection.poll/timeout-waits")
    void pollTimeoutWaits(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe();
        try {
            AtomicReference<Boolean> answer = new AtomicReference<>();
            double took = h.time(() -> answer.set(ends.get(0).poll(Timing.SHORT)));
            assertFalse(answer.get());
            h.assertTimedOut(took, Timing.SHORT);
        } finally {
            closeAll(ends);
        }
    }

    /** poll(None) in a thread waits while nothing was sent and returns True once another thread sends. */
    @Test
    @Checks("multiprocessing.connection.Connection.poll/none-waits-forever")
    void pollNoneWaits(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe();
        AtomicReference<Boolean> answer = new AtomicReference<>();
        try {
            Thread t = h.start("poller", () -> answer.set(ends.get(0).poll(null)));
            try {
                h.awaitBlocked(t);
                assertEquals(null, answer.get(), "poll(None) returned before anything was sent");
            } finally {
                ends.get(1).send("wake");
            }
            h.join(t);
            assertEquals(Boolean.TRUE, answer.get());
            assertEquals("wake", ends.get(0).recv());
        } finally {
            closeAll(ends);
        }
    }

    /** Once the other end is closed, poll() answers True (so the next recv raises EOFError rather than blocking). */
    @Test
    @Checks("multiprocessing.connection.Connection.poll/true-at-eof")
    void pollTrueAtEof(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).close();
            assertTrue(ends.get(0).poll(Timing.LONG));
            assertThrows(EOFError.class, () -> ends.get(0).recv());
        } finally {
            closeAll(ends);
        }
    }

    // --- send_bytes / recv_bytes ---------------------------------------------------------------------------

    /** send_bytes(buffer) sends every byte value, and an empty buffer, as complete messages that recv_bytes returns unchanged. */
    @Test
    @Checks({"multiprocessing.connection.Connection.send_bytes/sends-whole-buffer",
        "multiprocessing.connection.Connection.recv_bytes/returns-message-bytes"})
    void sendBytesRecvBytes(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            PyBytes all = PlainValues.allByteValues();
            ends.get(1).sendBytes(all);
            ends.get(1).sendBytes(PyBytes.empty());
            ends.get(1).sendBytes(ascii("last"));
            assertEquals(all, ends.get(0).recvBytes());
            assertEquals(PyBytes.empty(), ends.get(0).recvBytes());
            assertEquals(ascii("last"), ends.get(0).recvBytes());
        } finally {
            closeAll(ends);
        }
    }

    /** send_bytes with offset starts there and with size sends only that many bytes (b'abcdef', 2, 3 sends b'cde'). */
    @Test
    @Checks("multiprocessing.connection.Connection.send_bytes/offset-and-size")
    void sendBytesOffsetAndSize(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            Connection w = ends.get(1);
            Connection r = ends.get(0);
            PyBytes buf = ascii("abcdef");
            w.sendBytes(buf, 2, 3L);
            assertEquals(ascii("cde"), r.recvBytes());
            w.sendBytes(buf, 2);
            assertEquals(ascii("cdef"), r.recvBytes());
            w.sendBytes(buf, 1, null);
            assertEquals(ascii("bcdef"), r.recvBytes());
            w.sendBytes(buf, 6, 0L);
            assertEquals(PyBytes.empty(), r.recvBytes());
        } finally {
            closeAll(ends);
        }
    }

    /** send_bytes raises ValueError for a negative offset or size, or one reaching past the buffer, and sends nothing. */
    @Test
    @Checks("multiprocessing.connection.Connection.send_bytes/bad-offset-or-size-valueerror")
    void sendBytesBadOffsetOrSize(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            Connection w = ends.get(1);
            PyBytes buf = ascii("abc");
            assertThrows(ValueError.class, () -> w.sendBytes(buf, -1), "negative offset");
            assertThrows(ValueError.class, () -> w.sendBytes(buf, 4), "offset past the end");
            assertThrows(ValueError.class, () -> w.sendBytes(buf, 0, -1L), "negative size");
            assertThrows(ValueError.class, () -> w.sendBytes(buf, 1, 3L), "offset + size past the end");
            assertFalse(ends.get(0).poll(), "a rejected send_bytes sent something");
        } finally {
            closeAll(ends);
        }
    }

    /** After the other end sent a message and closed, recv_bytes gives the message and then raises EOFError. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes/eof-after-peer-closed")
    void recvBytesEofAfterPeerClosed(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("last"));
            ends.get(1).close();
            assertEquals(ascii("last"), ends.get(0).recvBytes());
            assertThrows(EOFError.class, () -> ends.get(0).recvBytes());
        } finally {
            closeAll(ends);
        }
    }

    /** A message longer than maxlength makes recv_bytes raise OSError, on duplex and one-way ends, and the end cannot receive afterwards. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes/maxlength-exceeded-oserror")
    void recvBytesMaxlengthExceeded(MultiprocessingModule mp) {
        for (boolean duplex : new boolean[] {true, false}) {
            List<Connection> ends = mp.pipe(duplex);
            try {
                Connection r = ends.get(0);
                Connection w = ends.get(1);
                w.sendBytes(ascii("0123456789"));
                w.sendBytes(ascii("x"));
                assertThrows(OSError.class, () -> r.recvBytes(5L), "duplex=" + duplex);
                assertTrue(r.closed() || !r.readable(), "duplex=" + duplex + ": still readable after the OSError");
                assertThrows(OSError.class, r::recvBytes, "duplex=" + duplex + ": receiving again");
            } finally {
                closeAll(ends);
            }
        }
    }

    /** recv_bytes with a maxlength the message does not exceed returns the message. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes/returns-message-bytes")
    void recvBytesWithinMaxlength(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("01234"));
            assertEquals(ascii("01234"), ends.get(0).recvBytes(5L));
            ends.get(1).sendBytes(ascii("ab"));
            assertEquals(ascii("ab"), ends.get(0).recvBytes(null));
        } finally {
            closeAll(ends);
        }
    }

    // --- recv_bytes_into ------------------------------------------------------------------------------------

    /** recv_bytes_into writes the message at the start of the buffer, leaves the rest alone and returns its length. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes_into/fills-buffer-returns-length")
    void recvBytesIntoFillsBuffer(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("abc"));
            byte[] buf = "zzzzz".getBytes();
            assertEquals(3L, ends.get(0).recvBytesInto(buf));
            assertArrayEquals("abczz".getBytes(), buf);
            ends.get(1).sendBytes(ascii("exact"));
            assertEquals(5L, ends.get(0).recvBytesInto(buf));
            assertArrayEquals("exact".getBytes(), buf);
        } finally {
            closeAll(ends);
        }
    }

    /** recv_bytes_into with an offset writes the message from that byte on and leaves the bytes before and after it alone. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes_into/offset-position")
    void recvBytesIntoOffset(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("abc"));
            byte[] buf = "zzzzzz".getBytes();
            assertEquals(3L, ends.get(0).recvBytesInto(buf, 2));
            assertArrayEquals("zzabcz".getBytes(), buf);
        } finally {
            closeAll(ends);
        }
    }

    /** A message that does not fit after the offset raises BufferTooShort holding the whole message, leaves the buffer alone and is consumed. */
    @Test
    @Checks({"multiprocessing.connection.Connection.recv_bytes_into/too-short-buffertooshort",
        "multiprocessing.BufferTooShort/raised-by-recv-bytes-into"})
    void recvBytesIntoTooShort(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("abcdef"));
            ends.get(1).sendBytes(ascii("abcd"));
            ends.get(1).sendBytes(ascii("next"));
            byte[] buf = "zzzzz".getBytes();
            BufferTooShort e = assertThrows(BufferTooShort.class, () -> ends.get(0).recvBytesInto(buf));
            assertEquals(ascii("abcdef"), e.data(), "args[0]");
            assertArrayEquals("zzzzz".getBytes(), buf, "the buffer after BufferTooShort");
            e = assertThrows(BufferTooShort.class, () -> ends.get(0).recvBytesInto(buf, 2));
            assertEquals(ascii("abcd"), e.data(), "args[0] with an offset");
            assertArrayEquals("zzzzz".getBytes(), buf, "the buffer after BufferTooShort with an offset");
            assertEquals(ascii("next"), ends.get(0).recvBytes(), "the message after the ones that did not fit");
        } finally {
            closeAll(ends);
        }
    }

    /** After the other end sent a message and closed, recv_bytes_into gives the message and then raises EOFError. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes_into/eof-after-peer-closed")
    void recvBytesIntoEof(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("ab"));
            ends.get(1).close();
            byte[] buf = new byte[4];
            assertEquals(2L, ends.get(0).recvBytesInto(buf));
            assertThrows(EOFError.class, () -> ends.get(0).recvBytesInto(buf));
        } finally {
            closeAll(ends);
        }
    }

    /** recv_bytes_into raises ValueError for a negative offset. */
    @Test
    @Checks("multiprocessing.connection.Connection.recv_bytes_into/negative-offset-valueerror")
    void recvBytesIntoNegativeOffset(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            ends.get(1).sendBytes(ascii("ab"));
            byte[] buf = new byte[4];
            assertThrows(ValueError.class, () -> ends.get(0).recvBytesInto(buf, -1));
        } finally {
            closeAll(ends);
        }
    }
}
