package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a {@code subprocess} run starts outlives it: after the whole module has run on an adapter, the
 * processes of the implementation (the JVM for the reference; the agent for cpython) have the same children
 * and the same open file descriptors as before, and none of their children is a zombie.
 *
 * <p>The module runs twice on one adapter; the counts are taken between the runs and after the second, so
 * that what a first run opens once and keeps (class files, the interpreter's modules) is not counted.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SubprocessHygieneTest {
    /** What a process holds: its children (pid to state letter) and its open fds (number to target). */
    record Holdings(Map<Long, String> children, Map<String, String> fds) {
        static Holdings of(long pid) {
            Map<Long, String> children = new TreeMap<>();
            ProcessHandle.of(pid).orElseThrow().children().forEach(c -> children.put(c.pid(), state(c.pid())));
            Map<String, String> fds = new TreeMap<>();
            Path dir = Path.of("/proc/" + pid + "/fd");
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(fd -> {
                    try {
                        fds.put(fd.getFileName().toString(), Files.readSymbolicLink(fd).toString());
                    } catch (IOException e) {
                        // closed while listing (the listing's own fd, for one)
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + dir, e);
            }
            return new Holdings(children, fds);
        }

        /** The state letter of {@code pid} in {@code /proc/PID/stat} ({@code Z} for a zombie), "gone" once reaped. */
        static String state(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            } catch (IOException e) {
                return "gone";
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "cpython"})
    void theWholeModuleLeavesNoChildNoZombieAndNoFd(String name) throws Exception {
        try (Adapter adapter = Adapters.provider(name).create(AdapterConfig.fromSystemProperties())) {
            long pid = name.equals("cpython") ? Long.parseLong(adapter.details().get("pid")) : ProcessHandle.current().pid();
            RunOptions options = RunOptions.of(name).withModules(List.of("subprocess"));
            RunReport first = new ConformanceRunner().run(adapter, options, new ConformanceRunner.Observer() {});
            assertTrue(first.cases().size() > 50, "the subprocess module should have its cases: " + first.cases().size());
            Holdings before = Holdings.of(pid);
            RunReport second = new ConformanceRunner().run(adapter, options, new ConformanceRunner.Observer() {});
            assertEquals(first.cases().size(), second.cases().size());
            // A child killed at a case's end is reaped within moments; poll, with a deadline, rather than guess.
            Holdings after = Holdings.of(pid);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!after.equals(before) && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
                after = Holdings.of(pid);
            }
            assertTrue(after.children().values().stream().noneMatch("Z"::equals), "zombie children: " + after.children());
            assertEquals(before.children(), after.children(), name + ": children before and after a run of subprocess");
            assertEquals(before.fds(), after.fds(), name + ": open file descriptors before and after a run of subprocess");
        }
    }
}
