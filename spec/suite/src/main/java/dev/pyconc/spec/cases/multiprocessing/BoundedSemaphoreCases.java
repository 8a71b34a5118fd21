package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.BoundedSemaphore;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.BoundedSemaphore}: the bound on release, and {@code locked()}. */
@PyCase
class BoundedSemaphoreCases {

    /** A release above the initial value raises ValueError and adds no unit. */
    @Test
    @Checks("multiprocessing.BoundedSemaphore/release-above-initial-valueerror")
    void releaseAboveInitialRaises(MultiprocessingModule mp) {
        BoundedSemaphore s = mp.boundedSemaphore(2);
        assertThrows(ValueError.class, s::release);
        assertEquals(2, SemaphoreCases.takeAll(s, 3), "units after a refused release");
        s.release();
        s.release();
        assertThrows(ValueError.class, s::release);
        assertEquals(2, SemaphoreCases.takeAll(s, 3), "units after a refused release at the bound");
        s.release();
        s.release();
        assertThrows(ValueError.class, mp.boundedSemaphore()::release);
    }

    /** locked() is True exactly while no unit is left. */
    @Test
    @Checks("multiprocessing.BoundedSemaphore.locked/true-at-zero")
    void lockedAtZero(MultiprocessingModule mp) {
        BoundedSemaphore s = mp.boundedSemaphore(1);
        assertFalse(s.locked());
        assertTrue(s.acquire());
        assertTrue(s.locked());
        s.release();
        assertFalse(s.locked());
    }
}
