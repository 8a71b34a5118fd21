package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.Kids.asLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.multiprocessing.Kids.Duplex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Cases for the life of a {@code multiprocessing.Process}: join, is_alive, exitcode, sentinel, interrupt,
 * terminate, kill and close. A child that must still be running waits in {@code wait_message} on a pipe the case
 * holds the other end of (or, where the case must know the routine is already running, holds a lock and says so);
 * whether a child has ended is read from {@code /proc} where the case must not call the API under test.
 */
@PyCase
class ProcessLifecycleCases {
    private static final long SIGTERM = 15;
    private static final long SIGKILL = 9;

    /**
     * join(timeout) on a child that keeps running returns after about timeout seconds, and exitcode is still
     * None and is_alive() still True.
     */
    @Test
    @Checks("multiprocessing.Process.join/timeout-returns-none")
    void joinTimeoutReturnsWhileRunning(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            long t0 = h.now();
            p.join(Timing.SHORT);
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertNull(p.exitcode(), "the child is still running");
            assertTrue(p.isAlive());
            Kids.release(pipe);
            assertEquals(0L, Procs.joined(p));
        }
    }

    /**
     * join() without a timeout returns only once the child has ended (exitcode is set when it returns), and a
     * second join of the ended child returns at once.
     */
    @Test
    @Checks({"multiprocessing.Process.join/waits-for-exit", "multiprocessing.Process.join/returns-none-on-exit",
        "multiprocessing.Process.join/repeatable"})
    void joinWaitsForExit(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            AtomicReference<Long> seen = new AtomicReference<>();
            Thread joiner = h.start("join", () -> {
                p.join();
                seen.set(p.exitcode());
            });
            Kids.release(pipe);
            h.join(joiner);
            assertEquals(0L, seen.get(), "exitcode when join() returned");
            h.assertPrompt(h.time(p::join));
            h.assertPrompt(h.time(() -> p.join(Timing.LONG)));
            assertEquals(0L, p.exitcode());
        }
    }

    /** Joining a process that was never started is an error, not a wait. */
    @Test
    @Checks("multiprocessing.Process.join/before-start-is-error")
    void joinBeforeStartIsError(MultiprocessingModule mp) {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
        assertThrows(PyException.class, () -> p.join(Timing.LONG));
        assertNull(p.pid());
    }

    /** CPython refuses current_process().join() with AssertionError. */
    @Test
    @Checks("multiprocessing.Process.join/self-join-is-error")
    void selfJoinIsError(MultiprocessingModule mp) {
        assertThrows(PyAssertionError.class, () -> mp.currentProcess().join(Timing.LONG));
    }

    /**
     * On a started, running child CPython: gives ident equal to pid (None for both before start); refuses a second
     * start() and assigning daemon with AssertionError; returns at once from join(-1).
     */
    @Test
    @Checks({"multiprocessing.Process.pid/ident-same-as-pid", "multiprocessing.Process.start/second-start-raises",
        "multiprocessing.Process.daemon/set-after-start-raises", "multiprocessing.Process.join/negative-timeout-returns-at-once"})
    void startedProcessDetails(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.track(mp.process(ProcessOptions.of(mp.routine(Routine.WAIT_MESSAGE), pipe.theirs)));
            assertNull(p.ident());
            p.start();
            assertEquals(p.pid(), p.ident());
            assertNotNull(p.ident());
            assertThrows(PyAssertionError.class, p::start);
            assertThrows(PyAssertionError.class, () -> p.setDaemon(true));
            assertFalse(p.isDaemon());
            h.assertPrompt(h.time(() -> p.join(-1.0)));
            assertNull(p.exitcode());
            Kids.release(pipe);
            assertEquals(0L, Procs.joined(p));
        }
    }

    /**
     * Once a child has ended (it is a zombie or gone in /proc), is_alive() is False without any join, and after
     * that call the child has been reaped (no zombie left) and its exitcode is 0.
     */
    @Test
    @Checks({"multiprocessing.Process.is_alive/false-after-exit", "multiprocessing.Process.is_alive/joins-finished-process"})
    void isAliveFalseAfterExitAndReaps(MultiprocessingModule mp, Harness h) {
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.NOOP);
            long pid = p.pid();
            Kids.awaitEnded(h, mp, p);
            assertFalse(p.isAlive());
            assertTrue(Kids.reaped(pid), "is_alive() should have reaped the finished child " + pid);
            assertEquals(0L, p.exitcode());
        }
    }

    /** A child whose target returns normally has exitcode 0. */
    @Test
    @Checks("multiprocessing.Process.exitcode/zero-on-normal-return")
    void exitcodeZeroOnReturn(MultiprocessingModule mp) {
        try (Procs procs = new Procs()) {
            assertEquals(0L, Procs.joined(procs.start(mp, mp, Routine.IDENTITY, 5L)));
        }
    }

    /** A child that calls sys.exit(3) has exitcode 3. */
    @Test
    @Checks("multiprocessing.Process.exitcode/sys-exit-code")
    void exitcodeFromSysExit(MultiprocessingModule mp) {
        try (Procs procs = new Procs()) {
            assertEquals(3L, Procs.joined(procs.start(mp, mp, Routine.EXIT, 3L)));
        }
    }

    /** A child whose target raises (ValueError) has exitcode 1. */
    @Test
    @Checks("multiprocessing.Process.exitcode/uncaught-exception-is-one")
    void exitcodeOneOnException(MultiprocessingModule mp) {
        try (Procs procs = new Procs()) {
            assertEquals(1L, Procs.joined(procs.start(mp, mp, Routine.FAIL, "pyconc: expected failure in a child")));
        }
    }

    /** In CPython sys.exit(None) in the child gives exitcode 0 and sys.exit('text') gives 1. */
    @Test
    @Checks("multiprocessing.Process.exitcode/sys-exit-non-int")
    void exitcodeFromNonIntSysExit(MultiprocessingModule mp) {
        try (Procs procs = new Procs()) {
            PyProcess none = procs.start(mp, ProcessOptions.of(mp.routine(Routine.EXIT), (Object) null));
            PyProcess text = procs.start(mp, mp, Routine.EXIT, "pyconc: expected exit message");
            assertEquals(0L, Procs.joined(none));
            assertEquals(1L, Procs.joined(text));
        }
    }

    /** terminate() ends a running child by SIGTERM: its exitcode is -15. */
    @Test
    @Checks({"multiprocessing.Process.terminate/sigterm-exitcode", "multiprocessing.Process.exitcode/negative-signal"})
    void terminateGivesMinusSigterm(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            p.terminate();
            assertEquals(-SIGTERM, Procs.joined(p));
        }
    }

    /** kill() ends a running child by SIGKILL: its exitcode is -9. */
    @Test
    @Checks("multiprocessing.Process.kill/sigkill-exitcode")
    void killGivesMinusSigkill(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            p.kill();
            assertEquals(-SIGKILL, Procs.joined(p));
        }
    }

    /**
     * interrupt() on a child that is running its target (it holds a lock and said so) raises KeyboardInterrupt
     * there, which it does not catch: exitcode 1.
     */
    @Test
    @Checks("multiprocessing.Process.interrupt/sigint-keyboardinterrupt")
    void interruptRaisesKeyboardInterrupt(MultiprocessingModule mp) {
        Lock lock = mp.lock();
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.HOLD_LOCK, lock, pipe.theirs);
            assertEquals("acquired", Procs.next(pipe.mine));
            p.interrupt();
            assertEquals(1L, Procs.joined(p));
        }
    }

    /**
     * sentinel is a file descriptor that connection.wait does not report while the child runs and reports once it
     * has ended.
     */
    @Test
    @Checks({"multiprocessing.Process.sentinel/ready-when-process-ends", "multiprocessing.Process.sentinel/posix-file-descriptor"})
    void sentinelReadyWhenProcessEnds(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            long s = p.sentinel();
            assertTrue(s >= 0, "a file descriptor: " + s);
            assertEquals(List.of(), mp.wait(List.of(s), 0.0), "not ready while the child runs");
            Kids.release(pipe);
            List<Object> ready = mp.wait(List.of(s), Timing.LONG);
            assertEquals(1, ready.size(), "the sentinel should be ready once the child ended: " + ready);
            assertEquals(s, asLong(ready.get(0)));
            assertEquals(0L, Procs.joined(p));
        }
    }

    /** CPython raises ValueError when sentinel is read before start(). */
    @Test
    @Checks("multiprocessing.Process.sentinel/before-start-raises")
    void sentinelBeforeStartRaises(MultiprocessingModule mp) {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
        assertThrows(ValueError.class, p::sentinel);
    }

    /** close() on a running child raises ValueError and leaves it running. */
    @Test
    @Checks("multiprocessing.Process.close/running-raises-valueerror")
    void closeRunningRaises(MultiprocessingModule mp) {
        try (Procs procs = new Procs(); Duplex pipe = new Duplex(mp)) {
            PyProcess p = procs.start(mp, mp, Routine.WAIT_MESSAGE, pipe.theirs);
            assertThrows(ValueError.class, p::close);
            assertTrue(p.isAlive(), "the child must still run after the refused close()");
            Kids.release(pipe);
            assertEquals(0L, Procs.joined(p));
        }
    }

    /**
     * close() returns on an ended child and on a never-started process; after it pid, ident, exitcode, sentinel,
     * is_alive(), join() and terminate() raise ValueError.
     */
    @Test
    @Checks({"multiprocessing.Process.close/releases-finished-process",
        "multiprocessing.Process.close/most-uses-raise-valueerror-after"})
    void closeEndedThenUsesRaise(MultiprocessingModule mp) {
        mp.process(ProcessOptions.of(mp.routine(Routine.NOOP))).close();
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(mp, mp, Routine.NOOP);
            assertEquals(0L, Procs.joined(p));
            p.close();
            List<String> notRaising = new ArrayList<>();
            List<Object[]> uses = List.of(new Object[] {"pid", (Executable) p::pid},
                    new Object[] {"ident", (Executable) p::ident}, new Object[] {"exitcode", (Executable) p::exitcode},
                    new Object[] {"sentinel", (Executable) p::sentinel}, new Object[] {"is_alive()", (Executable) p::isAlive},
                    new Object[] {"join()", (Executable) () -> p.join(Timing.LONG)},
                    new Object[] {"terminate()", (Executable) p::terminate});
            for (Object[] use : uses) {
                try {
                    ((Executable) use[1]).execute();
                    notRaising.add((String) use[0]);
                } catch (ValueError expected) {
                    // as promised
                } catch (Throwable other) {
                    if (other instanceof dev.pyconc.spi.AdapterFailure f) {
                        throw f;
                    }
                    notRaising.add(use[0] + " (" + other + ")");
                }
            }
            assertEquals(List.of(), notRaising, "these did not raise ValueError after close()");
        }
    }

    /** In CPython name, daemon and authkey can be read after close(), and a second close() does nothing. */
    @Test
    @Checks("multiprocessing.Process.close/some-attributes-survive")
    void closedProcessKeepsSomeAttributes(MultiprocessingModule mp) {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)).withName("closed-one").withDaemon(true));
        PyBytes key = p.getAuthkey();
        p.close();
        assertEquals("closed-one", p.getName());
        assertTrue(p.isDaemon());
        assertEquals(key, p.getAuthkey());
        p.close();
    }
}
