package dev.pyconc.reference.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What must not outlive a test: entries of {@code /dev/shm} (blocks and {@code sem.*} semaphores) and processes
 * started by it. Other sessions on the machine may create and remove entries of their own meanwhile, so a
 * difference is checked again for up to two seconds before it counts: a leak stays, a stranger's passing entry goes.
 */
public final class Hygiene {
    private Hygiene() {}

    /** The names in {@code /dev/shm}. */
    public static Set<String> devShm() {
        String[] names = new File("/dev/shm").list();
        return new TreeSet<>(names == null ? Set.of() : Set.of(names));
    }

    /** Pids of the processes whose command line mentions {@code multiprocessing.resource_tracker}. */
    public static Set<Long> resourceTrackers() {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                byte[] b = Files.readAllBytes(Path.of("/proc/" + p.pid() + "/cmdline"));
                return new String(b).contains("resource_tracker");
            } catch (IOException e) {
                return false;
            }
        }).map(ProcessHandle::pid).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Asserts that {@code /dev/shm} holds no entry that was not in {@code before}, and that this JVM has no child left. */
    public static void assertClean(Set<String> before, Set<Long> trackersBefore) throws InterruptedException {
        long end = System.nanoTime() + 2_000_000_000L;
        Set<String> added;
        Set<Long> trackers;
        long children;
        do {
            added = new TreeSet<>(devShm());
            added.removeAll(before);
            trackers = new TreeSet<>(resourceTrackers());
            trackers.removeAll(trackersBefore);
            children = ProcessHandle.current().children().count();
            if (added.isEmpty() && trackers.isEmpty() && children == 0) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        assertEquals(Set.of(), added, "/dev/shm entries left behind");
        assertEquals(Set.of(), trackers, "resource tracker processes left behind");
        assertEquals(0, children, "child processes left: " + Arrays.toString(ProcessHandle.current().children().toArray()));
    }
}
