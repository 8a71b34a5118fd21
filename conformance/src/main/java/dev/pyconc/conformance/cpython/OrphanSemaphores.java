package dev.pyconc.conformance.cpython;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The named semaphores of Python's {@code multiprocessing} ({@code /dev/shm/sem.mp-*}) that an agent's run left
 * behind. With the spawn and forkserver start methods a semaphore keeps its name until a finalizer or the
 * resource tracker unlinks it; a pool cut short (a feature probe that timed out, a case that left a pool
 * running) ends with its processes ended by {@link AgentProcess#close()}, possibly before that cleanup ran. So
 * after the agent and its children are gone, a semaphore that appeared since the agent started and that no live
 * process has mapped (Linux lists mapped files in {@code /proc/PID/maps}) belongs to nobody and is unlinked. A
 * semaphore of another run still in use is mapped by that run's processes and stays. Mappings are matched by
 * inode, not by name: glibc's {@code sem_open} creates a semaphore under a temporary name and links it to its
 * own afterwards, so its creator's mapping shows the temporary name, deleted.
 */
public final class OrphanSemaphores {
    static final Path SHM = Path.of("/dev/shm");
    static final String PREFIX = "sem.mp-";

    private OrphanSemaphores() {}

    /**
     * Unlinks the orphaned multiprocessing semaphores that appeared since {@code sinceMillis}; never throws.
     *
     * @return how many it unlinked
     */
    static int unlink(long sinceMillis) {
        int n = 0;
        for (Path p : orphans(sinceMillis)) {
            try {
                if (Files.deleteIfExists(p)) {
                    n++;
                }
            } catch (IOException | SecurityException e) {
                // a safety net: it must not make closing fail
            }
        }
        return n;
    }

    /**
     * The multiprocessing semaphores that appeared since {@code sinceMillis} and that no live process has mapped;
     * empty where there is no {@code /dev/shm}, or on any error.
     */
    public static List<Path> orphans(long sinceMillis) {
        try {
            List<Path> candidates = new ArrayList<>();
            if (!Files.isDirectory(SHM)) {
                return List.of();
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(SHM, PREFIX + "*")) {
                for (Path p : ds) {
                    if (Files.getLastModifiedTime(p).toMillis() >= sinceMillis - 1000) {
                        candidates.add(p);
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            Set<Long> mapped = mappedInodes();
            candidates.removeIf(p -> {
                try {
                    return mapped.contains(((Number) Files.getAttribute(p, "unix:ino")).longValue());
                } catch (IOException | UnsupportedOperationException e) {
                    return true; // gone meanwhile, or no inode to tell: leave it
                }
            });
            return candidates;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return List.of();
        }
    }

    /** The inodes of the {@code /dev/shm} files some live process has mapped (field 5 of a maps line). */
    private static Set<Long> mappedInodes() throws IOException {
        Set<Long> out = new HashSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try (Stream<String> lines = Files.lines(proc.resolve("maps"))) {
                    lines.filter(l -> l.contains("/dev/shm/sem."))
                            .forEach(l -> out.add(Long.parseLong(l.trim().split("\\s+")[4])));
                } catch (IOException | UncheckedIOException e) {
                    // the process ended meanwhile, or its maps are not readable
                }
            }
        }
        return out;
    }
}
