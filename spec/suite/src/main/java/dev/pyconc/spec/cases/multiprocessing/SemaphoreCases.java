package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.Semaphore} that are its own: units shared by processes, {@code get_value()},
 * {@code locked()}, and CPython's {@code release()} without a count. What it shares with {@code threading.Semaphore}
 * is {@link MultiprocessingSemaphoreCases}.
 */
@PyCase
class SemaphoreCases {

    /** How many units non-blocking acquires can take, at most {@code max} (the caller gives them back). */
    static int takeAll(Semaphore s, int max) {
        int n = 0;
        while (n < max && s.acquire(false)) {
            n++;
        }
        return n;
    }

    /** A unit a child takes is missing in the parent until a child gives it back; a unit the parent releases reaches a child. */
    @Test
    @Checks("multiprocessing.Semaphore/units-shared-across-processes")
    void unitsSharedAcrossProcesses(MultiprocessingModule mp) {
        Semaphore s = mp.semaphore(0);
        try (Procs procs = new Procs(); Pipe pipe = Pipe.open(mp)) {
            PyProcess taker = procs.start(mp, mp, Routine.ACQUIRE, s, Timing.LONG, pipe.child());
            s.release();
            assertEquals(Boolean.TRUE, pipe.next(), "the child's acquire of the unit the parent released");
            assertEquals(0L, Procs.joined(taker));
            assertFalse(s.acquire(false), "the child took the only unit");
            PyProcess giver = procs.start(mp, mp, Routine.RELEASE, s, pipe.child());
            assertEquals("released", pipe.next());
            assertEquals(0L, Procs.joined(giver));
            assertTrue(s.acquire(false), "the unit a child released");
        }
    }

    /** CPython's release() takes no count (TypeError) and a negative initial value raises OSError. */
    @Test
    @Checks("multiprocessing.Semaphore/release-takes-no-count")
    void releaseTakesNoCount(MultiprocessingModule mp) {
        Semaphore s = mp.semaphore(1);
        assertThrows(TypeError.class, () -> s.release(2));
        assertEquals(1, takeAll(s, 3), "a refused release(2) adds nothing");
        assertThrows(OSError.class, () -> mp.semaphore(-1));
    }

    /** get_value() follows the counter through acquires and releases. */
    @Test
    @Checks("multiprocessing.Semaphore.get_value/current-value")
    void getValue(MultiprocessingModule mp) {
        assertEquals(1, mp.semaphore().getValue());
        Semaphore s = mp.semaphore(3);
        assertEquals(3, s.getValue());
        assertTrue(s.acquire());
        assertEquals(2, s.getValue());
        s.release();
        s.release();
        assertEquals(4, s.getValue());
    }

    /** locked() is True exactly while the counter is zero. */
    @Test
    @Checks("multiprocessing.Semaphore.locked/true-at-zero")
    void lockedAtZero(MultiprocessingModule mp) {
        assertTrue(mp.semaphore(0).locked());
        Semaphore s = mp.semaphore(1);
        assertFalse(s.locked());
        assertTrue(s.acquire());
        assertTrue(s.locked());
        s.release();
        assertFalse(s.locked());
    }
}
