package dev.pyconc.spec.cases.asyncio;

import static dev.pyconc.spec.cases.asyncio.Aio.assertPending;
import static dev.pyconc.spec.cases.asyncio.Aio.bounded;
import static dev.pyconc.spec.cases.asyncio.Aio.started;
import static dev.pyconc.spec.cases.asyncio.SemaphoreCases.takeAtOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.BoundedSemaphore;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.ValueError;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.BoundedSemaphore}. */
@PyCase
class BoundedSemaphoreCases {

    /** Made without a value, it has one unit and may not be released past it. */
    @Test
    @Checks("asyncio.BoundedSemaphore/default-value-one")
    void defaultValueOne(AsyncioModule m) {
        BoundedSemaphore s = m.boundedSemaphore();
        m.run(co -> {
            assertThrows(ValueError.class, s::release);
            takeAtOnce(co, s, 1);
            Task<Boolean> t = started(co, s.acquire());
            assertPending(t);
            s.release();
            bounded(co, t, "the waiter after release");
            return null;
        });
    }

    /** Below its bound it acts as a Semaphore: waits at zero, a release lets a waiter in; negative values are refused. */
    @Test
    @Checks("asyncio.BoundedSemaphore/is-a-semaphore")
    void isASemaphore(AsyncioModule m) {
        assertThrows(ValueError.class, () -> m.boundedSemaphore(-1));
        BoundedSemaphore s = m.boundedSemaphore(2);
        m.run(co -> {
            takeAtOnce(co, s, 2);
            assertTrue(s.locked());
            Task<Boolean> t = started(co, s.acquire());
            assertPending(t);
            s.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter after release"));
            s.release();
            assertFalse(s.locked());
            co.asyncWith(s, () -> assertTrue(s.locked(), "the block took the one free unit"));
            assertFalse(s.locked(), "the block gave its unit back");
            return null;
        });
    }

    /** A release above the initial value raises ValueError and adds no unit. */
    @Test
    @Checks("asyncio.BoundedSemaphore.release/above-initial-raises-valueerror")
    void releaseAboveInitialRaises(AsyncioModule m) {
        BoundedSemaphore s = m.boundedSemaphore(2);
        m.run(co -> {
            assertThrows(ValueError.class, s::release);
            bounded(co, s.acquire(), "acquire");
            s.release();
            assertThrows(ValueError.class, s::release);
            takeAtOnce(co, s, 2);
            Task<Boolean> t = started(co, s.acquire());
            assertPending(t);
            s.release();
            bounded(co, t, "the waiter");
            return null;
        });
    }

    /** CPython's message for one release too many. */
    @Test
    @Checks("asyncio.BoundedSemaphore.release/above-initial-message")
    void releaseAboveInitialMessage(AsyncioModule m) {
        BoundedSemaphore s = m.boundedSemaphore(1);
        m.run(co -> {
            ValueError e = assertThrows(ValueError.class, s::release);
            assertEquals("BoundedSemaphore released too many times", e.getMessage());
            return null;
        });
    }
}
