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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a run of {@code multiprocessing} and {@code multiprocessing.shared_memory} starts outlives it: after
 * both modules have run on an adapter and the adapter is closed, this JVM has the same descendant processes as
 * before (no child process, pool worker, manager, forkserver or resource tracker left, and no zombie), and
 * {@code /dev/shm} holds the same shared memory blocks and named semaphores ({@code sem.*}) and {@code /tmp}
 * the same {@code pymp-*} folders.
 *
 * <p>Between the two modules' run and the close, the adapter's own descendants are counted too: what a case
 * starts is ended at the case's end, so only the implementation's long-lived helpers (CPython's forkserver and
 * resource tracker) may remain until the adapter closes.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class MultiprocessingHygieneTest {
    /** What a run could leave behind: descendant processes, /dev/shm entries, pymp-* folders. */
    record Leftovers(Set<String> descendants, Set<String> devShm, Set<String> pympFolders) {
        static Leftovers now() {
            Set<String> d = ProcessHandle.current().descendants()
                    .map(p -> p.pid() + " " + SubprocessHygieneTest.Holdings.state(p.pid()) + " " + p.info().commandLine().orElse("?"))
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Leftovers(d, list(Path.of("/dev/shm"), ""), list(Path.of(System.getProperty("java.io.tmpdir")), "pymp-"));
        }

        /** Zombie descendants (state Z). */
        List<String> zombies() {
            return descendants.stream().filter(s -> s.split(" ")[1].equals("Z")).toList();
        }

        private static Set<String> list(Path dir, String prefix) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
                        .collect(Collectors.toCollection(TreeSet::new));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + dir, e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "cpython"})
    void bothModulesLeaveNoProcessNoBlockNoSemaphore(String name) throws Exception {
        Leftovers before = Leftovers.now();
        Leftovers during;
        try (Adapter adapter = Adapters.provider(name).create(AdapterConfig.fromSystemProperties())) {
            Leftovers opened = Leftovers.now();
            RunOptions options = RunOptions.of(name).withModules(List.of("multiprocessing", "multiprocessing.shared_memory"));
            RunReport run = new ConformanceRunner().run(adapter, options, new ConformanceRunner.Observer() {});
            assertTrue(run.cases().size() > 100, "both modules should have their cases: " + run.cases().size());
            during = settle(opened, Leftovers::now);
            assertEquals(List.of(), during.zombies(), name + ": zombie descendants after the run");
            Set<String> newProcesses = new TreeSet<>(during.descendants());
            newProcesses.removeAll(opened.descendants());
            newProcesses.removeIf(MultiprocessingHygieneTest::longLivedHelper);
            assertEquals(Set.of(), newProcesses, name + ": processes a case left running");
            assertEquals(opened.devShm(), during.devShm(), name + ": /dev/shm entries a case left");
        }
        Leftovers after = settle(before, Leftovers::now);
        assertEquals(before, after, name + ": what the run and the adapter left after close");
    }

    /** CPython's forkserver and resource tracker live as long as the agent, which the adapter's close ends. */
    private static boolean longLivedHelper(String process) {
        return process.contains("multiprocessing.forkserver") || process.contains("multiprocessing.resource_tracker");
    }

    /** Polls (a killed child is reaped within moments) until {@code now} equals {@code expected}, for at most 10 s. */
    private static Leftovers settle(Leftovers expected, java.util.function.Supplier<Leftovers> now) throws InterruptedException {
        Leftovers l = now.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!l.equals(expected) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            l = now.get();
        }
        return l;
    }
}
