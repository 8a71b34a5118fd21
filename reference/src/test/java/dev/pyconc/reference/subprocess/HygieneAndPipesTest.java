package dev.pyconc.reference.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** fd hygiene in the child and the parent, the clean-up step, and the pipe loops that must not deadlock. */
@Timeout(120)
class HygieneAndPipesTest {
    private final RefSubprocessModule sm = new RefSubprocessModule();
    private static final PopenOptions O = PopenOptions.defaults();

    @AfterEach
    void cleanUp() {
        sm.cleanUp();
    }

    private static Set<String> parentFds() {
        return new TreeSet<>(Arrays.asList(new File("/proc/self/fd").list()));
    }

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    @Test
    void childSeesOnlyItsStandardStreamsAndPassFds() {
        // The JVM has many fds open, several without FD_CLOEXEC; close_fds (the default) must close them all.
        Object out = sm.run(sh("ls /proc/self/fd"), O.stdout(Redirect.PIPE)).stdout();
        assertEquals(Set.of("0", "1", "2", "3"), Set.of(((PyBytes) out).utf8().trim().split("\n")),
                "only 0-2 and ls's own directory fd (3)");
        PyTuple p = sm.os().pipe();
        long w = (Long) p.get(1);
        sm.os().setInheritable(w, true);
        Object withClose = sm.run(sh("ls /proc/self/fd"), O.stdout(Redirect.PIPE).closeFds(true)).stdout();
        assertFalse(Set.of(((PyBytes) withClose).utf8().split("\n")).contains(String.valueOf(w)),
                "an inheritable fd is closed too");
        Object without = sm.run(sh("ls /proc/self/fd"), O.stdout(Redirect.PIPE).closeFds(false)).stdout();
        assertTrue(Set.of(((PyBytes) without).utf8().split("\n")).contains(String.valueOf(w)),
                "close_fds=False: the inheritable fd is there");
        // (dash takes single-digit fds only in >&N, hence the /proc path)
        Object passed = sm.run(sh("echo hi > /proc/self/fd/" + w), O.passFds(List.of(w)).timeout(30.0));
        assertEquals(PyBytes.utf8("hi\n"), sm.os().read((Long) p.get(0), 100));
        sm.os().close((Long) p.get(0));
        sm.os().close(w);
    }

    @Test
    void noFdLeftInTheParent() {
        sm.run(List.of("true"), O); // first use loads the libraries, which may open fds of their own
        Set<String> before = parentFds();
        for (int i = 0; i < 20; i++) {
            sm.run(sh("echo out; echo err >&2"), O.captureOutput(true).input(PyBytes.utf8("x")));
            sm.run(List.of("true"), O.stdin(Redirect.DEVNULL).stdout(Redirect.DEVNULL).text(true));
            Popen p = sm.popen(List.of("cat"), O.stdin(Redirect.PIPE).stdout(Redirect.PIPE));
            p.with(() -> p.stdin().write(PyBytes.utf8("x")));
            assertThrows(RuntimeException.class, () -> sm.popen(List.of("/nonexistent"), O.stdout(Redirect.PIPE)));
        }
        assertEquals(before, parentFds());
    }

    @Test
    void cleanUpKillsTheGroupAndReaps() throws Exception {
        Popen p = sm.popen(sh("sleep 30 & sleep 30; wait"), O.startNewSession(true));
        long pid = p.pid();
        sm.cleanUp();
        assertEquals(-9L, p.returncode());
        assertFalse(Files.exists(Path.of("/proc/" + pid)), "reaped: no zombie left");
        // the grandchild (sleep in the background) was in the child's session and group: killed as well
        Thread.sleep(100);
        for (File f : new File("/proc").listFiles((d, n) -> n.matches("\\d+"))) {
            try {
                String stat = Files.readString(f.toPath().resolve("stat"));
                String[] parts = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                assertTrue(Long.parseLong(parts[2]) != pid || parts[0].equals("Z"), "group member left: " + stat);
            } catch (java.io.IOException e) {
                // gone meanwhile
            }
        }
    }

    @Test
    void signalsAfterReapingDoNothing() {
        Popen p = sm.popen(List.of("true"), O);
        assertEquals(0L, p.await());
        p.kill();
        p.terminate();
        p.sendSignal(9);
        assertEquals(0L, p.returncode());
    }

    @Test
    void waitTimeoutLeavesTheChildRunning() {
        Popen p = sm.popen(List.of("sleep", "30"), O);
        TimeoutExpired e = assertThrows(TimeoutExpired.class, () -> p.await(0.05));
        assertEquals("Command '['sleep', '30']' timed out after 0.05 seconds", e.getMessage());
        assertNull(p.poll());
        p.kill();
        assertEquals(-9L, p.await(5.0));
    }

    @Test
    void megabytesOnBothStreamsDoNotDeadlock() {
        // 2 MiB on each stream and 2 MiB of input: any sequential read or write would fill a 64 KiB pipe and hang.
        byte[] in = new byte[2 << 20];
        Arrays.fill(in, (byte) 'i');
        Popen p = sm.popen(sh("head -c 2097152 /dev/zero >&2 & cat; wait"),
                O.stdin(Redirect.PIPE).stdout(Redirect.PIPE).stderr(Redirect.PIPE));
        PyTuple r = p.communicate(PyBytes.of(in), 60.0);
        assertEquals(2 << 20, ((PyBytes) r.get(0)).size());
        assertEquals(2 << 20, ((PyBytes) r.get(1)).size());
        assertEquals(0L, p.returncode());
    }

    @Test
    void communicateAfterTimeoutReturnsAllTheOutput() {
        Popen p = sm.popen(sh("echo one; sleep 0.5; echo two"), O.stdout(Redirect.PIPE).text(true));
        TimeoutExpired e = assertThrows(TimeoutExpired.class, () -> p.communicate(null, 0.2));
        assertEquals(PyBytes.utf8("one\n"), e.stdout(), "bytes even in text mode, as CPython");
        assertEquals(PyTuple.of("one\ntwo\n", null), p.communicate());
    }

    @Test
    void brokenPipeOnInputIsIgnored() {
        byte[] in = new byte[1 << 20];
        Popen p = sm.popen(List.of("true"), O.stdin(Redirect.PIPE));
        assertEquals(PyTuple.of(null, null), p.communicate(PyBytes.of(in), null));
        Popen q = sm.popen(List.of("head", "-c", "1"), O.stdin(Redirect.PIPE).stdout(Redirect.PIPE));
        assertEquals(PyBytes.utf8("\0"), q.communicate(PyBytes.of(in), 30.0).get(0));
    }

    @Test
    void textModeReadsTranslateNewlines() {
        Popen p = sm.popen(List.of("printf", "a\\r\\nb\\rc\\n\\303\\251"), O.stdout(Redirect.PIPE).encoding("utf-8"));
        assertEquals("a\n", p.stdout().readline());
        assertEquals("b\n", p.stdout().readline());
        assertEquals("c\n\u00e9", p.stdout().read());
        p.await();
        p.stdout().close();
    }
}
