package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.PipeCases.closeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.connection.wait}. */
@PyCase
class WaitCases {

    /** Asserts that {@code ready} holds exactly {@code expected} (the same objects, in any order). */
    static void assertReady(List<?> expected, List<Object> ready) {
        assertEquals(expected.size(), ready.size(), "ready objects " + ready);
        for (Object e : expected) {
            assertTrue(ready.stream().anyMatch(r -> r == e || (e instanceof Long && e.equals(r))),
                    e + " missing from the ready objects " + ready);
        }
    }

    /** Of two connections, wait returns only the one with data, and both once both have data. */
    @Test
    @Checks("multiprocessing.connection.wait/returns-ready-subset")
    void returnsReadySubset(MultiprocessingModule mp) {
        List<Connection> p1 = mp.pipe(false);
        List<Connection> p2 = mp.pipe(false);
        try {
            Connection a = p1.get(0);
            Connection b = p2.get(0);
            p1.get(1).send("to a");
            assertReady(List.of(a), mp.wait(List.of(a, b), Timing.LONG));
            p2.get(1).send("to b");
            assertReady(List.of(a, b), mp.wait(List.of(a, b), Timing.LONG));
            List<Object> one = mp.wait(List.of(b), Timing.LONG);
            assertEquals(1, one.size());
            assertSame(b, one.get(0), "wait returns the object it was given");
        } finally {
            closeAll(p1);
            closeAll(p2);
        }
    }

    /** With nothing ready, wait(list, timeout) returns an empty list after about timeout seconds. */
    @Test
    @Checks("multiprocessing.connection.wait/timeout-returns-empty")
    void timeoutReturnsEmpty(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe();
        try {
            AtomicReference<List<Object>> ready = new AtomicReference<>();
            double took = h.time(() -> ready.set(mp.wait(List.of(ends.get(0), ends.get(1)), Timing.SHORT)));
            assertEquals(List.of(), ready.get());
            h.assertTimedOut(took, Timing.SHORT);
        } finally {
            closeAll(ends);
        }
    }

    /** A negative timeout only checks: wait returns at once, empty when nothing is ready and the ready object otherwise. */
    @Test
    @Checks("multiprocessing.connection.wait/negative-timeout-is-zero")
    void negativeTimeoutChecks(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe(false);
        try {
            Connection r = ends.get(0);
            AtomicReference<List<Object>> ready = new AtomicReference<>();
            h.assertPrompt(h.time(() -> ready.set(mp.wait(List.of(r), -1.0))));
            assertEquals(List.of(), ready.get());
            ends.get(1).send("x");
            h.poll("wait(-1) reporting the connection with data", () -> !mp.wait(List.of(r), -1.0).isEmpty());
            assertReady(List.of(r), mp.wait(List.of(r), -1.0));
        } finally {
            closeAll(ends);
        }
    }

    /** wait(list, None) in a thread waits while nothing is ready and returns the connection once another thread sends. */
    @Test
    @Checks("multiprocessing.connection.wait/none-waits-forever")
    void noneWaitsForever(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe(false);
        AtomicReference<List<Object>> ready = new AtomicReference<>();
        try {
            Connection r = ends.get(0);
            Thread t = h.start("waiter", () -> ready.set(mp.wait(List.of(r), null)));
            try {
                h.awaitBlocked(t);
                assertEquals(null, ready.get(), "wait(None) returned with nothing ready");
            } finally {
                ends.get(1).send("wake");
            }
            h.join(t);
            assertReady(List.of(r), ready.get());
        } finally {
            closeAll(ends);
        }
    }

    /** A connection whose other end was closed without sending anything is ready. */
    @Test
    @Checks("multiprocessing.connection.wait/ready-on-data-or-eof")
    void readyAtEof(MultiprocessingModule mp) {
        List<Connection> ends = mp.pipe(false);
        List<Connection> other = mp.pipe(false);
        try {
            Connection r = ends.get(0);
            ends.get(1).close();
            assertReady(List.of(r), mp.wait(List.of(r, other.get(0)), Timing.LONG));
        } finally {
            closeAll(ends);
            closeAll(other);
        }
    }

    /** A process sentinel in the list is ready once its process has ended, and not while it runs. */
    @Test
    @Checks("multiprocessing.connection.wait/accepts-sentinels-and-sockets")
    void sentinelReadyWhenProcessEnds(MultiprocessingModule mp, Harness h) {
        List<Connection> ends = mp.pipe(false);
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, ends.get(0));
            long sentinel = p.sentinel();
            List<Object> objects = new ArrayList<>(List.of(sentinel));
            double took = h.time(() -> assertEquals(List.of(), mp.wait(objects, Timing.SHORT), "the child is waiting for a message"));
            h.assertTimedOut(took, Timing.SHORT);
            ends.get(1).send("end");
            assertReady(List.of(sentinel), mp.wait(objects, Timing.LONG));
            assertEquals(0L, Procs.joined(p));
        } finally {
            closeAll(ends);
        }
    }
}
