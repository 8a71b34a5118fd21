package dev.pyconc.spec.cases.shared_memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyconc.spec.cases.multiprocessing.Procs;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases for blocks shared with a child process: the child runs {@code SHM_WRITE} or {@code SHM_READ}, which attach
 * the block by name without tracking it.
 */
@PyCase
class CrossProcessCases {
    /** What a child writes into a block it attached by name, the parent reads; what the parent wrote, the child reads. */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/attach-across-processes")
    void childWritesParentReads(SharedMemoryModule sm, MultiprocessingModule mp) {
        SharedMemory s = sm.sharedMemory(null, true, 64);
        List<Connection> pipe = mp.pipe(false);
        try (Procs procs = new Procs()) {
            s.buf().write(0, PyBytes.utf8("from the parent"));
            PyProcess w = procs.start(mp, mp, Routine.SHM_WRITE, s.name(), 32L, PyBytes.utf8("from the child"));
            assertEquals(0L, Procs.joined(w));
            assertEquals(PyBytes.utf8("from the child"), s.buf().read(32, 14));
            PyProcess r = procs.start(mp, mp, Routine.SHM_READ, s.name(), 0L, 15L, pipe.get(1));
            assertEquals(PyBytes.utf8("from the parent"), Procs.next(pipe.get(0)));
            assertEquals(0L, Procs.joined(r));
        } finally {
            pipe.get(0).close();
            pipe.get(1).close();
            Blocks.release(s);
        }
    }

    /**
     * A block created with track=False outlives the exit of a child that attached it without tracking: it still
     * attaches by name, with the child's bytes, until the parent unlinks it.
     */
    @Test
    @Checks("multiprocessing.shared_memory.SharedMemory/track-false-not-unlinked-at-exit")
    void untrackedBlockSurvivesChildExit(SharedMemoryModule sm, MultiprocessingModule mp) {
        SharedMemory s = sm.sharedMemory(Blocks.freshName(), true, 16, false);
        SharedMemory again = null;
        try (Procs procs = new Procs()) {
            PyProcess w = procs.start(mp, mp, Routine.SHM_WRITE, s.name(), 0L, PyBytes.utf8("child"));
            assertEquals(0L, Procs.joined(w));
            s.close();
            again = sm.sharedMemory(s.name(), false, 0, false);
            assertEquals(PyBytes.utf8("child"), again.buf().read(0, 5));
        } finally {
            Blocks.close(again);
            Blocks.release(s);
        }
    }
}
