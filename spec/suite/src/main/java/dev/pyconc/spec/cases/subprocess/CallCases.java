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
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Cases for the older API ({@code call}, {@code check_call}, {@code check_output}) and the legacy shell functions. */
@PyCase
class CallCases {
    private static final PopenOptions NOTHING_IN = PopenOptions.defaults().stdin(Redirect.DEVNULL);

    /** call() returns the child's returncode, non-zero included, without raising. */
    @Test
    @Checks("subprocess.call/returns-returncode")
    void callReturnsReturncode(SubprocessModule sm) {
        assertEquals(0L, sm.call(List.of("true"), NOTHING_IN));
        assertEquals(3L, sm.call(sh("exit 3"), NOTHING_IN));
        assertEquals(1L, sm.call(List.of("false"), NOTHING_IN));
    }

    /** call() with a timeout raises TimeoutExpired, no earlier than the timeout, for a child still waiting. */
    @Test
    @Checks("subprocess.call/timeout-raises")
    void callTimeout(SubprocessModule sm, Harness h) {
        long[] fds = Children.pipe(sm.os());
        try {
            long t0 = h.now();
            assertThrows(TimeoutExpired.class, () -> sm.call(List.of("cat"), PopenOptions.defaults().stdin(fds[0])
                    .stdout(Redirect.DEVNULL).timeout(Timing.SHORT)));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        } finally {
            Children.close(sm.os(), fds[1], fds[0]);
        }
    }

