package dev.pyconc.reference.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.exceptions.ValueError;
import org.junit.jupiter.api.Test;

/** waitpid status decoding, against the layouts glibc's macros define (exit, signal, core dump, stop). */
class WaitStatusTest {
    @Test
    void exitCodes() {
        assertEquals(0, WaitStatus.returncode(0));
        assertEquals(3, WaitStatus.returncode(3 << 8));
        assertEquals(255, WaitStatus.returncode(255 << 8));
        assertEquals(137, WaitStatus.returncode(137 << 8), "exit 137 is not death by SIGKILL");
        assertTrue(WaitStatus.exited(3 << 8));
    }

    @Test
    void signals() {
        assertEquals(-15, WaitStatus.returncode(15));
        assertEquals(-9, WaitStatus.returncode(9));
        assertEquals(-6, WaitStatus.returncode(6 | 0x80), "a core dump does not change the signal");
        assertTrue(WaitStatus.signaled(9));
        assertFalse(WaitStatus.exited(9));
    }

    @Test
    void stoppedIsMinusStopSignal() {
        assertEquals(-19, WaitStatus.returncode((19 << 8) | 0x7f));
        assertTrue(WaitStatus.stopped((19 << 8) | 0x7f));
    }

    @Test
    void continuedIsInvalid() {
        assertThrows(ValueError.class, () -> WaitStatus.returncode(0xffff));
    }
}
