package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.Pipe}: direction, pickling and concurrent use of the two ends. */
@PyCase
class PipeCases {

    static void closeAll(List<Connection> ends) {
        for (Connection c : ends) {
            c.close();
        }
    }

    /** Pipe() gives two connected ends and each can both send to and receive from the other. */
    @Test
    @Checks("multiprocessing.Pipe/duplex-by-default")
    void duplexByDefault(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe();
        try {
            assertEquals(2, ends.size());
            Connection a = ends.get(0);
            Connection b = ends.get(1);
            assertTrue(a.readable() && a.writable(), "first end of a duplex pipe");
            assertTrue(b.readable() && b.writable(), "second end of a duplex pipe");
            a.send("to b");
            assertEquals("to b", Procs.next(b));
            b.send("to a");
            assertEquals("to a", Procs.next(a));
        } finally {
            closeAll(ends);
        }
    }

    /** Pipe(False) gives (receiver, sender): what the second end sends the first receives, and each reports its one direction. */
    @Test
    @Checks("multiprocessing.Pipe/one-way-when-not-duplex")
    void oneWayWhenNotDuplex(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            Connection r = ends.get(0);
            Connection w = ends.get(1);
            assertTrue(r.readable(), "receiver readable");
            assertFalse(r.writable(), "receiver writable");
            assertFalse(w.readable(), "sender readable");
            assertTrue(w.writable(), "sender writable");
            w.send(42L);
            assertEquals(42L, Procs.next(r));
        } finally {
            closeAll(ends);
        }
    }

    /** On a one-way pipe, sending on the receiver and receiving on the sender raise OSError. */
    @Test
    @Checks("multiprocessing.Pipe/wrong-direction-oserror")
    void wrongDirectionRaisesOSError(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        try {
            assertThrows(OSError.class, () -> ends.get(0).send(1L));
            assertThrows(OSError.class, () -> ends.get(1).recv());
        } finally {
            closeAll(ends);
        }
    }

    /** A value of every plain type sent through a pipe is received equal, in the same process and from a child process. */
    @Test
    @Checks({"multiprocessing.Pipe/objects-pickled", "multiprocessing.connection.Connection.send/pickles-object"})
    void objectsPickledAndRebuilt(MultiprocessingModule mp) {
        List<Object> values = PlainValues.all();
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            Connection r = ends.get(0);
            Connection w = ends.get(1);
            for (Object v : values) {
                w.send(v);
                assertEquals(v, Procs.next(r), "sent in this process");
            }
            PyProcess p = procs.start(mp, mp, Routine.PUT, listWith(w, values).toArray());
            for (Object v : values) {
                assertEquals(v, Procs.next(r), "sent by a child process");
            }
            assertEquals(0L, Procs.joined(p));
        } finally {
            closeAll(ends);
        }
    }

    static List<Object> listWith(Object first, List<Object> rest) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** Two threads that each use their own end of a pipe at the same time, each sending and then receiving, get every message of the other intact and in order. */
    @Test
    @Checks("multiprocessing.Pipe/different-ends-concurrently-safe")
    void differentEndsConcurrently(MultiprocessingModule mp, Harness h) {
        int n = 200;
        List<Connection> ends = mp.pipe();
        try {
            List<Thread> threads = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                Connection mine = ends.get(side);
                String me = side == 0 ? "a" : "b";
                String other = side == 0 ? "b" : "a";
                threads.add(h.start("end-" + me, () -> {
                    for (long i = 0; i < n; i++) {
                        mine.send(List.of(me, i));
                        assertEquals(List.of(other, i), Procs.next(mine), "message " + i + " received by " + me);
                    }
                }));
            }
            for (Thread t : threads) {
                h.join(t);
            }
        } finally {
            closeAll(ends);
        }
    }
}
