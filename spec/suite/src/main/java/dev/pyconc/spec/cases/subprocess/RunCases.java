package dev.pyconc.spec.cases.subprocess;

import static dev.pyconc.spec.cases.subprocess.Children.b;
import static dev.pyconc.spec.cases.subprocess.Children.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases for {@code subprocess.run} and the {@code CompletedProcess} it returns. */
@PyCase
class RunCases {
    private static final PopenOptions NOTHING_IN = PopenOptions.defaults().stdin(Redirect.DEVNULL);
    private static final PopenOptions CAPTURE = NOTHING_IN.captureOutput(true);

    /**
     * run() returns only after the child is done (a file it writes last is complete), with the args as given and
     * the child's exit status, including one above 128.
     */
    @Test
    @Checks({"subprocess.run/waits-and-returns-completed-process", "subprocess.CompletedProcess.args/as-given",
        "subprocess.CompletedProcess.returncode/exit-status"})
    void runWaitsAndReturnsStatus(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Path marker = dir.resolve("marker");
            List<String> args = sh("printf done > \"$1\"; exit 3", marker.toString());
            CompletedProcess cp = sm.run(args, NOTHING_IN);
            assertEquals("done", Children.read(marker), "the child had not finished when run returned");
            assertEquals(3L, cp.returncode());
            assertEquals(args, cp.args());
            assertEquals(0L, sm.run(List.of("true"), NOTHING_IN).returncode());
            assertEquals(143L, sm.run(sh("exit 143"), NOTHING_IN).returncode(), "exit 143 is a status, not a signal");
            CompletedProcess s = sm.run("true", NOTHING_IN);
            assertEquals("true", s.args(), "a string args stays the string");
        } finally {
            Children.delete(dir);
        }
    }

    /** capture_output=True collects stdout and stderr apart; without it both attributes are None. */
    @Test
    @Checks({"subprocess.run/capture-output-pipes-both-streams", "subprocess.CompletedProcess.stdout/captured-or-none",
        "subprocess.CompletedProcess.stderr/captured-or-none"})
    void captureOutputKeepsStreamsApart(SubprocessModule sm) {
        CompletedProcess cp = sm.run(sh("printf out; printf err >&2"), CAPTURE);
        assertEquals(b("out"), cp.stdout());
        assertEquals(b("err"), cp.stderr());
        CompletedProcess none = sm.run(List.of("true"), NOTHING_IN);
        assertNull(none.stdout());
        assertNull(none.stderr());
        CompletedProcess text = sm.run(sh("printf out; printf err >&2"), CAPTURE.text(true));
        assertEquals("out", text.stdout());
        assertEquals("err", text.stderr());
    }

    /** capture_output with stdout or with stderr raises ValueError, and the child never runs. */
    @Test
    @Checks("subprocess.run/capture-output-excludes-stdout-stderr")
    void captureOutputExcludesStreams(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Path marker = dir.resolve("ran");
            List<String> args = sh(": > \"$1\"", marker.toString());
            assertThrows(ValueError.class, () -> sm.run(args, CAPTURE.stdout(Redirect.PIPE)));
            assertThrows(ValueError.class, () -> sm.run(args, CAPTURE.stderr(Redirect.DEVNULL)));
            assertFalse(Files.exists(marker), "a child was started despite the ValueError");
        } finally {
            Children.delete(dir);
        }
    }

    /** stdout=PIPE with stderr=STDOUT gathers both streams in stdout, in order, and leaves stderr None. */
    @Test
    @Checks({"subprocess.run/merge-with-pipe-and-stdout", "subprocess.CompletedProcess.stdout/holds-merged-stderr"})
    void pipeAndStdoutMerge(SubprocessModule sm) {
        CompletedProcess cp = sm.run(sh("printf a; printf b >&2; printf c"),
                NOTHING_IN.stdout(Redirect.PIPE).stderr(Redirect.STDOUT));
        assertEquals(b("abc"), cp.stdout());
        assertNull(cp.stderr());
    }

    /**
     * When run's timeout passes, TimeoutExpired comes no earlier than the timeout and only after the child was
     * killed and reaped: its pid no longer exists.
     */
    @Test
    @Checks("subprocess.run/timeout-kills-waits-then-raises")
    void timeoutKillsAndReaps(SubprocessModule sm, Harness h) {
        long[] fds = Children.pipe(sm.os());
        Path dir = Children.tempDir();
        try {
            Path pidFile = dir.resolve("pid");
            List<String> args = sh("echo $$ > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"; exec cat", pidFile.toString());
            double timeout = Timing.SHORT;
            while (true) {
                double t = timeout;
                long t0 = h.now();
                assertThrows(TimeoutExpired.class, () -> sm.run(args, PopenOptions.defaults().stdin(fds[0])
                        .stdout(Redirect.DEVNULL).timeout(t)));
                h.assertTimedOut(h.secondsSince(t0), t);
                if (Files.exists(pidFile)) {
                    break;
                }
                timeout *= 4;
                if (timeout > Timing.LONG) {
                    fail("the child never got as far as writing its pid");
                }
            }
            long pid = Long.parseLong(Children.read(pidFile).trim());
            assertFalse(Children.exists(pid), "child " + pid + " still exists (not killed, or not reaped) after run raised");
        } finally {
            Children.close(sm.os(), fds[1], fds[0]);
            Children.delete(dir);
        }
    }

    /** input reaches the child's stdin, which is then closed: cat echoes it and exits. */
    @Test
    @Checks("subprocess.run/input-goes-to-stdin")
    void inputReachesStdin(SubprocessModule sm) {
        CompletedProcess cp = sm.run(List.of("cat"), PopenOptions.defaults().input(b("hello\nworld")).captureOutput(true)
                .timeout(Timing.LONG));
        assertEquals(b("hello\nworld"), cp.stdout());
        assertEquals(0L, cp.returncode());
    }

    /** input must be bytes in binary mode (a str raises TypeError) and is a str in text mode. */
    @Test
    @Checks("subprocess.run/input-type-follows-mode")
    void inputTypeFollowsMode(SubprocessModule sm) {
        PopenOptions o = PopenOptions.defaults().captureOutput(true).timeout(Timing.LONG);
        assertThrows(TypeError.class, () -> sm.run(List.of("cat"), o.input("text")));
        assertEquals("text", sm.run(List.of("cat"), o.input("text").text(true)).stdout());
    }

    /** input together with stdin raises ValueError. */
    @Test
    @Checks("subprocess.run/input-excludes-stdin")
    void inputExcludesStdin(SubprocessModule sm) {
        assertThrows(ValueError.class, () -> sm.run(List.of("cat"),
                PopenOptions.defaults().input(b("x")).stdin(Redirect.DEVNULL).timeout(Timing.LONG)));
    }

    /** check=True and a non-zero status raise CalledProcessError with the status, args and captured output. */
    @Test
    @Checks("subprocess.run/check-raises-on-nonzero")
    void checkRaisesOnNonzero(SubprocessModule sm) {
        List<String> args = sh("printf o; printf e >&2; exit 4");
        CalledProcessError e = assertThrows(CalledProcessError.class, () -> sm.run(args, CAPTURE.check(true)));
        assertEquals(4L, e.returncode());
        assertEquals(args, e.cmd());
        assertEquals(b("o"), e.output());
        assertEquals(b("e"), e.stderr());
    }

    /** check=True and status 0 return a CompletedProcess normally. */
    @Test
    @Checks("subprocess.run/check-zero-returns")
    void checkZeroReturns(SubprocessModule sm) {
        assertEquals(0L, sm.run(List.of("true"), NOTHING_IN.check(true)).returncode());
    }

    /** text=True, an encoding or an errors argument make the captured output str; by default it is bytes. */
    @Test
    @Checks("subprocess.run/text-mode-gives-str")
    void textModeGivesStr(SubprocessModule sm) {
        List<String> args = sh("printf out; printf err >&2");
        CompletedProcess bin = sm.run(args, CAPTURE);
        assertInstanceOf(PyBytes.class, bin.stdout());
        assertInstanceOf(PyBytes.class, bin.stderr());
        for (PopenOptions o : List.of(CAPTURE.text(true), CAPTURE.encoding("utf-8"), CAPTURE.errors("strict"))) {
            CompletedProcess cp = sm.run(args, o);
            assertEquals("out", cp.stdout(), o.toString());
            assertEquals("err", cp.stderr(), o.toString());
        }
    }

    /** universal_newlines=True acts as text=True: str output with line endings translated. */
    @Test
    @Checks("subprocess.run/universal-newlines-same-as-text")
    void universalNewlinesIsText(SubprocessModule sm) {
        List<String> args = List.of("printf", "a\\r\\nb\\n");
        assertEquals("a\nb\n", sm.run(args, CAPTURE.universalNewlines(true)).stdout());
        assertEquals(sm.run(args, CAPTURE.text(true)).stdout(), sm.run(args, CAPTURE.universalNewlines(true)).stdout());
    }

    /** env is the child's entire environment: env prints exactly the given variable. */
    @Test
    @Checks("subprocess.run/env-replaces-environment")
    void envReplacesEnvironment(SubprocessModule sm) {
        CompletedProcess cp = sm.run(List.of("/usr/bin/env"), CAPTURE.env(Map.of("PYCONC_ONLY", "1")));
        assertEquals(b("PYCONC_ONLY=1\n"), cp.stdout());
    }

    /** run hands Popen's arguments on: cwd given to run is the child's working directory. */
    @Test
    @Checks("subprocess.run/passes-other-arguments-to-popen")
    void passesPopenArguments(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            assertEquals(b(dir + "\n"), sm.run(List.of("pwd"), CAPTURE.cwd(dir.toString())).stdout());
        } finally {
            Children.delete(dir);
        }
    }

    /** A child killed by signal N has returncode -N. */
    @Test
    @Checks("subprocess.CompletedProcess.returncode/negative-signal")
    void signalDeathIsNegative(SubprocessModule sm) {
        assertEquals((long) -Signals.SIGTERM, sm.run(sh("kill -TERM $$"), NOTHING_IN).returncode());
        assertEquals((long) -Signals.SIGKILL, sm.run(sh("kill -KILL $$"), NOTHING_IN).returncode());
    }

    /** check_returncode() raises CalledProcessError carrying the object's fields when returncode is non-zero. */
    @Test
    @Checks("subprocess.CompletedProcess.check_returncode/raises-on-nonzero")
    void checkReturncodeRaises(SubprocessModule sm) {
        CompletedProcess made = sm.completedProcess(List.of("x", "y"), 3, b("o"), b("e"));
        CalledProcessError e = assertThrows(CalledProcessError.class, made::checkReturncode);
        assertEquals(3L, e.returncode());
        assertEquals(List.of("x", "y"), e.cmd());
        assertEquals(b("o"), e.stdout());
        assertEquals(b("e"), e.stderr());
        CompletedProcess ran = sm.run(sh("exit 2"), NOTHING_IN);
        CalledProcessError e2 = assertThrows(CalledProcessError.class, ran::checkReturncode);
        assertEquals(2L, e2.returncode());
    }

    /** check_returncode() does nothing when returncode is 0. */
    @Test
    @Checks("subprocess.CompletedProcess.check_returncode/zero-does-nothing")
    void checkReturncodeZero(SubprocessModule sm) {
        sm.completedProcess(List.of("x"), 0, null, null).checkReturncode();
        sm.run(List.of("true"), NOTHING_IN).checkReturncode();
    }
}
