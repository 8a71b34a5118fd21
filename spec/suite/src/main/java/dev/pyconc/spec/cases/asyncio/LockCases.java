package dev.pyconc.spec.cases.asyncio;

import static dev.pyconc.spec.cases.asyncio.Aio.assertPending;
import static dev.pyconc.spec.cases.asyncio.Aio.bounded;
import static dev.pyconc.spec.cases.asyncio.Aio.started;
import static dev.pyconc.spec.cases.asyncio.Aio.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.Lock}, stepped with {@code sleep(0)} as in CPython's test_locks.py. */
@PyCase
class LockCases {

    /** A new Lock is free; locked() follows acquire and release. */
    @Test
    @Checks({"asyncio.Lock/initially-unlocked", "asyncio.Lock.locked/reflects-state"})
    void initiallyUnlockedAndLockedReflectsState(AsyncioModule m) {
        Lock lock = m.lock();
        assertFalse(lock.locked());
        m.run(co -> {
            assertFalse(lock.locked());
            bounded(co, lock.acquire(), "acquire of a free lock");
            assertTrue(lock.locked());
            lock.release();
            assertFalse(lock.locked());
            return null;
        });
    }

    /** Acquiring a free Lock gives True and leaves it held. */
    @Test
    @Checks("asyncio.Lock.acquire/free-returns-true")
    void acquireFreeReturnsTrue(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            assertEquals(Boolean.TRUE, bounded(co, lock.acquire(), "acquire of a free lock"));
            assertTrue(lock.locked());
            return null;
        });
    }

    /** A task acquiring a held Lock stays suspended over many loop passes, and gets it (True) after release. */
    @Test
    @Checks("asyncio.Lock.acquire/waits-while-held")
    void acquireWaitsWhileHeld(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "first acquire");
            Task<Boolean> t = started(co, lock.acquire());
            steps(co, 10);
            assertPending(t);
            lock.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter after release"));
            assertTrue(lock.locked());
            return null;
        });
    }

    /** With three tasks waiting, each release lets exactly one through. */
    @Test
    @Checks("asyncio.Lock.acquire/one-waiter-per-release")
    void oneWaiterPerRelease(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "first acquire");
            List<Task<Boolean>> ts = Stream.of(1, 2, 3).map(i -> started(co, lock.acquire())).toList();
            for (int released = 1; released <= 3; released++) {
                lock.release();
                steps(co, 5);
                long done = ts.stream().filter(Task::done).count();
                assertEquals(released, done, "tasks through after " + released + " release(s)");
                assertTrue(lock.locked(), "the task let through holds the lock");
            }
            return null;
        });
    }

    /**
     * Waiters get the Lock in the order they began to wait: after each release, the oldest waiter still waiting
     * is the one that gets it (a Lock that wakes the newest waiter fails here).
     */
    @Test
    @Checks("asyncio.Lock.acquire/fifo")
    void fifo(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            bounded(co, lock.acquire(), "first acquire");
            List<Task<Object>> ts = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int id = i;
                ts.add(started(co, c -> {
                    c.await(lock.acquire());
                    order.add(id);
                    return null;
                }));
            }
            assertPending(ts.toArray(Task[]::new));
            for (int i = 1; i <= 4; i++) {
                lock.release();
                steps(co, 5);
                assertEquals(List.of(1, 2, 3, 4).subList(0, i), List.copyOf(order), "order after " + i + " release(s)");
            }
            return null;
        });
    }

    /** Releasing a held Lock nobody waits for frees it; a later acquire does not wait. */
    @Test
    @Checks("asyncio.Lock.release/unlocks")
    void releaseUnlocks(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "first acquire");
            lock.release();
            assertFalse(lock.locked());
            Task<Boolean> t = co.createTask(lock.acquire());
            steps(co, 3);
            assertTrue(t.done(), "acquire after release should not wait");
            assertEquals(Boolean.TRUE, t.result());
            return null;
        });
    }

    /** release() of a free Lock (new, or already released) raises RuntimeError. */
    @Test
    @Checks("asyncio.Lock.release/unlocked-raises-runtimeerror")
    void releaseUnlockedRaises(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            assertThrows(RuntimeError.class, lock::release);
            bounded(co, lock.acquire(), "acquire");
            lock.release();
            assertThrows(RuntimeError.class, lock::release);
            assertFalse(lock.locked());
            return null;
        });
    }

    /** CPython's message for releasing a free Lock. */
    @Test
    @Checks("asyncio.Lock.release/unlocked-message")
    void releaseUnlockedMessage(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            RuntimeError e = assertThrows(RuntimeError.class, lock::release);
            assertEquals("Lock is not acquired.", e.getMessage());
            return null;
        });
    }

    /** A task other than the one that acquired the Lock may release it. */
    @Test
    @Checks("asyncio.Lock.release/any-task-may-release")
    void anyTaskMayRelease(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "acquire by the main task");
            Task<Object> other = co.createTask(c -> {
                lock.release();
                return null;
            });
            bounded(co, other, "the releasing task");
            assertFalse(lock.locked());
            return null;
        });
    }

    /** async with holds the Lock inside the block (another task's acquire waits) and frees it after. */
    @Test
    @Checks("asyncio.Lock/async-with")
    void asyncWith(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            Task<?>[] waiter = new Task<?>[1];
            co.asyncWith(lock, () -> {
                assertTrue(lock.locked());
                waiter[0] = started(co, lock.acquire());
                assertPending(waiter[0]);
            });
            assertEquals(Boolean.TRUE, bounded(co, waiter[0], "the waiter after the block"));
            lock.release();
            assertFalse(lock.locked());
            return null;
        });
    }

    /** When the async with block raises, the exception comes out unchanged and the Lock is free. */
    @Test
    @Checks("asyncio.Lock/async-with-releases-on-exception")
    void asyncWithReleasesOnException(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            ValueError thrown = new ValueError("from the block");
            ValueError e = assertThrows(ValueError.class, () -> co.asyncWith(lock, () -> {
                assertTrue(lock.locked());
                throw thrown;
            }));
            assertEquals("from the block", e.getMessage());
            assertFalse(lock.locked());
            return null;
        });
    }

    /** A Lock made before asyncio.run works there, also for a task that has to wait for it. */
    @Test
    @Checks("asyncio.Lock/created-outside-loop")
    void createdOutsideLoop(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "acquire");
            Task<Boolean> t = started(co, lock.acquire());
            assertPending(t);
            lock.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter"));
            return null;
        });
    }

    /** CPython: once a task waited for the Lock in one loop, making a task wait for it in another raises RuntimeError. */
    @Test
    @Checks("asyncio.Lock/used-in-second-loop-raises-runtimeerror")
    void usedInSecondLoop(AsyncioModule m) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "acquire");
            Task<Boolean> t = started(co, lock.acquire());
            lock.release();
            bounded(co, t, "the waiter");
            lock.release();
            return null;
        });
        m.run(co -> {
            bounded(co, lock.acquire(), "acquire of the free lock in the second loop");
            Task<Boolean> t = started(co, lock.acquire());
            assertTrue(t.done(), "a wait in the second loop should fail at once");
            assertInstanceOf(RuntimeError.class, t.exception());
            lock.release();
            return null;
        });
    }

    /**
     * acquire() has no timeout of its own: asyncio.wait_for bounds it, raising TimeoutError after the timeout, and
     * the Lock stays with its holder (released once, it is free).
     */
    @Test
    @Checks("asyncio.Lock.acquire/no-timeout-parameter-use-wait-for")
    void waitForBoundsAcquire(AsyncioModule m, Harness h) {
        Lock lock = m.lock();
        m.run(co -> {
            bounded(co, lock.acquire(), "acquire");
            long t0 = h.now();
            assertThrows(TimeoutError.class, () -> co.waitFor(lock.acquire(), Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertTrue(lock.locked(), "the holder still holds the lock");
            lock.release();
            assertFalse(lock.locked(), "the timed-out acquire must not have taken the lock");
            return null;
        });
    }
}
