package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The clean-up check of tests that run beside other programs using {@code /dev/shm} (a global view of it would
 * blame them on us): the names of the blocks a test made, or saw a peer make, must be gone at its end, and this
 * JVM must have no child process left.
 */
final class OwnBlocks {
    private final List<String> names = new ArrayList<>();

    /** Records a block's name (without a leading slash); returns it. */
    synchronized String add(String name) {
        names.add(name);
        return name;
    }

    /** Fails unless every recorded block is gone and no child process is left, within 2 s. */
    void assertGone() throws InterruptedException {
        long end = System.nanoTime() + 2_000_000_000L;
        List<String> left;
        long children;
        do {
            synchronized (this) {
                left = names.stream().filter(n -> Files.exists(Path.of("/dev/shm", n))).toList();
            }
            children = ProcessHandle.current().children().count();
            if (left.isEmpty() && children == 0) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        assertEquals(List.of(), left, "blocks left behind under /dev/shm");
        assertEquals(0, children, "child processes left: " + Arrays.toString(ProcessHandle.current().children().toArray()));
    }
}
