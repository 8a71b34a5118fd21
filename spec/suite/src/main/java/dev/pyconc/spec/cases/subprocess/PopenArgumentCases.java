package dev.pyconc.spec.cases.subprocess;

import static dev.pyconc.spec.cases.subprocess.Children.b;
import static dev.pyconc.spec.cases.subprocess.Children.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.NotADirectoryError;
import dev.pyconc.spi.exceptions.PermissionError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases for Popen's constructor arguments (args, shell, executable, cwd, env, close_fds, pass_fds,
 * restore_signals, start_new_session, process_group, pipesize) and for the errors raised when a child cannot
 * be started.
 */
@PyCase
class PopenArgumentCases {
    private static final PopenOptions NOTHING_IN = PopenOptions.defaults().stdin(Redirect.DEVNULL);
    private static final PopenOptions CAPTURE = NOTHING_IN.captureOutput(true);

    /** Each item after the program reaches it as one argument, spaces, quotes and $ included. */
    @Test
    @Checks("subprocess.Popen/args-sequence-program-first")
    void sequenceItemsAreArguments(SubprocessModule sm) {
        CompletedProcess cp = sm.run(List.of("printf", "[%s]", "a b", "'q'", "\"d\"", ""), CAPTURE);
        assertEquals(b("[a b]['q'][\"d\"][]"), cp.stdout());
    }

    /** Without shell=True, shell metacharacters in arguments are not interpreted. */
    @Test
    @Checks("subprocess.Popen/no-implicit-shell")
    void noImplicitShell(SubprocessModule sm) {
        CompletedProcess cp = sm.run(List.of("echo", "$HOME; echo *", "`id`", "a|b"), CAPTURE);
        assertEquals(b("$HOME; echo * `id` a|b\n"), cp.stdout());
    }

    /** A string args without shell names the program; one with arguments in it names no program. */
    @Test
    @Checks("subprocess.Popen/args-string-is-program")
    void stringArgsIsProgram(SubprocessModule sm) {
        assertEquals(0L, sm.run("true", NOTHING_IN).returncode());
        assertThrows(FileNotFoundError.class, () -> sm.run("echo hi", NOTHING_IN));
    }

    /** shell=True runs the string with /bin/sh -c: $0 is /bin/sh and pipes work. */
    @Test
    @Checks("subprocess.Popen/shell-runs-bin-sh")
    void shellIsBinSh(SubprocessModule sm) {
        CompletedProcess cp = sm.run("echo \"$0\"; printf 'x\\ny\\n' | grep y", CAPTURE.shell(true));
        assertEquals(b("/bin/sh\ny\n"), cp.stdout());
    }

    /** shell=True with a sequence: the other items are the shell's $0, $1, ... */
    @Test
    @Checks("subprocess.Popen/shell-sequence-extra-args-to-shell")
    void shellSequenceArgs(SubprocessModule sm) {
        CompletedProcess cp = sm.run(List.of("echo \"$0|$1|$2\"", "zero", "one", "two"), CAPTURE.shell(true));
        assertEquals(b("zero|one|two\n"), cp.stdout());
    }

    /**
     * Popen returns while its child runs (poll() is None; the child waits on a pipe the case holds), like
     * os.spawn with P_NOWAIT, and its pid names that running child.
     */
    @Test
    @Checks({"subprocess.Popen/starts-without-waiting", "subprocess.Popen/replaces-os-spawn"})
    void popenDoesNotWait(SubprocessModule sm, Harness h) {
        long[] fds = Children.pipe(sm.os());
        Popen p = null;
        try {
            p = Children.within(h, "Popen to return", () -> sm.popen(List.of("cat"),
                    PopenOptions.defaults().stdin(fds[0]).stdout(Redirect.DEVNULL)));
            assertNull(p.poll());
            assertTrue(p.pid() > 0);
            assertTrue(Children.exists(p.pid()), "no process " + p.pid());
            assertEquals("cat", Children.read(Path.of("/proc/" + p.pid() + "/comm")).trim());
        } finally {
            Children.close(sm.os(), fds[1]);
            Children.end(p);
            Children.close(sm.os(), fds[0]);
        }
    }

