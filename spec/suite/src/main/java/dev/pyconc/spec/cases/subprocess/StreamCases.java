package dev.pyconc.spec.cases.subprocess;

import static dev.pyconc.spec.cases.subprocess.Children.b;
import static dev.pyconc.spec.cases.subprocess.Children.sh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for where a child's standard streams go (PIPE, DEVNULL, STDOUT, an fd, None) and how data crosses them:
 * text and binary mode, encodings, error handlers, line endings and buffering.
 */
@PyCase
class StreamCases {
    private static final PopenOptions NOTHING_IN = PopenOptions.defaults().stdin(Redirect.DEVNULL);
    private static final PopenOptions CAPTURE = NOTHING_IN.captureOutput(true);

    /** DEVNULL as stdin gives end of file at once; as stdout or stderr it is /dev/null, so output is discarded. */
    @Test
    @Checks("subprocess.DEVNULL/reads-nothing-discards-output")
    void devnullStreams(SubprocessModule sm) {
        CompletedProcess in = sm.run(List.of("cat"), CAPTURE.timeout(Timing.LONG));
        assertEquals(b(""), in.stdout());
        assertEquals(0L, in.returncode());
        CompletedProcess out = sm.run(sh("o=$(readlink /proc/$$/fd/1); i=$(readlink /proc/$$/fd/0); echo \"$o $i\" >&2"),
                NOTHING_IN.stdout(Redirect.DEVNULL).stderr(Redirect.PIPE));
        assertNull(out.stdout());
        assertEquals(b("/dev/null /dev/null\n"), out.stderr());
        CompletedProcess err = sm.run(sh("e=$(readlink /proc/$$/fd/2); echo \"$e\""), NOTHING_IN.stdout(Redirect.PIPE).stderr(Redirect.DEVNULL));
        assertEquals(b("/dev/null\n"), err.stdout());
    }

