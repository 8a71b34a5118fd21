package dev.pyconc.spec.cases.subprocess;

import static dev.pyconc.spec.cases.subprocess.Children.b;
import static dev.pyconc.spec.cases.subprocess.Children.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases for subprocess's exceptions as the module raises them: their classes (read from
 * {@link dev.pyconc.spi.exceptions.BaseException#pythonMro()}, the interpreter's real MRO for an interpreter's
 * exception) and their attributes.
 */
@PyCase
class SubprocessExceptionCases {
    private static final PopenOptions NOTHING_IN = PopenOptions.defaults().stdin(Redirect.DEVNULL);

    /** TimeoutExpired and CalledProcessError, as raised, are SubprocessErrors and Exceptions. */
    @Test
    @Checks({"subprocess.SubprocessError/base-of-module-exceptions", "subprocess.CalledProcessError/raised-for-nonzero-status"})
    void hierarchy(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.DEVNULL));
            Popen pp = p;
            TimeoutExpired t = assertThrows(TimeoutExpired.class, () -> pp.await(Timing.SHORT));
            assertEquals("subprocess.TimeoutExpired", t.pythonName());
            assertTrue(t.pythonMro().contains("subprocess.SubprocessError"), t.pythonMro().toString());
            assertTrue(t.pythonMro().contains("builtins.Exception"), t.pythonMro().toString());
        } finally {
            Children.end(p);
        }
        for (Runnable failing : List.<Runnable>of(() -> sm.checkCall(sh("exit 1"), NOTHING_IN),
                () -> sm.checkOutput(sh("exit 1"), NOTHING_IN), () -> sm.run(sh("exit 1"), NOTHING_IN.check(true)))) {
            CalledProcessError c = assertThrows(CalledProcessError.class, failing::run);
            assertEquals("subprocess.CalledProcessError", c.pythonName());
            assertTrue(c.pythonMro().contains("subprocess.SubprocessError"), c.pythonMro().toString());
            assertTrue(c.pythonMro().contains("builtins.Exception"), c.pythonMro().toString());
        }
    }

    /** A timed-out wait's TimeoutExpired has cmd = the args given and timeout = the seconds given. */
    @Test
    @Checks("subprocess.TimeoutExpired/raised-with-cmd-and-timeout")
    void timeoutExpiredAttributes(SubprocessModule sm) {
        Popen p = null;
        try {
            List<String> args = List.of("cat", "-");
            p = sm.popen(args, PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.DEVNULL));
            Popen pp = p;
            TimeoutExpired t = assertThrows(TimeoutExpired.class, () -> pp.await(Timing.SHORT));
            assertEquals(args, t.cmd());
            assertEquals(Timing.SHORT, t.timeout(), 1e-9);
        } finally {
            Children.end(p);
        }
    }

    /**
     * After run's timeout in text mode, TimeoutExpired's output and stderr are bytes (never str) holding what
     * the child had written, or None if nothing had been read; stdout is the same value as output. (The timeout
     * is MEDIUM so that the output is normally read before it passes.)
     */
    @Test
    @Checks({"subprocess.TimeoutExpired.output/bytes-when-captured", "subprocess.TimeoutExpired.stdout/alias-of-output",
        "subprocess.TimeoutExpired.stderr/bytes-when-captured"})
    void timeoutExpiredOutputIsBytes(SubprocessModule sm) {
        long[] fds = Children.pipe(sm.os());
        try {
            TimeoutExpired t = assertThrows(TimeoutExpired.class, () -> sm.run(sh("printf partial; printf err >&2; exec cat"),
                    PopenOptions.defaults().stdin(fds[0]).captureOutput(true).text(true).timeout(Timing.MEDIUM)));
            assertTrue(t.output() == null || t.output().equals(b("partial")), "output: " + t.output());
            assertTrue(t.stderr() == null || t.stderr().equals(b("err")), "stderr: " + t.stderr());
            assertEquals(t.output(), t.stdout());
            assertFalse(t.output() instanceof String || t.stderr() instanceof String, "text mode must not make them str");
        } finally {
            Children.close(sm.os(), fds[1], fds[0]);
        }
    }

    /** CalledProcessError.returncode is the exit status, or -N for a child killed by signal N. */
    @Test
    @Checks("subprocess.CalledProcessError.returncode/status-or-negative-signal")
    void calledProcessErrorReturncode(SubprocessModule sm) {
        assertEquals(7L, assertThrows(CalledProcessError.class, () -> sm.checkCall(sh("exit 7"), NOTHING_IN)).returncode());
        assertEquals((long) -Signals.SIGTERM, assertThrows(CalledProcessError.class,
                () -> sm.checkCall(sh("kill -TERM $$"), NOTHING_IN)).returncode());
    }

    /** CalledProcessError.cmd is the args given, list or string. */
    @Test
    @Checks("subprocess.CalledProcessError.cmd/args-as-given")
    void calledProcessErrorCmd(SubprocessModule sm) {
        List<String> args = sh("exit 1");
        assertEquals(args, assertThrows(CalledProcessError.class, () -> sm.checkCall(args, NOTHING_IN)).cmd());
        assertEquals("exit 2", assertThrows(CalledProcessError.class,
                () -> sm.checkCall("exit 2", NOTHING_IN.shell(true))).cmd());
    }

    /** output holds stdout captured by check_output or run, and is None from check_call. */
    @Test
    @Checks("subprocess.CalledProcessError.output/captured-or-none")
    void calledProcessErrorOutput(SubprocessModule sm) {
        List<String> args = sh("printf o; exit 1");
        assertEquals(b("o"), assertThrows(CalledProcessError.class, () -> sm.checkOutput(args, NOTHING_IN)).output());
        assertEquals(b("o"), assertThrows(CalledProcessError.class,
                () -> sm.run(args, NOTHING_IN.captureOutput(true).check(true))).output());
        assertNull(assertThrows(CalledProcessError.class,
                () -> sm.checkCall(args, NOTHING_IN.stdout(Redirect.DEVNULL))).output());
    }

    /** stdout is the same value as output. */
    @Test
    @Checks("subprocess.CalledProcessError.stdout/alias-of-output")
    void calledProcessErrorStdoutAlias(SubprocessModule sm) {
        CalledProcessError e = assertThrows(CalledProcessError.class, () -> sm.checkOutput(sh("printf o; exit 1"), NOTHING_IN));
        assertEquals(b("o"), e.stdout());
        assertEquals(e.output(), e.stdout());
    }

    /** stderr holds what run captured from stderr, and is None when stderr was not captured. */
    @Test
    @Checks("subprocess.CalledProcessError.stderr/captured-or-none")
    void calledProcessErrorStderr(SubprocessModule sm) {
        List<String> args = sh("printf e >&2; exit 1");
        assertEquals(b("e"), assertThrows(CalledProcessError.class,
                () -> sm.run(args, NOTHING_IN.captureOutput(true).check(true))).stderr());
        assertNull(assertThrows(CalledProcessError.class,
                () -> sm.checkOutput(args, NOTHING_IN.stderr(Redirect.DEVNULL))).stderr());
        Object text = assertThrows(CalledProcessError.class,
                () -> sm.run(args, NOTHING_IN.captureOutput(true).check(true).text(true))).stderr();
        assertEquals("e", text);
        assertFalse(text instanceof PyBytes);
    }
}