    /** A relative program path is looked up from cwd. */
    @Test
    @Checks("subprocess.Popen/program-relative-to-cwd")
    void relativeProgramFromCwd(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Children.write(dir.resolve("pyconc-prog"), "#!/bin/sh\necho from-prog\n", "rwxr-xr-x");
            assertEquals(b("from-prog\n"), sm.run(List.of("./pyconc-prog"), CAPTURE.cwd(dir.toString())).stdout());
        } finally {
            Children.delete(dir);
        }
    }

    /** A bare program name is searched in the PATH of env. */
    @Test
    @Checks("subprocess.Popen/env-path-used-for-search")
    void pathFromEnv(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Children.write(dir.resolve("pyconc-prog"), "#!/bin/sh\necho from-prog\n", "rwxr-xr-x");
            assertEquals(b("from-prog\n"), sm.run(List.of("pyconc-prog"), CAPTURE.env(Map.of("PATH", dir.toString())))
                    .stdout());
        } finally {
            Children.delete(dir);
        }
    }

    /** Popen's env is the child's whole environment. */
    @Test
    @Checks("subprocess.Popen/env-replaces-environment")
    void popenEnvReplaces(SubprocessModule sm) {
        Popen p = null;
        try {
            p = sm.popen(List.of("/usr/bin/env"), NOTHING_IN.stdout(Redirect.PIPE).env(Map.of("A", "1", "B", "two")));
            String out = ((PyBytes) p.communicate(null, Timing.LONG).get(0)).utf8();
            assertEquals(List.of("A=1", "B=two"), out.lines().sorted().toList());
        } finally {
            Children.end(p);
        }
    }

    /** executable is the program run; args[0] is only the name it sees. */
    @Test
    @Checks("subprocess.Popen/executable-replaces-program")
    void executableReplacesProgram(SubprocessModule sm) {
        CompletedProcess cp = sm.run(List.of("pyconc-name", "-c", "echo \"$0\""), CAPTURE.executable("/bin/sh"));
        assertEquals(b("pyconc-name\n"), cp.stdout());
    }

    /** With shell=True, executable replaces /bin/sh and gets the -c command: /bin/echo prints "-c hello". */
    @Test
    @Checks("subprocess.Popen/executable-replaces-shell")
    void executableReplacesShell(SubprocessModule sm) {
        CompletedProcess cp = sm.run("hello", CAPTURE.shell(true).executable("/bin/echo"));
        assertEquals(b("-c hello\n"), cp.stdout());
    }

    private static long fdOpenInChild(SubprocessModule sm, long fd, PopenOptions o) {
        return sm.run(sh("[ -e /proc/self/fd/$1 ]", Long.toString(fd)), merge(o)).returncode();
    }

    private static PopenOptions merge(PopenOptions o) {
        PopenOptions m = NOTHING_IN.stdout(Redirect.DEVNULL);
        for (var e : o.kwargs().entrySet()) {
            m = m.with(e.getKey(), e.getValue());
        }
        return m;
    }

    /** close_fds=True: an fd of the parent marked inheritable is not open in the child. */
    @Test
    @Checks("subprocess.Popen/close-fds-closes-others")
    void closeFdsClosesInheritable(SubprocessModule sm) {
        Os os = sm.os();
        long[] fds = Children.pipe(os);
        try {
            os.setInheritable(fds[1], true);
            assertEquals(1L, fdOpenInChild(sm, fds[1], PopenOptions.defaults().closeFds(true)));
        } finally {
            Children.close(os, fds);
        }
    }

    /** close_fds defaults to true: without it, an inheritable fd is not open in the child. */
    @Test
    @Checks("subprocess.Popen/close-fds-default-true")
    void closeFdsByDefault(SubprocessModule sm) {
        Os os = sm.os();
        long[] fds = Children.pipe(os);
        try {
            os.setInheritable(fds[1], true);
            assertEquals(1L, fdOpenInChild(sm, fds[1], PopenOptions.defaults()));
        } finally {
            Children.close(os, fds);
        }
    }

    /** close_fds=False: the inheritable fd is open in the child, the non-inheritable one is not. */
    @Test
    @Checks("subprocess.Popen/close-fds-false-follows-inheritable-flag")
    void closeFdsFalseFollowsFlag(SubprocessModule sm) {
        Os os = sm.os();
        long[] fds = Children.pipe(os);
        try {
            os.setInheritable(fds[1], true);
            assertTrue(os.getInheritable(fds[1]));
            assertFalse(os.getInheritable(fds[0]));
            assertEquals(0L, fdOpenInChild(sm, fds[1], PopenOptions.defaults().closeFds(false)), "inheritable fd");
            assertEquals(1L, fdOpenInChild(sm, fds[0], PopenOptions.defaults().closeFds(false)), "non-inheritable fd");
        } finally {
            Children.close(os, fds);
        }
    }

    /** A non-inheritable fd in pass_fds is open in the child under its number, and what the child writes arrives. */
    @Test
    @Checks("subprocess.Popen/pass-fds-kept-open")
    void passFdsKeptOpen(SubprocessModule sm) {
        Os os = sm.os();
        long[] fds = Children.pipe(os);
        try {
            // through /proc rather than ">&N": dash takes only one-digit fd numbers there
            CompletedProcess cp = sm.run(sh("echo passed > /proc/self/fd/$1", Long.toString(fds[1])),
                    NOTHING_IN.stdout(Redirect.DEVNULL).passFds(List.of(fds[1])));
            assertEquals(0L, cp.returncode());
            os.close(fds[1]);
            assertEquals(b("passed\n"), os.read(fds[0], 100));
        } finally {
            Children.close(os, fds);
        }
    }

    /** pass_fds with close_fds=False still closes the other inheritable fds. */
    @Test
    @Checks("subprocess.Popen/pass-fds-forces-close-fds")
    void passFdsForcesCloseFds(SubprocessModule sm) {
        Os os = sm.os();
        long[] kept = Children.pipe(os);
        long[] other = Children.pipe(os);
        try {
            os.setInheritable(other[1], true);
            CompletedProcess cp = sm.run(sh("[ -e /proc/self/fd/$1 ] && ! [ -e /proc/self/fd/$2 ]",
                    Long.toString(kept[1]), Long.toString(other[1])),
                    NOTHING_IN.stdout(Redirect.DEVNULL).passFds(List.of(kept[1])).closeFds(false));
            assertEquals(0L, cp.returncode(), "the passed fd should be open and the other inheritable one closed");
        } finally {
            Children.close(os, kept);
            Children.close(os, other);
        }
    }

    /** cwd is the child's directory; the implementation's own directory is unchanged. */
    @Test
    @Checks("subprocess.Popen/cwd-sets-child-directory")
    void cwdSetsDirectory(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Object before = sm.run(List.of("pwd"), CAPTURE).stdout();
            assertEquals(b(dir + "\n"), sm.run(List.of("pwd"), CAPTURE.cwd(dir.toString())).stdout());
            assertEquals(before, sm.run(List.of("pwd"), CAPTURE).stdout());
            assertNotEquals(b(dir + "\n"), before);
        } finally {
            Children.delete(dir);
        }
    }

    /** With restore_signals (the default, and True), the child does not start with SIGPIPE or SIGXFSZ ignored. */
    @Test
    @Checks("subprocess.Popen/restore-signals-resets-ignored")
    void restoreSignals(SubprocessModule sm) {
        for (PopenOptions o : List.of(CAPTURE, CAPTURE.restoreSignals(true))) {
            String status = ((PyBytes) sm.run(List.of("cat", "/proc/self/status"), o).stdout()).utf8();
            long ignored = Children.sigIgnOf(status);
            assertEquals(0L, ignored & Signals.bit(Signals.SIGPIPE), "SIGPIPE ignored in the child, " + o);
            assertEquals(0L, ignored & Signals.bit(Signals.SIGXFSZ), "SIGXFSZ ignored in the child, " + o);
        }
    }

    /**
     * start_new_session=True: the running child leads its own session and group (both its pid); without it, the
     * child is in the implementation's session and group.
     */
    @Test
    @Checks("subprocess.Popen/start-new-session")
    void startNewSession(SubprocessModule sm, Harness h) {
        long parent = sm.os().getpid();
        Popen p = null;
        Popen q = null;
        try {
            PopenOptions waiting = PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.DEVNULL);
            p = sm.popen(List.of("cat"), waiting.startNewSession(true));
            long pid = p.pid();
            h.poll("child " + pid + " in a session of its own", () -> Children.session(pid) == pid);
            assertEquals(pid, Children.pgrp(pid));
            assertNull(p.poll(), "the child should still be running");
            q = sm.popen(List.of("cat"), waiting);
            assertEquals(Children.session(parent), Children.session(q.pid()));
            assertEquals(Children.pgrp(parent), Children.pgrp(q.pid()));
        } finally {
            Children.end(p);
            Children.end(q);
        }
    }

    /** process_group=0: the running child leads a new process group (its pid) but stays in the parent's session. */
    @Test
    @Checks("subprocess.Popen/process-group")
    void processGroup(SubprocessModule sm, Harness h) {
        long parent = sm.os().getpid();
        Popen p = null;
        try {
            p = sm.popen(List.of("cat"), PopenOptions.defaults().stdin(Redirect.PIPE).stdout(Redirect.DEVNULL)
                    .processGroup(0));
            long pid = p.pid();
            h.poll("child " + pid + " leading its process group", () -> Children.pgrp(pid) == pid);
            assertEquals(Children.session(parent), Children.session(pid));
            assertNull(p.poll(), "the child should still be running");
        } finally {
            Children.end(p);
        }
    }

    /** pipesize=1 MiB: a child writes 512 KiB into an unread stdout pipe and exits, which a 64 KiB pipe would block. */
    @Test
    @Checks("subprocess.Popen/pipesize-sets-pipe-capacity")
    void pipesizeSetsCapacity(SubprocessModule sm, Harness h) {
        Popen p = null;
        try {
            p = sm.popen(List.of("head", "-c", "524288", "/dev/zero"), NOTHING_IN.stdout(Redirect.PIPE).pipesize(1 << 20));
            Popen pp = p;
            h.poll("the child to exit without anyone reading its pipe", () -> pp.poll() != null);
            assertEquals(0L, p.returncode());
            assertEquals(524288, ((PyBytes) p.communicate(null, Timing.LONG).get(0)).size());
        } finally {
            Children.end(p);
        }
    }

    /** Invalid arguments raise ValueError: a NUL in an argument, a negative fd in pass_fds. */
    @Test
    @Checks("subprocess.Popen/invalid-arguments-valueerror")
    void invalidArguments(SubprocessModule sm) {
        Children.assertPopenRaises(ValueError.class, () -> sm.popen(List.of("echo", "a\0b"), NOTHING_IN));
        Children.assertPopenRaises(ValueError.class, () -> sm.popen(List.of("true"), NOTHING_IN.passFds(List.of(-5L))));
    }

    /** A program that does not exist: FileNotFoundError, errno ENOENT, filename the program. */
    @Test
    @Checks({"subprocess.Popen/missing-program-filenotfounderror", "subprocess/replacements-raise-oserror"})
    void missingProgram(SubprocessModule sm) {
        for (String prog : List.of("/nonexistent/pyconc-prog", "pyconc-no-such-program")) {
            FileNotFoundError e = Children.assertPopenRaises(FileNotFoundError.class, () -> sm.popen(List.of(prog), NOTHING_IN));
            assertEquals(2L, e.errno());
            assertEquals(prog, e.filename());
            assertThrows(FileNotFoundError.class, () -> sm.call(List.of(prog), NOTHING_IN), "call");
        }
    }

    /** A file without execute permission: PermissionError, errno EACCES, filename the file. */
    @Test
    @Checks("subprocess.Popen/not-executable-permissionerror")
    void notExecutable(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Path f = Children.write(dir.resolve("not-exec"), "#!/bin/sh\ntrue\n", "rw-r--r--");
            PermissionError e = Children.assertPopenRaises(PermissionError.class, () -> sm.popen(List.of(f.toString()), NOTHING_IN));
            assertEquals(13L, e.errno());
            assertEquals(f.toString(), e.filename());
        } finally {
            Children.delete(dir);
        }
    }

    /**
     * A missing cwd raises FileNotFoundError (ENOENT), a file as cwd NotADirectoryError (ENOTDIR), both naming
     * the cwd; the program does not run.
     */
    @Test
    @Checks("subprocess.Popen/bad-cwd-oserror")
    void badCwd(SubprocessModule sm) {
        Path dir = Children.tempDir();
        try {
            Path marker = dir.resolve("ran");
            List<String> args = sh(": > \"$1\"", marker.toString());
            String missing = dir.resolve("missing").toString();
            FileNotFoundError nf = Children.assertPopenRaises(FileNotFoundError.class, () -> sm.popen(args, NOTHING_IN.cwd(missing)));
            assertEquals(2L, nf.errno());
            assertEquals(missing, nf.filename());
            String file = Children.write(dir.resolve("file"), "x", "rw-r--r--").toString();
            NotADirectoryError nd = Children.assertPopenRaises(NotADirectoryError.class, () -> sm.popen(args, NOTHING_IN.cwd(file)));
            assertEquals(20L, nd.errno());
            assertEquals(file, nd.filename());
            assertFalse(Files.exists(marker));
        } finally {
            Children.delete(dir);
        }
    }

    /** With shell=True a missing command raises nothing; the shell exits 127. */
    @Test
    @Checks("subprocess.Popen/shell-missing-command-no-oserror")
    void shellMissingCommand(SubprocessModule sm) {
        assertEquals(127L, sm.run("pyconc-no-such-command", CAPTURE.shell(true)).returncode());
    }

    /** With shell=True a shell that does not exist raises FileNotFoundError. */
    @Test
    @Checks("subprocess.Popen/shell-missing-shell-oserror")
    void shellMissingShell(SubprocessModule sm) {
        FileNotFoundError e = assertThrows(FileNotFoundError.class,
                () -> sm.run("true", NOTHING_IN.shell(true).executable("/nonexistent/pyconc-sh")));
        assertEquals(2L, e.errno());
    }
}
