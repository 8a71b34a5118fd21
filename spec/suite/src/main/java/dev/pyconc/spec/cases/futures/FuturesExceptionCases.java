package dev.pyconc.spec.cases.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.exceptions.CancelledError;
import dev.pyconc.spi.exceptions.InvalidStateError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import org.junit.jupiter.api.Test;

/**
 * Cases for the exception classes of {@code concurrent.futures}, as raised by the module.
 *
 * <p>The class-hierarchy checks read {@link dev.pyconc.spi.exceptions.BaseException#pythonMro()}: for an
 * interpreter's exception that is the interpreter's real MRO, so the check can fail there; on a Java adapter
 * the SPI's exception classes fix the hierarchy and the MRO follows them.
 */
@PyCase
class FuturesExceptionCases {

    /**
     * The CancelledError a cancelled future raises is concurrent.futures' class and has concurrent.futures.Error
     * (and Exception) among its bases.
     */
    @Test
    @Checks("concurrent.futures.CancelledError/is-futures-error")
    void cancelledErrorIsFuturesError(FuturesModule futures) {
        Future f = futures.future();
        f.cancel();
        CancelledError e = assertThrows(CancelledError.class, f::result);
        assertTrue(e.pythonMro().contains("concurrent.futures.Error"), e.pythonMro().toString());
        assertTrue(e.pythonMro().contains("builtins.Exception"), e.pythonMro().toString());
        assertTrue(e.pythonName().startsWith("concurrent.futures.") && e.pythonName().endsWith(".CancelledError"),
                e.pythonName());
    }

    /** A timed-out result() raises the builtin TimeoutError itself. */
    @Test
    @Checks("concurrent.futures.TimeoutError/is-builtin-timeouterror")
    void timeoutIsBuiltin(FuturesModule futures) {
        Future f = futures.future();
        TimeoutError e = assertThrows(TimeoutError.class, () -> f.result(0.0));
        assertEquals("builtins.TimeoutError", e.pythonName());
    }

    /**
     * The InvalidStateError of a second set_result is concurrent.futures' class and has
     * concurrent.futures.Error (and Exception) among its bases.
     */
    @Test
    @Checks("concurrent.futures.InvalidStateError/is-futures-error")
    void invalidStateIsFuturesError(FuturesModule futures) {
        Future f = futures.future();
        f.setResult(1L);
        InvalidStateError e = assertThrows(InvalidStateError.class, () -> f.setResult(2L));
        assertTrue(e.pythonMro().contains("concurrent.futures.Error"), e.pythonMro().toString());
        assertTrue(e.pythonMro().contains("builtins.Exception"), e.pythonMro().toString());
        assertTrue(e.pythonName().startsWith("concurrent.futures.") && e.pythonName().endsWith(".InvalidStateError"),
                e.pythonName());
    }
}
