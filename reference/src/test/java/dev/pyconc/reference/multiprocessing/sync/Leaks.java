package dev.pyconc.reference.multiprocessing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyconc.reference.multiprocessing.Reducible;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the synchronize and queue tests must not leave: the {@code /dev/shm} entries of the objects they made (named
 * semaphores {@code sem.mp-*}, the Barrier's {@code psm_*} block) and child processes. Unlike {@code Hygiene}'s
 * snapshot of the whole directory, this checks the test's own names, so that other sessions creating and removing
 * entries meanwhile cannot make it fail or pass.
 */
public final class Leaks {
    private Leaks() {}

    /** The {@code /dev/shm} entries behind {@code r}: every semaphore or block name in its reduction. */
    public static Set<String> entries(Reducible r) {
        Set<String> out = new TreeSet<>();
        // a Barrier with a Java action cannot be reduced; its shared parts can
        collect(r instanceof Barrier b ? b.state(List.of()) : r.reduce().state(), out);
        return out;
    }

    private static void collect(Object o, Set<String> out) {
        if (o instanceof List<?> l) {
            for (Object x : l) {
                collect(x, out);
            }
        } else if (o instanceof String s) {
            if (s.startsWith("/mp-")) {
                out.add("sem." + s.substring(1));
            } else if (s.startsWith("psm_")) {
                out.add(s);
            }
        }
    }

    /** Those of {@code entries} that exist now. */
    public static Set<String> existing(Set<String> entries) {
        Set<String> out = new TreeSet<>();
        for (String e : entries) {
            if (Files.exists(Path.of("/dev/shm", e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Asserts that none of {@code entries} exists and that this JVM has no child process left (polled for 2 s). */
    public static void assertClean(Set<String> entries) throws InterruptedException {
        long end = System.nanoTime() + 2_000_000_000L;
        while (true) {
            Set<String> left = existing(entries);
            long children = ProcessHandle.current().children().count();
            if (left.isEmpty() && children == 0) {
                return;
            }
            if (System.nanoTime() > end) {
                assertEquals(Set.of(), left, "/dev/shm entries left behind");
                assertEquals(0, children, "child processes left: " + Arrays.toString(ProcessHandle.current().children().toArray()));
            }
            Thread.sleep(50);
        }
    }
}
