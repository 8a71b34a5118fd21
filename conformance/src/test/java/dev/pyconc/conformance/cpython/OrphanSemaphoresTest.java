package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link OrphanSemaphores}: an unmapped multiprocessing semaphore that appeared since a given time is unlinked; one
 * a live process (this JVM) has mapped, or one older than that time, stays.
 */
class OrphanSemaphoresTest {
    @Test
    void unlinksOnlyNewUnmappedSemaphores() throws Exception {
        assumeTrue(Files.isDirectory(OrphanSemaphores.SHM) && Files.isDirectory(Path.of("/proc/self")),
                "Linux only: /dev/shm and /proc");
        long since = System.currentTimeMillis();
        Path orphan = OrphanSemaphores.SHM.resolve(OrphanSemaphores.PREFIX + "pyconctest-orphan-" + ProcessHandle.current().pid());
        Path inUse = OrphanSemaphores.SHM.resolve(OrphanSemaphores.PREFIX + "pyconctest-inuse-" + ProcessHandle.current().pid());
        Path old = OrphanSemaphores.SHM.resolve(OrphanSemaphores.PREFIX + "pyconctest-old-" + ProcessHandle.current().pid());
        Files.write(old, new byte[32]);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(since - 60_000));
        Files.write(orphan, new byte[32]);
        Files.write(inUse, new byte[32]);
        try (RandomAccessFile f = new RandomAccessFile(inUse.toFile(), "rw")) {
            var map = f.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, 32); // mapped, as sem_open maps it
            assertEquals(1, OrphanSemaphores.unlink(since), "only the new, unmapped one");
            assertFalse(Files.exists(orphan), "the orphan stays");
            assertTrue(Files.exists(inUse), "a semaphore a live process has mapped was unlinked");
            assertTrue(Files.exists(old), "a semaphore older than the agent was unlinked");
            map.put(0, (byte) 1);
        } finally {
            Files.deleteIfExists(orphan);
            Files.deleteIfExists(inUse);
            Files.deleteIfExists(old);
        }
    }
}