    /**
     * PIPE gives live pipes both ways: a line written to stdin comes back from cat on stdout while cat still
     * runs; the attributes are file objects for PIPE and None otherwise.
     */
    @Test
    @Checks({"subprocess.PIPE/opens-new-pipe", "subprocess.Popen.stdin/writable-pipe-or-none",
        "subprocess.Popen.stdout/readable-pipe-or-none", "subprocess.Popen.stderr/readable-pipe-or-none"})
    void pipesBothWays(SubprocessModule sm, Harness h) {
        Popen p = null;
        Popen q = null;
        try {
            p = sm.popen(List.of("cat"), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE)
                    .stderr(Redirect.PIPE));
            assertNotNull(p.stderr());
            p.stdin().write(b("ping\n"));
            p.stdin().flush();
            Popen pp = p;
            assertEquals(b("ping\n"), Children.within(h, "readline from cat", () -> pp.stdout().readline()));
            assertNull(p.poll(), "cat ended although its stdin is open");
            q = sm.popen(List.of("true"), PopenOptions.defaults().stdin(Redirect.DEVNULL).stdout(Redirect.DEVNULL)
                    .stderr(Redirect.DEVNULL));
            assertNull(q.stdin());
            assertNull(q.stdout());
            assertNull(q.stderr());
            assertEquals(0L, q.await(Timing.LONG));
        } finally {
            Children.end(p);
            Children.end(q);
        }
    }

    /** stderr=STDOUT puts the error output into the stdout pipe in the order written; p.stderr is None. */
    @Test
    @Checks("subprocess.STDOUT/stderr-joins-stdout")
    void stderrJoinsStdout(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(sh("printf 1; printf 2 >&2; printf 3"), NOTHING_IN.stdout(Redirect.PIPE).stderr(Redirect.STDOUT));
            assertNull(p.stderr());
            PyTuple r = p.communicate(null, Timing.LONG);
            assertEquals(b("123"), r.get(0));
            assertNull(r.get(1));
        } finally {
            Children.end(p);
        }
    }

    /** STDOUT given as stdout is an invalid argument: ValueError. */
    @Test
    @Checks("subprocess.STDOUT/not-for-stdout")
    void stdoutIsNotForStdout(SubprocessModule sm) {
        assertThrows(ValueError.class, () -> sm.run(List.of("true"), NOTHING_IN.stdout(Redirect.STDOUT)));
    }

    /**
     * stderr=None: the child's fd 2 is the very file the implementation's fd 2 is (same /proc link); with PIPE
     * it is not.
     */
    @Test
    @Checks("subprocess.Popen/stream-none-inherits")
    void noneInherits(SubprocessModule sm) {
        long self = sm.os().getpid();
        List<String> same = sh("[ \"$(readlink /proc/self/fd/2)\" = \"$(readlink /proc/$1/fd/2)\" ]", Long.toString(self));
        assertEquals(0L, sm.run(same, NOTHING_IN.stdout(Redirect.DEVNULL).stderr(null)).returncode());
        assertEquals(1L, sm.run(same, NOTHING_IN.stdout(Redirect.DEVNULL).stderr(Redirect.PIPE)).returncode());
    }

    /** An fd of the implementation given as stdout or stdin becomes the child's stream: output lands in its file. */
    @Test
    @Checks("subprocess.Popen/stream-existing-fd")
    void existingFd(SubprocessModule sm) {
        Os os = sm.os();
        Path dir = Children.tempDir();
        long out = -1;
        long in = -1;
        try {
            Path file = dir.resolve("out");
            out = os.open(file.toString(), Os.O_WRONLY | Os.O_CREAT | Os.O_TRUNC, 0644);
            assertEquals(0L, sm.run(List.of("echo", "into the file"), NOTHING_IN.stdout(out)).returncode());
            assertEquals("into the file\n", Children.read(file));
            in = os.open(file.toString(), Os.O_RDONLY, 0);
            CompletedProcess cp = sm.run(List.of("cat"), PopenOptions.defaults().stdin(in).stdout(Redirect.PIPE)
                    .timeout(Timing.LONG));
            assertEquals(b("into the file\n"), cp.stdout());
        } finally {
            Children.close(os, out, in);
            Children.delete(dir);
        }
    }

    /** text=True makes the Popen streams str in and out; by default they are bytes. */
    @Test
    @Checks("subprocess.Popen/text-mode-streams")
    void textModeStreams(SubprocessModule sm, Harness h) {
        for (PopenOptions mode : List.of(PopenOptions.defaults().text(true), PopenOptions.defaults().universalNewlines(true),
                PopenOptions.defaults().encoding("utf-8"), PopenOptions.defaults().errors("strict"), PopenOptions.defaults())) {
            boolean text = !mode.kwargs().isEmpty();
            Popen p = null;
            try {
                p = sm.popen(List.of("cat"), mode.stdin(Redirect.PIPE).stdout(Redirect.PIPE));
                p.stdin().write(text ? "héllo\n" : b("hello\n"));
                p.stdin().flush();
                Popen pp = p;
                Object line = Children.within(h, "readline", () -> pp.stdout().readline());
                if (text) {
                    assertEquals("héllo\n", line, mode.toString());
                } else {
                    assertEquals(b("hello\n"), line);
                }
            } finally {
                Children.end(p);
            }
        }
    }

    /** encoding names the codec both ways: latin-1 decodes byte 0xE9 as é and encodes é as that one byte. */
    @Test
    @Checks("subprocess.Popen/text-mode-encoding")
    void encodingBothWays(SubprocessModule sm) {
        assertEquals("é", sm.run(List.of("printf", "\\351"), CAPTURE.encoding("latin-1")).stdout());
        Path dir = Children.tempDir();
        try {
            Path file = dir.resolve("in");
            sm.run(sh("cat > \"$1\"", file.toString()), PopenOptions.defaults().input("é").encoding("latin-1")
                    .timeout(Timing.LONG));
            assertArrayEquals(new byte[] {(byte) 0xe9}, Children.bytes(file));
        } finally {
            Children.delete(dir);
        }
    }

    /** errors='replace' turns bytes that do not decode into U+FFFD. */
    @Test
    @Checks("subprocess.Popen/text-mode-errors")
    void errorsHandler(SubprocessModule sm) {
        assertEquals("a\ufffdb", sm.run(List.of("printf", "a\\377b"), CAPTURE.encoding("utf-8").errors("replace")).stdout());
    }

    /** In text mode \r\n and a lone \r from the child both arrive as \n. */
    @Test
    @Checks("subprocess.Popen/text-mode-output-newlines")
    void outputNewlinesTranslated(SubprocessModule sm) {
        assertEquals("a\nb\nc\n", sm.run(List.of("printf", "a\\r\\nb\\rc\\n"), CAPTURE.text(true)).stdout());
    }

    /** In text mode a \n written to the child arrives as os.linesep, a single \n byte on POSIX. */
    @Test
    @Checks("subprocess.Popen/text-mode-input-newlines")
    void inputNewlinesAreLinesep(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Path file = dir.resolve("in");
            sm.run(sh("cat > \"$1\"", file.toString()), PopenOptions.defaults().input("a\nb\n").text(true)
                    .timeout(Timing.LONG));
            assertArrayEquals(new byte[] {'a', '\n', 'b', '\n'}, Children.bytes(file));
        } finally {
            Children.delete(dir);
        }
    }

    /** In binary mode \r\n and undecodable bytes pass both ways unchanged. */
    @Test
    @Checks("subprocess.Popen/binary-mode-no-translation")
    void binaryModeUntouched(SubprocessModule sm) {
        byte[] raw = {'a', '\r', '\n', 'b', '\r', (byte) 0xff, 0};
        assertEquals(PyBytes.of(raw), sm.run(List.of("printf", "a\\r\\nb\\r\\377\\000"), CAPTURE).stdout());
        CompletedProcess cp = sm.run(List.of("cat"), PopenOptions.defaults().input(PyBytes.of(raw)).captureOutput(true)
                .timeout(Timing.LONG));
        assertEquals(PyBytes.of(raw), cp.stdout());
    }

    /**
     * bufsize=0: read(100) returns the two bytes the child wrote while the child still runs (it waits for a line
     * on stdin), instead of waiting for 100 bytes.
     */
    @Test
    @Checks("subprocess.Popen/bufsize-unbuffered-short-reads")
    void unbufferedShortRead(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(sh("printf ab; read x"), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE).bufsize(0));
            Popen pp = p;
            assertEquals(b("ab"), Children.within(h, "read(100) on an unbuffered pipe", () -> pp.stdout().read(100)));
            assertNull(p.poll(), "the child should still be waiting for its line");
        } finally {
            Children.end(p);
        }
    }

    /** bufsize=1 in text mode: a line written to stdin reaches the child without flush(). */
    @Test
    @Checks("subprocess.Popen/bufsize-line-buffered-text")
    void lineBufferedText(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(sh("read x; echo \"got $x\""), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE)
                    .text(true).bufsize(1));
            p.stdin().write("hi\n");
            Popen pp = p;
            assertEquals("got hi\n", Children.within(h, "the child's answer", () -> pp.stdout().readline()));
        } finally {
            Children.end(p);
        }
    }

    /**
     * With the default bufsize, read(4) waits for four bytes: the child writes two, waits for a line, then two
     * more, and the read returns all four only after the case has sent the line (an unbuffered read would have
     * returned the first two).
     */
    @Test
    @Checks("subprocess.Popen/bufsize-default-buffered")
    void defaultBufferedRead(SubprocessModule sm, Harness h) throws InterruptedException {
        Popen p = null;
        try {
            p = sm.popen(sh("printf ab; read x; printf cd"), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.PIPE));
            Popen pp = p;
            AtomicReference<Object> got = new AtomicReference<>();
            Thread reader = h.start("read(4)", () -> got.set(pp.stdout().read(4)));
            // Best effort, bounded: give the reader time to take "ab" (the adapter may say it is blocked); the
            // verdict rests only on what read(4) returns, never on how long this took.
            long deadline = h.now() + Timing.nanos(Timing.MEDIUM);
            while (got.get() == null && !h.adapter().isBlocked(reader) && h.now() - deadline < 0) {
                Thread.sleep(1);
            }
            assertNull(got.get(), "read(4) returned before four bytes were there: " + got.get());
            p.stdin().write(b("\n"));
            p.stdin().flush();
            h.join(reader);
            assertEquals(b("abcd"), got.get());
        } finally {
            Children.end(p);
        }
    }
}
