package dev.pyconc.reference.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.RefMultiprocessingModule;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A block and a list handed to a child JVM as process arguments: the child rebuilds both by name (an error there
 * would end it with exitcode 1), and its exit leaves them in place, since a child attaches without tracking.
 */
@Timeout(120)
class ChildRebuildTest {
    private final OwnBlocks own = new OwnBlocks();
    private final RefMultiprocessingModule mp = new RefMultiprocessingModule();

    @AfterEach
    void clean() throws InterruptedException {
        mp.cleanUp();
        own.assertGone();
    }

    @Test
    void childRebuildsBlockAndListByNameAndLeavesThem() {
        RefSharedMemory s = RefSharedMemory.open(null, true, 16, true);
        own.add(s.name());
        RefShareableList l = RefShareableList.create(List.of(1L, "x"), null);
        own.add(l.shm().name());
        try {
            s.buf().write(0, PyBytes.utf8("kept"));
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.IDENTITY), List.of(s, l)));
            p.start();
            p.join(60.0);
            assertNotNull(p.exitcode(), "the child did not end");
            assertEquals(0L, p.exitcode(), "the child rebuilt both arguments");
            assertTrue(Files.exists(Path.of("/dev/shm", s.name())), "the child's exit left the block");
            assertTrue(Files.exists(Path.of("/dev/shm", l.shm().name())), "and the list");
            assertEquals(PyBytes.utf8("kept"), s.buf().read(0, 4));
            assertEquals("x", l.get(1));
        } finally {
            s.close();
            l.shm().close();
            for (String n : List.of(s.name(), l.shm().name())) {
                try {
                    Files.deleteIfExists(Path.of("/dev/shm", n)); // what unlink does, without failing the clean-up
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Tracker.unregister("/" + n);
            }
        }
    }
}
