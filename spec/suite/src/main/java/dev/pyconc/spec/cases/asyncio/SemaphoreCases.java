package dev.pyconc.spec.cases.asyncio;

import static dev.pyconc.spec.cases.asyncio.Aio.assertPending;
import static dev.pyconc.spec.cases.asyncio.Aio.bounded;
import static dev.pyconc.spec.cases.asyncio.Aio.started;
import static dev.pyconc.spec.cases.asyncio.Aio.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.Semaphore;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases for {@code asyncio.Semaphore}. */
@PyCase
class SemaphoreCases {

    /** Takes {@code n} units, each of which must be granted without waiting (an acquire task done after a few steps). */
    static void takeAtOnce(Coroutine co, Semaphore s, int n) {
        for (int i = 0; i < n; i++) {
            Task<Boolean> t = co.createTask(s.acquire());
            steps(co, 3);
            assertTrue(t.done(), "acquire " + (i + 1) + " of " + n + " should not wait");
            assertEquals(Boolean.TRUE, t.result());
        }
    }

    /** A Semaphore made without a value lets one acquire through; the second waits. */
    @Test
    @Checks("asyncio.Semaphore/default-value-one")
    void defaultValueOne(AsyncioModule m) {
        Semaphore s = m.semaphore();
        m.run(co -> {
            takeAtOnce(co, s, 1);
            Task<Boolean> t = started(co, s.acquire());
            assertPending(t);
            s.release();
            bounded(co, t, "the second acquire after a release");
            return null;
        });
    }

    /** Semaphore(n) lets n acquires through without waiting; the next one waits. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    @Checks("asyncio.Semaphore/initial-value")
    void initialValue(int n, AsyncioModule m) {
        Semaphore s = m.semaphore(n);
        m.run(co -> {
            takeAtOnce(co, s, n);
            Task<Boolean> t = started(co, s.acquire());
            steps(co, 5);
            assertPending(t);
            s.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiting acquire after a release"));
            return null;
        });
    }

    /** A negative initial value raises ValueError. */
    @Test
    @Checks("asyncio.Semaphore/negative-value-raises-valueerror")
    void negativeValueRaises(AsyncioModule m) {
        assertThrows(ValueError.class, () -> m.semaphore(-1));
        assertThrows(ValueError.class, () -> m.semaphore(-100));
    }

    /** CPython's message for a negative initial value. */
    @Test
    @Checks("asyncio.Semaphore/negative-value-message")
    void negativeValueMessage(AsyncioModule m) {
        ValueError e = assertThrows(ValueError.class, () -> m.semaphore(-1));
        assertEquals("Semaphore initial value must be >= 0", e.getMessage());
    }

    /** async with takes one unit for the block and gives it back after, also when the block raises. */
    @Test
    @Checks("asyncio.Semaphore/async-with")
    void asyncWith(AsyncioModule m) {
        Semaphore s = m.semaphore(1);
        m.run(co -> {
            co.asyncWith(s, () -> assertTrue(s.locked(), "the block holds the only unit"));
            assertFalse(s.locked());
            assertThrows(ValueError.class, () -> co.asyncWith(s, () -> {
                assertTrue(s.locked());
                throw new ValueError("from the block");
            }));
            assertFalse(s.locked());
            takeAtOnce(co, s, 1);
            return null;
        });
    }

    /** With units left, acquire gives True at once and takes one unit. */
    @Test
    @Checks("asyncio.Semaphore.acquire/decrements-returns-true")
    void acquireDecrements(AsyncioModule m) {
        Semaphore s = m.semaphore(2);
        m.run(co -> {
            assertEquals(Boolean.TRUE, bounded(co, s.acquire(), "first acquire"));
            assertFalse(s.locked(), "one unit of two is left");
            assertEquals(Boolean.TRUE, bounded(co, s.acquire(), "second acquire"));
            assertTrue(s.locked(), "no unit is left");
            return null;
        });
    }

    /** At zero, acquire waits until a release, then gives True; the counter is zero again after. */
    @Test
    @Checks("asyncio.Semaphore.acquire/waits-at-zero")
    void acquireWaitsAtZero(AsyncioModule m) {
        Semaphore s = m.semaphore(0);
        m.run(co -> {
            Task<Boolean> t = started(co, s.acquire());
            steps(co, 10);
            assertPending(t);
            s.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter after release"));
            assertTrue(s.locked(), "the unit released went to the waiter");
            return null;
        });
    }

    /** Each release lets exactly one of the waiting tasks through. */
    @Test
    @Checks("asyncio.Semaphore.release/wakes-one-waiter")
    void releaseWakesOne(AsyncioModule m) {
        Semaphore s = m.semaphore(0);
        m.run(co -> {
            List<Task<Boolean>> ts = Stream.of(1, 2, 3).map(i -> started(co, s.acquire())).toList();
            for (int n = 1; n <= 3; n++) {
                s.release();
                steps(co, 5);
                assertEquals(n, ts.stream().filter(Task::done).count(), "waiters through after " + n + " release(s)");
            }
            assertTrue(s.locked());
            return null;
        });
    }

    /** Extra releases add units beyond the initial value. */
    @Test
    @Checks("asyncio.Semaphore.release/more-than-acquired")
    void releaseMoreThanAcquired(AsyncioModule m) {
        Semaphore s = m.semaphore(1);
        m.run(co -> {
            s.release();
            s.release();
            takeAtOnce(co, s, 3);
            Task<Boolean> t = started(co, s.acquire());
            assertPending(t);
            s.release();
            bounded(co, t, "the waiter");
            return null;
        });
    }

    /** locked() is True exactly when an acquire now would have to wait. */
    @Test
    @Checks("asyncio.Semaphore.locked/when-acquire-would-wait")
    void lockedWhenAcquireWouldWait(AsyncioModule m) {
        Semaphore s = m.semaphore(2);
        m.run(co -> {
            assertFalse(s.locked());
            bounded(co, s.acquire(), "acquire 1");
            assertFalse(s.locked());
            bounded(co, s.acquire(), "acquire 2");
            assertTrue(s.locked());
            s.release();
            assertFalse(s.locked());
            assertTrue(m.semaphore(0).locked());
            return null;
        });
    }

    /** CPython serves Semaphore waiters oldest first. */
    @Test
    @Checks("asyncio.Semaphore.acquire/fifo")
    void fifo(AsyncioModule m) {
        Semaphore s = m.semaphore(0);
        m.run(co -> {
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            for (int i = 1; i <= 4; i++) {
                int id = i;
                started(co, c -> {
                    c.await(s.acquire());
                    order.add(id);
                    return null;
                });
            }
            for (int n = 1; n <= 4; n++) {
                s.release();
                steps(co, 5);
                assertEquals(List.of(1, 2, 3, 4).subList(0, n), List.copyOf(order), "order after " + n + " release(s)");
            }
            return null;
        });
    }

    /** A Semaphore made before asyncio.run works there, with a waiting task. */
    @Test
    @Checks("asyncio.Semaphore/created-outside-loop")
    void createdOutsideLoop(AsyncioModule m) {
        Semaphore s = m.semaphore(0);
        m.run(co -> {
            Task<Boolean> t = started(co, s.acquire());
            assertPending(t);
            s.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter"));
            return null;
        });
    }
}
