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
import java.util.function.Predicate;
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
 * resource tracker, as the agent's children; a child of the forkserver is a case's) and the adapter's own agent
 * process (a new one if the adapter restarted it) may remain until the adapter closes. A failure names each
 * process with its parent and lists the cases that did not pass.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class MultiprocessingHygieneTest {
    /** What a run could leave behind: descendant processes, /dev/shm entries, pymp-* folders. */
    record Leftovers(Set<String> descendants, Set<String> devShm, Set<String> pympFolders) {
        /** Each descendant as "PID STATE ppid=PPID COMMAND LINE". */
        static Leftovers now() {
            Set<String> d = ProcessHandle.current().descendants()
                    .map(p -> p.pid() + " " + SubprocessHygieneTest.Holdings.state(p.pid()) + " ppid="
                            + p.parent().map(ProcessHandle::pid).orElse(-1L) + " " + p.info().commandLine().orElse("?"))
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Leftovers(d, list(Path.of("/dev/shm"), ""), list(Path.of(System.getProperty("java.io.tmpdir")), "pymp-"));
        }

        /** Zombie descendants (state Z). */
        List<String> zombies() {
            return descendants.stream().filter(s -> s.split(" ")[1].equals("Z")).toList();
        }

        /** The descendants not in {@code earlier} (by pid: a state may change), leaving out {@code allowed} ones. */
        Set<String> newProcesses(Leftovers earlier, Predicate<String> allowed) {
            Set<String> pids = earlier.descendants.stream().map(Leftovers::pid).collect(Collectors.toSet());
            return descendants.stream().filter(s -> !pids.contains(pid(s)) && !allowed.test(s))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        private static String pid(String descendant) {
            return descendant.substring(0, descendant.indexOf(' '));
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
            // The adapter's own agent may be a new process when the adapter restarted it (details() names its
            // pid); like its long-lived helpers it lives until the adapter closes, which the last check covers.
            String agent = adapter.details().get("pid");
            Predicate<String> allowed = p -> agent != null && (p.startsWith(agent + " ") || longLivedHelper(p, agent));
            during = settle(l -> l.newProcesses(opened, allowed).isEmpty() && l.devShm().equals(opened.devShm()));
            assertEquals(List.of(), during.zombies(), name + ": zombie descendants after the run");
            Set<String> newProcesses = during.newProcesses(opened, allowed);
            assertEquals(Set.of(), newProcesses, () -> name + ": processes a case left running\n" + context(opened, adapter, run));
            assertEquals(opened.devShm(), during.devShm(), name + ": /dev/shm entries a case left");
        }
        Leftovers after = settle(before::equals);
        assertEquals(before, after, name + ": what the run and the adapter left after close");
    }

    /**
     * CPython's forkserver and resource tracker, children of the agent: they live as long as it, and the adapter's
     * close ends them. A child of the forkserver has the forkserver's command line, but it is a case's process.
     */
    private static boolean longLivedHelper(String process, String agent) {
        return process.contains(" ppid=" + agent + " ")
                && (process.contains("multiprocessing.forkserver") || process.contains("multiprocessing.resource_tracker"));
    }

    /** What a failure message needs to find the culprit: the processes before, the adapter's state, the cases that did not pass. */
    private static String context(Leftovers opened, Adapter adapter, RunReport run) {
        StringBuilder b = new StringBuilder("descendants when the adapter had opened: ").append(opened.descendants())
                .append("\nadapter: ").append(adapter.details());
        for (CaseResult c : run.cases()) {
            if (c.status() != Status.PASS && c.status() != Status.NOT_APPLICABLE) {
                String m = c.message() == null ? "" : c.message().lines().findFirst().orElse("");
                b.append("\n").append(c.status()).append(' ').append(c.id()).append(": ").append(m);
            }
        }
        return b.toString();
    }

    /** Polls (a killed child is reaped within moments) until {@code done} holds, for at most 10 s; the last look. */
    private static Leftovers settle(Predicate<Leftovers> done) throws InterruptedException {
        Leftovers l = Leftovers.now();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.test(l) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            l = Leftovers.now();
        }
        return l;
    }
}