    /** call() passes cwd and env through to Popen. */
    @Test
    @Checks("subprocess.call/passes-arguments-to-popen")
    void callPassesArguments(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Path out = dir.resolve("out");
            assertEquals(0L, sm.call(List.of("/bin/sh", "-c", "pwd > out; echo \"$A\" >> out"),
                    NOTHING_IN.cwd(dir.toString()).env(Map.of("A", "from-env"))));
            assertEquals(dir + "\nfrom-env\n", Children.read(out));
        } finally {
            Children.delete(dir);
        }
    }

    /** call(cmd, shell=True) returns the exit status itself (3, not a wait status) and -N for a signal. */
    @Test
    @Checks("subprocess.call/replaces-os-system")
    void callReplacesSystem(SubprocessModule sm) {
        assertEquals(3L, sm.call("exit 3", NOTHING_IN.shell(true)));
        assertEquals((long) -Signals.SIGTERM, sm.call("kill -TERM $$", NOTHING_IN.shell(true)));
    }

    /**
     * While call() waits for a child, the implementation's SIGINT and SIGQUIT dispositions are what they were
     * before (its SigIgn mask in /proc is unchanged), not ignored as os.system would.
     */
    @Test
    @Checks("subprocess.call/does-not-ignore-sigint")
    void callLeavesSigintAlone(SubprocessModule sm, Harness h) {
        long self = sm.os().getpid();
        long mask = Signals.bit(Signals.SIGINT) | Signals.bit(Signals.SIGQUIT);
        long before = Children.statusMask(self, "SigIgn") & mask;
        long[] fds = Children.pipe(sm.os());
        Path dir = Children.tempDir();
        try {
            Path pidFile = dir.resolve("pid");
            AtomicLong rc = new AtomicLong(Long.MIN_VALUE);
            Thread t = h.start("call", () -> rc.set(sm.call(sh("echo $$ > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"; exec cat",
                    pidFile.toString()), PopenOptions.defaults().stdin(fds[0]).stdout(Redirect.DEVNULL))));
            try {
                h.poll("the child of call() to start", () -> Files.exists(pidFile));
                assertEquals(before, Children.statusMask(self, "SigIgn") & mask, "SIGINT/SIGQUIT ignored during call()");
            } finally {
                Children.close(sm.os(), fds[1]);
            }
            h.join(t);
            assertEquals(0L, rc.get());
        } finally {
            Children.close(sm.os(), fds[1], fds[0]);
            Children.delete(dir);
        }
    }

    /** check_call() returns 0 for a child that exits 0. */
    @Test
    @Checks("subprocess.check_call/zero-returns-zero")
    void checkCallZero(SubprocessModule sm) {
        assertEquals(0L, sm.checkCall(List.of("true"), NOTHING_IN));
    }

    /** check_call() raises CalledProcessError with the status, and output None. */
    @Test
    @Checks("subprocess.check_call/nonzero-raises")
    void checkCallNonzero(SubprocessModule sm) {
        CalledProcessError e = assertThrows(CalledProcessError.class, () -> sm.checkCall(sh("exit 9"), NOTHING_IN));
        assertEquals(9L, e.returncode());
        assertNull(e.output());
    }

    /** check_call() lets the error of starting a missing program through. */
    @Test
    @Checks("subprocess.check_call/start-failure-propagates")
    void checkCallStartFailure(SubprocessModule sm) {
        FileNotFoundError e = assertThrows(FileNotFoundError.class,
                () -> sm.checkCall(List.of("/nonexistent/pyconc-prog"), NOTHING_IN));
        assertEquals(2L, e.errno());
    }

    /** check_output() returns the child's stdout as bytes. */
    @Test
    @Checks("subprocess.check_output/returns-stdout")
    void checkOutputReturnsStdout(SubprocessModule sm) {
        assertEquals(b("out\n"), sm.checkOutput(sh("echo out; echo err >&2"), NOTHING_IN.stderr(Redirect.DEVNULL)));
    }

    /** A non-zero status raises CalledProcessError with the status and the output. */
    @Test
    @Checks("subprocess.check_output/nonzero-raises-with-output")
    void checkOutputNonzero(SubprocessModule sm) {
        CalledProcessError e = assertThrows(CalledProcessError.class, () -> sm.checkOutput(sh("echo partial; exit 4"), NOTHING_IN));
        assertEquals(4L, e.returncode());
        assertEquals(b("partial\n"), e.output());
    }

    /** A stdout argument to check_output raises ValueError. */
    @Test
    @Checks("subprocess.check_output/stdout-argument-refused")
    void checkOutputRefusesStdout(SubprocessModule sm) {
        assertThrows(ValueError.class, () -> sm.checkOutput(List.of("true"), NOTHING_IN.stdout(Redirect.PIPE)));
    }

    /** input given to check_output reaches the child's stdin. */
    @Test
    @Checks("subprocess.check_output/input-argument")
    void checkOutputInput(SubprocessModule sm) {
        assertEquals(b("fed"), sm.checkOutput(List.of("cat"), PopenOptions.defaults().input(b("fed")).timeout(Timing.LONG)));
    }

    /** input=None gives the child an empty stdin: cat returns b'' at once instead of reading the parent's stdin. */
    @Test
    @Checks("subprocess.check_output/input-none-is-empty")
    void checkOutputInputNone(SubprocessModule sm) {
        assertEquals(b(""), sm.checkOutput(List.of("cat"), PopenOptions.defaults().input(null).timeout(Timing.LONG)));
    }

    /** With text=True or an encoding, check_output returns str, decoded and with newlines translated. */
    @Test
    @Checks("subprocess.check_output/text-mode")
    void checkOutputText(SubprocessModule sm) {
        assertEquals("a\nb\n", sm.checkOutput(List.of("printf", "a\\r\\nb\\n"), NOTHING_IN.text(true)));
        assertEquals("é", sm.checkOutput(List.of("printf", "\\351"), NOTHING_IN.encoding("latin-1")));
    }

    /** stderr=STDOUT puts the error output into check_output's result. */
    @Test
    @Checks("subprocess.check_output/stderr-stdout-captures-both")
    void checkOutputMerges(SubprocessModule sm) {
        assertEquals(b("oe"), sm.checkOutput(sh("printf o; printf e >&2"), NOTHING_IN.stderr(Redirect.STDOUT)));
    }

    /**
     * check_output with a timeout raises TimeoutExpired no earlier than the timeout; its output, if any, is the
     * bytes written so far.
     */
    @Test
    @Checks("subprocess.check_output/timeout-raises")
    void checkOutputTimeout(SubprocessModule sm, Harness h) {
        long[] fds = Children.pipe(sm.os());
        try {
            long t0 = h.now();
            TimeoutExpired e = assertThrows(TimeoutExpired.class, () -> sm.checkOutput(sh("printf partial; exec cat"),
                    PopenOptions.defaults().stdin(fds[0]).timeout(Timing.SHORT)));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertTrue(e.output() == null || e.output().equals(b("partial")), "output: " + e.output());
        } finally {
            Children.close(sm.os(), fds[1], fds[0]);
        }
    }

    /** check_output(cmd, shell=True) runs a shell pipeline and returns its last command's output. */
    @Test
    @Checks("subprocess.check_output/shell-pipeline")
    void checkOutputShellPipeline(SubprocessModule sm) {
        assertEquals(b("b\n"), sm.checkOutput("printf 'a\\nb\\nc\\n' | grep b", NOTHING_IN.shell(true)));
    }

    /**
     * getstatusoutput returns (exitcode, output): the status as returncode gives it (3, 127 for a missing command,
     * -15 for SIGTERM) and the output as str.
     */
    @Test
    @Checks("subprocess.getstatusoutput/exitcode-and-output")
    void getstatusoutputStatus(SubprocessModule sm) {
        assertEquals(List.of(0L, "hi"), sm.getstatusoutput("echo hi"));
        assertEquals(List.of(3L, ""), sm.getstatusoutput("exit 3"));
        assertEquals(127L, sm.getstatusoutput("pyconc-no-such-command").get(0));
        assertEquals(List.of((long) -Signals.SIGTERM, ""), sm.getstatusoutput("kill $$"));
    }

    /** The output includes stderr, and exactly one trailing newline is removed. */
    @Test
    @Checks("subprocess.getstatusoutput/stderr-included-trailing-newline-stripped")
    void getstatusoutputOutput(SubprocessModule sm) {
        assertEquals(List.of(3L, "a\nb"), sm.getstatusoutput("echo a; echo b >&2; exit 3"));
        assertEquals(List.of(0L, "x\n"), sm.getstatusoutput("printf 'x\\n\\n'"));
        assertEquals(List.of(0L, "x"), sm.getstatusoutput("printf x"));
    }

    /** getstatusoutput's encoding and errors decode the output: latin-1 gives é, errors='replace' gives U+FFFD. */
    @Test
    @Checks("subprocess.getstatusoutput/encoding-and-errors")
    void getstatusoutputEncoding(SubprocessModule sm) {
        assertEquals(List.of(0L, "é"), sm.getstatusoutput("printf '\\351'", "latin-1", null));
        assertEquals(List.of(0L, "a\ufffd"), sm.getstatusoutput("printf 'a\\377'", "utf-8", "replace"));
    }

    /** getoutput returns only the merged output, trailing newline removed, whatever the status. */
    @Test
    @Checks("subprocess.getoutput/output-only")
    void getoutput(SubprocessModule sm) {
        assertEquals("hi", sm.getoutput("echo hi; exit 5"));
        assertEquals("a\nb", sm.getoutput("echo a; echo b >&2"));
    }

    /** getoutput's encoding and errors decode the output. */
    @Test
    @Checks("subprocess.getoutput/encoding-and-errors")
    void getoutputEncoding(SubprocessModule sm) {
        assertEquals("é", sm.getoutput("printf '\\351'", "latin-1", null));
        assertEquals("a\ufffd", sm.getoutput("printf 'a\\377'", "utf-8", "replace"));
    }
}
