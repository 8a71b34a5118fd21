package dev.pyconc.reference.multiprocessing.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.Connection;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BrokenPipeError;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.OSError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Pipe()} over file descriptors, in one process: both forms, errors, close from another thread, fds closed once. */
@Timeout(60)
class PipeTest {
    /** What the fds of this process are links to ({@code pipe:[inode]}, {@code socket:[inode]}, paths). */
    static java.util.Set<String> openFiles() throws Exception {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) s::iterator) {
                try {
                    out.add(Files.readSymbolicLink(fd).toString());
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        return out;
    }

    static String target(Connection c) throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + c.fileno())).toString();
    }

    /** Asserts that no fd of this process still refers to any of {@code files}. */
    static void assertClosed(List<String> files) throws Exception {
        java.util.Set<String> open = openFiles();
        for (String f : files) {
            assertFalse(open.contains(f), f + " still open");
        }
    }

    @Test
    void duplexCarriesBothWays() throws Exception {
        List<Connection> p = Connection.pipe(true);
        List<String> files = List.of(target(p.get(0)), target(p.get(1)));
        try {
            Connection a = p.get(0);
            Connection b = p.get(1);
            assertTrue(a.readable() && a.writable() && b.readable() && b.writable());
            assertFalse(a.poll());
            a.send(Map.of("k", PyTuple.of(1L, "x")));
            assertTrue(b.poll(5.0));
            assertEquals(Map.of("k", List.of(1L, "x")), b.recv());
            b.sendBytes(PyBytes.utf8("hello"), 1L, 3L);
            assertEquals(PyBytes.utf8("ell"), a.recvBytes());
            byte[] big = new byte[1 << 20];
            big[12345] = 7;
            CompletableFuture<PyBytes> got = CompletableFuture.supplyAsync(a::recvBytes);
            b.sendBytes(PyBytes.of(big));
            assertEquals(7, got.get(10, TimeUnit.SECONDS).get(12345));
            assertTrue(Files.readSymbolicLink(Path.of("/proc/self/fd/" + a.fileno())).toString().startsWith("socket:"));
        } finally {
            p.get(0).close();
            p.get(1).close();
        }
        assertClosed(files);
    }

    @Test
    void oneWayIsAnOsPipe() throws Exception {
        List<Connection> p = Connection.pipe(false);
        Connection r = p.get(0);
        Connection w = p.get(1);
        List<String> files = List.of(target(r));
        try {
            assertTrue(r.readable());
            assertFalse(r.writable());
            assertFalse(w.readable());
            assertTrue(w.writable());
            assertTrue(Files.readSymbolicLink(Path.of("/proc/self/fd/" + r.fileno())).toString().startsWith("pipe:"));
            assertEquals("connection is read-only", assertThrows(OSError.class, () -> r.send(1L)).getMessage());
            assertEquals("connection is write-only", assertThrows(OSError.class, w::recv).getMessage());
            w.send("x");
            assertEquals("x", r.recv());
            w.close();
            assertTrue(r.poll(5.0));
            assertThrows(EOFError.class, r::recv);
            assertEquals("handle is closed", assertThrows(OSError.class, w::fileno).getMessage());
            w.close(); // twice: nothing
        } finally {
            r.close();
            w.close();
        }
        assertClosed(files);
    }

    @Test
    void writingToAClosedReaderIsBrokenPipe() {
        List<Connection> p = Connection.pipe(false);
        p.get(0).close();
        try {
            // The JVM ignores SIGPIPE, so the write fails with EPIPE as in CPython (which ignores it too).
            assertThrows(BrokenPipeError.class, () -> p.get(1).sendBytes(PyBytes.utf8("x")));
        } finally {
            p.get(1).close();
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRecv() throws Exception {
        List<Connection> p = Connection.pipe(true);
        try {
            CompletableFuture<Object> f = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.get(0).recv();
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertFalse(p.get(0).poll(0.1)); // no message yet
            p.get(0).close();
            Object r = f.get(10, TimeUnit.SECONDS);
            assertTrue(r instanceof OSError o && Long.valueOf(9).equals(o.errno()), String.valueOf(r));
        } finally {
            p.get(0).close();
            p.get(1).close();
        }
    }

    @Test
    void reducesToItsFdAndRebuilds() throws Exception {
        List<Connection> p = Connection.pipe(false);
        try {
            Reduction red = p.get(1).reduce();
            assertEquals("connection", red.kind());
            assertEquals(List.of((int) p.get(1).fileno()), red.fds());
            assertEquals(List.of(p.get(1).fileno(), false, true), red.state());
            // Rebuilding in the same process stands for the child's side: a second owner of a dup of the fd.
            int dup = dev.pyconc.reference.posix.Posix.C.fcntl((int) p.get(1).fileno(), 1030, 3);
            Connection c = (Connection) Rebuilders.rebuild(new Reduction("connection", List.of((long) dup, false, true), List.of(dup)));
            c.send(42L);
            c.close();
            assertEquals(42L, p.get(0).recv());
        } finally {
            p.get(0).close();
            p.get(1).close();
        }
    }
}
