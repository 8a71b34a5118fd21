package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyconc.reference.multiprocessing.Hygiene;
import dev.pyconc.reference.multiprocessing.Peers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Blocks shared with a real CPython both ways (3.14 from org.bytedeco:cpython, and the system's 3.11), another
 * JVM, and the resource-tracker hazard on both sides. Each peer is skipped where it is not installed.
 */
@Timeout(120)
class SharedMemoryInteropTest {
    /**
     * How a CPython attaches to a block it does not own: {@code track=False} from 3.13; before that, register
     * (which SharedMemory does) and unregister at once, so that its resource tracker leaves the block alone.
     */
    static final String ATTACH = String.join("\n",
            "import sys",
            "from multiprocessing import shared_memory, resource_tracker",
            "def attach(name):",
            "    if sys.version_info >= (3, 13):",
            "        return shared_memory.SharedMemory(name, track=False)",
            "    s = shared_memory.SharedMemory(name)",
            "    resource_tracker.unregister(s._name, 'shared_memory')",
            "    return s",
            "");

    private Set<String> before;
    private Set<Long> trackersBefore;

    @BeforeEach
    void snapshot() {
        before = Hygiene.devShm();
        trackersBefore = Hygiene.resourceTrackers();
    }

    @AfterEach
    void clean() throws InterruptedException {
        Hygiene.assertClean(before, trackersBefore);
    }

    static Stream<Path> pythons() {
        List<Path> ps = Peers.pythons();
        assumeTrue(!ps.isEmpty(), "no CPython found");
        return ps.stream();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void javaCreatesCPythonAttachesReadsAndWrites(Path python) throws Exception {
        SharedMemory s = SharedMemory.create(64);
        try {
            s.buf().write(0, "hello from java".getBytes(StandardCharsets.US_ASCII));
            String out = Peers.finish(Peers.python(python, ATTACH + String.join("\n",
                    "s = attach(sys.argv[1])",
                    "print(s.size, bytes(s.buf[:15]).decode())",
                    "s.buf[32:49] = b'hello from python'",
                    "s.close()"), s.name()), 30);
            assertEquals("64 hello from java", out.strip(), "st_size as the size; the bytes Java wrote");
            assertArrayEquals("hello from python".getBytes(StandardCharsets.US_ASCII), s.buf().read(32, 17));
            assertTrue(Files.exists(Path.of("/dev/shm", s.name())), "CPython left the block alone");
        } finally {
            s.close();
            s.unlink();
        }
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void cpythonCreatesJavaAttachesReadsAndWrites(Path python) throws Exception {
        Process p = Peers.python(python, String.join("\n",
                "import sys",
                "from multiprocessing import shared_memory, resource_tracker",
                "if sys.version_info >= (3, 13):",
                "    s = shared_memory.SharedMemory(create=True, size=100, track=False)",
                "else:",
                "    s = shared_memory.SharedMemory(create=True, size=100)",
                "    resource_tracker.unregister(s._name, 'shared_memory')",
                "s.buf[:17] = b'hello from python'",
                "print(s.name, flush=True)",
                "sys.stdin.readline()",
                "print(bytes(s.buf[50:65]).decode(), flush=True)",
                "s.close()",
                "s.unlink()"));
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String name = r.readLine();
            assertTrue(name != null && name.matches("psm_[0-9a-f]{8}"), "CPython's name: " + name);
            try (SharedMemory a = SharedMemory.attach(name, false)) {
                assertEquals(100, a.size());
                assertArrayEquals("hello from python".getBytes(StandardCharsets.US_ASCII), a.buf().read(0, 17));
                a.buf().write(50, "hello from java".getBytes(StandardCharsets.US_ASCII));
            }
            OutputStream in = p.getOutputStream();
            in.write('\n');
            in.flush();
            assertEquals("hello from java", r.readLine());
            assertEquals(0, p.waitFor());
            assertFalse(Files.exists(Path.of("/dev/shm", name)), "CPython unlinked its block");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    /**
     * The hazard: a CPython before 3.13 that attaches with SharedMemory(name) and does not unregister makes its
     * resource tracker unlink the Java-created block when it exits, with a warning.
     */
    @Test
    void cpython311TrackerUnlinksAJavaBlockItOnlyAttached() throws Exception {
        Optional<Path> py = Peers.systemPython();
        assumeTrue(py.isPresent(), "no system python3");
        String version = Peers.finish(Peers.python(py.get(), "import sys; print(sys.version_info[:2] < (3, 13))"), 30);
        assumeTrue(version.strip().equals("True"), "the system python3 has track=");
        SharedMemory s = SharedMemory.create("psm_" + SharedMemory.makeFilename().substring(5), 8, true);
        // The warning comes from the tracker after the interpreter itself has exited, when the JDK has already
        // drained and closed a pipe from it: output goes to a file, which the late writer appends to.
        Path log = Files.createTempFile("pyconc-shm-tracker", ".log");
        try {
            Process p = new ProcessBuilder(py.get().toString(), "-c", String.join("\n",
                    "import sys",
                    "from multiprocessing import shared_memory",
                    "s = shared_memory.SharedMemory(sys.argv[1])",
                    "s.close()"), s.name()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "python3 did not exit");
            } finally {
                p.destroyForcibly().waitFor();
            }
            assertEquals(0, p.exitValue(), Files.readString(log));
            Path f = Path.of("/dev/shm", s.name());
            long end = System.nanoTime() + 5_000_000_000L;
            while ((Files.exists(f) || !Files.readString(log).contains("leaked shared_memory objects"))
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertFalse(Files.exists(f), "the tracker of a CPython that only attached unlinked the block");
            String out = Files.readString(log);
            assertTrue(out.contains("leaked shared_memory objects"), out);
        } finally {
            s.close();
            Tracker.unregister("/" + s.name());
            Files.deleteIfExists(Path.of("/dev/shm", s.name()));
            Files.deleteIfExists(log);
        }
    }

    /** The same rule in Java: a JVM that attached with track=true unlinks the block at exit; track=false leaves it. */
    @Test
    void javaTrackerUnlinksAtJvmExitOnlyWhenTracked() throws Exception {
        SharedMemory s = SharedMemory.create("psm_" + SharedMemory.makeFilename().substring(5), 8, false);
        Path f = Path.of("/dev/shm", s.name());
        try {
            s.buf().set(0, 7);
            String untracked = Peers.finish(Peers.java(AttachAndExit.class, s.name(), "false"), 60);
            assertTrue(untracked.contains("byte0=7"), untracked);
            assertTrue(Files.exists(f), "track=false: the block stays");
            String tracked = Peers.finish(Peers.java(AttachAndExit.class, s.name(), "true"), 60);
            assertTrue(tracked.contains("leaked shared_memory objects"), tracked);
            assertFalse(Files.exists(f), "track=true: unlinked when that JVM exited");
        } finally {
            s.close();
            Files.deleteIfExists(f);
        }
    }
}
