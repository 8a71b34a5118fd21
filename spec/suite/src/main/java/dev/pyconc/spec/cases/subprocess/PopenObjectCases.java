package dev.pyconc.spec.cases.subprocess;

import static dev.pyconc.spec.cases.subprocess.Children.b;
import static dev.pyconc.spec.cases.subprocess.Children.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cases for Popen objects: poll, wait, communicate, signals, attributes and the with statement. */
@PyCase
class PopenObjectCases {
    private static final PopenOptions NOTHING_IN = PopenOptions.defaults().stdin(Redirect.DEVNULL);
    private static final PopenOptions WAITING = PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.DEVNULL);

    /**
     * returncode is None and poll() returns None while the child waits for a line; after the line, poll()
     * eventually returns the status and returncode holds it.
     */
    @Test
    @Checks({"subprocess.Popen.poll/none-while-running", "subprocess.Popen.poll/sets-returncode-after-exit",
        "subprocess.Popen.returncode/none-until-seen"})
    void pollAndReturncode(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(sh("read x; exit 6"), WAITING);
            assertNull(p.returncode());
            assertNull(p.poll());
            assertNull(p.returncode());
            p.stdin().write(b("\n"));
            p.stdin().flush();
            Popen pp = p;
            h.poll("poll() to see the child exit", () -> pp.poll() != null);
            assertEquals(6L, p.poll());
            assertEquals(6L, p.returncode());
        } finally {
            Children.end(p);
        }
    }

    /** wait() returns the status once the child is done and stores it in returncode. */
    @Test
    @Checks("subprocess.Popen.wait/returns-and-sets-returncode")
    void waitReturnsStatus(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(sh("exit 5"), NOTHING_IN);
            Popen pp = p;
            assertEquals(5L, (long) Children.within(h, "wait()", pp::await));
            assertEquals(5L, p.returncode());
        } finally {
            Children.end(p);
        }
    }

    /**
     * wait(timeout) on a running child raises TimeoutExpired no earlier than the timeout and leaves the child
     * running; a later wait collects it.
     */
    @Test
    @Checks("subprocess.Popen.wait/timeout-raises-and-may-retry")
    void waitTimeoutThenRetry(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), WAITING);
            Popen pp = p;
            long t0 = h.now();
            assertThrows(TimeoutExpired.class, () -> pp.await(Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertNull(p.poll(), "the child should still be running after the timeout");
            assertNull(p.returncode());
            p.stdin().close();
            assertEquals(0L, p.await(Timing.LONG));
        } finally {
            Children.end(p);
        }
    }

    /** communicate(input) feeds stdin and closes it, reads both outputs, waits and sets returncode. */
    @Test
    @Checks("subprocess.Popen.communicate/sends-input-reads-output-waits")
    void communicateBasics(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(sh("cat; printf err >&2; exit 3"), PopenOptions.defaults().stdin(Redirect.PIPE)
                    .stdout(Redirect.PIPE).stderr(Redirect.PIPE));
            PyTuple r = p.communicate(b("data"), Timing.LONG);
            assertEquals(List.of(b("data"), b("err")), r);
            assertEquals(3L, p.returncode());
        } finally {
            Children.end(p);
        }
    }

    /** In text mode communicate takes and returns str; in binary mode bytes. */
    @Test
    @Checks("subprocess.Popen.communicate/data-type-follows-mode")
    void communicateTypes(SubprocessModule sm) {
        Popen p = null;
        Popen q = null;
        try {
            PopenOptions o = PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE).stderr(Redirect.PIPE);
            p = sm.popen(sh("cat; printf err >&2"), o.text(true));
            assertEquals(List.of("data", "err"), p.communicate("data", Timing.LONG));
            q = sm.popen(sh("cat; printf err >&2"), o);
            assertEquals(List.of(b("data"), b("err")), q.communicate(b("data"), Timing.LONG));
        } finally {
            Children.end(p);
            Children.end(q);
        }
    }

    /** A stream not opened with PIPE gives None in communicate's result. */
    @Test
    @Checks("subprocess.Popen.communicate/none-for-unpiped-streams")
    void communicateNoneForUnpiped(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(sh("echo out; echo err >&2"), NOTHING_IN.stdout(Redirect.DEVNULL).stderr(Redirect.PIPE));
            PyTuple r = p.communicate(null, Timing.LONG);
            assertNull(r.get(0));
            assertEquals(b("err\n"), r.get(1));
        } finally {
            Children.end(p);
        }
    }

    /**
     * communicate(timeout) raises TimeoutExpired no earlier than the timeout and leaves the child running; after
     * the child gets end of file, a second communicate returns everything, the part written before the timeout
     * included.
     */
    @Test
    @Checks("subprocess.Popen.communicate/timeout-keeps-child-and-output")
    void communicateTimeoutKeepsOutput(SubprocessModule sm, Harness h) {
        Os os = sm.os();
        long[] fds = Children.pipe(os);
        Popen p = null;
        try {
            p = sm.popen(sh("echo before; exec cat"), PopenOptions.defaults().stdin(fds[0]).stdout(Redirect.PIPE));
            Popen pp = p;
            long t0 = h.now();
            assertThrows(TimeoutExpired.class, () -> pp.communicate(null, Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertNull(p.poll(), "the timeout must not end the child");
            os.write(fds[1], b("after\n"));
            os.close(fds[1]);
            PyTuple r = p.communicate(null, Timing.LONG);
            assertEquals(b("before\nafter\n"), r.get(0));
            assertNull(r.get(1));
            assertEquals(0L, p.returncode());
        } finally {
            Children.close(os, fds);
            Children.end(p);
        }
    }

    /** The docs' recipe: after a timeout, kill() and communicate() again give the output so far and -SIGKILL. */
    @Test
    @Checks("subprocess.Popen.communicate/kill-then-communicate")
    void killThenCommunicate(SubprocessModule sm, Harness h) {
        Os os = sm.os();
        long[] fds = Children.pipe(os);
        Popen p = null;
        try {
            p = sm.popen(sh("echo early; exec cat"), PopenOptions.defaults().stdin(fds[0]).stdout(Redirect.PIPE));
            Popen pp = p;
            assertThrows(TimeoutExpired.class, () -> pp.communicate(null, Timing.SHORT));
            p.kill();
            PyTuple r = p.communicate(null, Timing.LONG);
            assertEquals(b("early\n"), r.get(0));
            assertEquals((long) -Signals.SIGKILL, p.returncode());
        } finally {
            Children.close(os, fds);
            Children.end(p);
        }
    }

    /**
     * A child that writes 3 MB to stderr, echoes 3 MB of input to stdout, then writes 3 MB more to stderr
     * finishes under communicate, and every byte arrives.
     */
    @Test
    @Checks("subprocess.Popen.communicate/large-output-no-deadlock")
    void largeDataNoDeadlock(SubprocessModule sm, Harness h) {
        int n = 3_000_000;
        byte[] in = new byte[n];
        new Random(h.random().nextLong()).nextBytes(in);
        Popen p = null;
        try {
            p = sm.popen(sh("head -c " + n + " /dev/zero >&2; cat; head -c " + n + " /dev/zero >&2"),
                    PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE).stderr(Redirect.PIPE));
            PyTuple r = p.communicate(PyBytes.of(in), Timing.LONG * 3);
            PyBytes out = (PyBytes) r.get(0);
            PyBytes err = (PyBytes) r.get(1);
            assertEquals(n, out.size());
            assertTrue(Arrays.equals(in, out.toByteArray()), "stdout differs from the input");
            assertEquals(PyBytes.of(new byte[2 * n]), err);
            assertEquals(0L, p.returncode());
        } finally {
            Children.end(p);
        }
    }

    /** send_signal(SIGUSR1) ends a running cat, whose returncode is then -SIGUSR1. */
    @Test
    @Checks("subprocess.Popen.send_signal/delivers-signal")
    void sendSignal(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), WAITING);
            p.sendSignal(Signals.SIGUSR1);
            assertEquals((long) -Signals.SIGUSR1, p.await(Timing.LONG));
        } finally {
            Children.end(p);
        }
    }

    /** After the child exited and wait() collected it, send_signal raises nothing and changes nothing. */
    @Test
    @Checks("subprocess.Popen.send_signal/noop-after-exit")
    void sendSignalAfterExit(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("true"), NOTHING_IN);
            assertEquals(0L, p.await(Timing.LONG));
            p.sendSignal(Signals.SIGTERM);
            p.sendSignal(Signals.SIGKILL);
            assertEquals(0L, p.returncode());
            assertEquals(0L, p.poll());
        } finally {
            Children.end(p);
        }
    }

    /** terminate() ends a running cat with SIGTERM: returncode -15. */
    @Test
    @Checks("subprocess.Popen.terminate/sends-sigterm")
    void terminate(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), WAITING);
            p.terminate();
            assertEquals((long) -Signals.SIGTERM, p.await(Timing.LONG));
        } finally {
            Children.end(p);
        }
    }

    /** kill() ends a running cat with SIGKILL: returncode -9. */
    @Test
    @Checks("subprocess.Popen.kill/sends-sigkill")
    void kill(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), WAITING);
            p.kill();
            assertEquals((long) -Signals.SIGKILL, p.await(Timing.LONG));
        } finally {
            Children.end(p);
        }
    }

    /** A child killed by a signal has returncode -N; one that exits 143 has returncode 143. */
    @Test
    @Checks("subprocess.Popen.returncode/negative-signal")
    void returncodeSignalVersusStatus(SubprocessModule sm) {
        Popen p = null;
        Popen q = null;
        try {
            p = sm.popen(sh("kill -TERM $$"), NOTHING_IN);
            assertEquals((long) -Signals.SIGTERM, p.await(Timing.LONG));
            assertEquals((long) -Signals.SIGTERM, p.returncode());
            q = sm.popen(sh("exit 143"), NOTHING_IN);
            assertEquals(143L, q.await(Timing.LONG));
        } finally {
            Children.end(p);
            Children.end(q);
        }
    }

    /** Popen.args is the args given, a list or a string. */
    @Test
    @Checks("subprocess.Popen.args/as-given")
    void argsAsGiven(SubprocessModule sm) {
        Popen p = null;
        Popen q = null;
        try {
            List<String> args = List.of("sh", "-c", "exit 0");
            p = sm.popen(args, NOTHING_IN);
            assertEquals(args, p.args());
            q = sm.popen("true", NOTHING_IN);
            assertEquals("true", q.args());
        } finally {
            Children.end(p);
            Children.end(q);
        }
    }

    /** Closing the stdin stream gives the child end of file: cat exits with 0. */
    @Test
    @Checks("subprocess.Popen.stdin/close-gives-eof")
    void closingStdinGivesEof(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), WAITING);
            p.stdin().write(b("some input\n"));
            p.stdin().close();
            assertTrue(p.stdin().closed());
            assertEquals(0L, p.await(Timing.LONG));
        } finally {
            Children.end(p);
        }
    }

    /** pid is the child's own process id ($$ in the child). */
    @Test
    @Checks("subprocess.Popen.pid/child-process-id")
    void pidIsChilds(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(sh("echo $$"), NOTHING_IN.stdout(Redirect.PIPE));
            assertEquals(b(p.pid() + "\n"), p.communicate(null, Timing.LONG).get(0));
        } finally {
            Children.end(p);
        }
    }

    /** With shell=True, pid is the shell's ($$ in the command line). */
    @Test
    @Checks("subprocess.Popen.pid/shell-pid")
    void pidIsShells(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen("echo $$; true", NOTHING_IN.stdout(Redirect.PIPE).shell(true));
            assertEquals(b(p.pid() + "\n"), p.communicate(null, Timing.LONG).get(0));
        } finally {
            Children.end(p);
        }
    }

    /**
     * Leaving a with block closes the pipes (stdin too, so cat, which has nothing to echo, sees end of file and
     * exits 0) and waits: returncode is set and the streams are closed.
     */
    @Test
    @Checks("subprocess.Popen/context-manager-closes-and-waits")
    void withClosesAndWaits(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE));
            Popen pp = p;
            Children.within(h, "the with block to end", () -> {
                pp.with(() -> assertNull(pp.returncode()));
                return null;
            });
            assertEquals(0L, p.returncode());
            assertTrue(p.stdin().closed());
            assertTrue(p.stdout().closed());
        } finally {
            Children.end(p);
        }
    }

    /**
     * A pipeline: the first child's stdout pipe (by its fd) is the second's stdin; once the parent closes its
     * end and head has exited, the endless writer dies of SIGPIPE.
     */
    @Test
    @Checks("subprocess.Popen/pipeline-between-children")
    void pipeline(SubprocessModule sm) {
        Popen p1 = null;
        Popen p2 = null;
        try {
            p1 = sm.popen(List.of("yes"), NOTHING_IN.stdout(Redirect.PIPE));
            p2 = sm.popen(List.of("head", "-n", "2"), PopenOptions.defaults().stdin(p1.stdout().fileno())
                    .stdout(Redirect.PIPE));
            p1.stdout().close();
            assertEquals(b("y\ny\n"), p2.communicate(null, Timing.LONG).get(0));
            assertEquals((long) -Signals.SIGPIPE, p1.await(Timing.LONG));
        } finally {
            Children.end(p2);
            Children.end(p1);
        }
    }
}
