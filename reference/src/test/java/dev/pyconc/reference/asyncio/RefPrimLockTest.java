package dev.pyconc.reference.asyncio;

import static dev.pyconc.reference.asyncio.PrimTesting.assertCancelled;
import static dev.pyconc.reference.asyncio.PrimTesting.bounded;
import static dev.pyconc.reference.asyncio.PrimTesting.run;
import static dev.pyconc.reference.asyncio.PrimTesting.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link RefLock}: the scenarios of CPython's {@code test_locks.LockTests} that decide who gets the lock. */
class RefPrimLockTest {
    @Test
    void acquireReleaseAndItsErrors() {
        run(co -> {
            RefLock lock = new RefLock();
            assertFalse(lock.locked());
            assertTrue(lock.toString().endsWith("[unlocked]>"), lock.toString());
            assertEquals(true, co.await(lock.acquire()));
            assertTrue(lock.locked());
            assertTrue(lock.toString().endsWith("[locked]>"), lock.toString());
            lock.release();
            assertFalse(lock.locked());
            RuntimeError e = assertThrows(RuntimeError.class, lock::release);
            assertEquals("Lock is not acquired.", e.getMessage());
            return null;
        });
    }

    /** Waiters get the lock in the order they queued. */
    @Test
    void waitersAreServedFifo() {
        run(co -> {
            Lock lock = new RefLock();
            List<Integer> order = new ArrayList<>();
            co.await(lock.acquire());
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                tasks.add(co.createTask(c -> {
                    c.await(lock.acquire());
                    order.add(id);
                    lock.release();
                    return null;
                }));
            }
            steps(co, 1);
            assertTrue(lock.toString().contains("waiters:3"), lock.toString());
            lock.release();
            for (Task<Object> t : tasks) {
                bounded(co, t);
            }
            assertEquals(List.of(1, 2, 3), order);
            assertFalse(lock.locked());
            return null;
        });
    }

    /** test_cancel_race: the holder releases while the first waiter is being cancelled; the next one gets it. */
    @Test
    void releaseRacingTheFirstWaitersCancelWakesTheNext() {
        run(co -> {
            Lock lock = new RefLock();
            Event blocker = new RefEvent();
            CoroutineBody lockit = ev -> c -> {
                c.await(lock.acquire());
                try {
                    if (ev != null) {
                        c.await(ev.await());
                    }
                } finally {
                    lock.release();
                }
                return null;
            };
            Task<Object> ta = co.createTask(lockit.body(blocker));
            steps(co, 1);
            assertTrue(lock.locked());
            Task<Object> tb = co.createTask(lockit.body(null));
            steps(co, 1);
            Task<Object> tc = co.createTask(lockit.body(null));
            steps(co, 1);
            assertTrue(lock.toString().contains("waiters:2"), lock.toString());

            blocker.set();
            tb.cancel();
            steps(co, 1);
            assertFalse(lock.locked());
            assertTrue(ta.done());
            assertTrue(tb.cancelled());
            bounded(co, tc);
            assertFalse(lock.locked());
            return null;
        });
    }

    /** Issue 32734 (test_cancel_release_race): cancelling the first waiter and releasing lets only one task in. */
    @Test
    void cancelAndReleaseInOneCallbackLetOnlyOneIn() {
        run(co -> {
            Lock lock = new RefLock();
            AtomicInteger lockCount = new AtomicInteger();
            AtomicInteger callCount = new AtomicInteger();
            co.await(lock.acquire());
            List<Task<Object>> t = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                t.add(co.createTask(c -> {
                    callCount.incrementAndGet();
                    c.await(lock.acquire());
                    lockCount.incrementAndGet();
                    return null;
                }));
            }
            steps(co, 1);
            RefEventLoop.running().callSoon(() -> {
                t.get(0).cancel();
                lock.release();
            });
            assertCancelled(co, t.get(0));
            steps(co, 1);
            assertEquals(1, lockCount.get());
            assertEquals(3, callCount.get());
            assertTrue(t.get(1).done());
            assertFalse(t.get(2).done());
            t.get(2).cancel();
            assertCancelled(co, t.get(2));
            return null;
        });
    }

    /** test_finished_waiter_cancelled: a waiter woken and then cancelled passes the lock to the next waiter. */
    @Test
    void wokenWaiterCancelledPassesTheLockOn() {
        run(co -> {
            Lock lock = new RefLock();
            co.await(lock.acquire());
            Task<Boolean> tb = co.createTask(lock.acquire());
            steps(co, 1);
            Task<Boolean> tc = co.createTask(lock.acquire());
            tb.cancel();
            lock.release();
            steps(co, 1);
            assertTrue(lock.locked());
            assertTrue(tb.cancelled());
            assertEquals(true, bounded(co, tc));
            return null;
        });
    }

    /** A newcomer does not overtake a waiter that was woken but has not run yet. */
    @Test
    void newcomerQueuesBehindAWokenWaiter() {
        run(co -> {
            Lock lock = new RefLock();
            List<String> order = new ArrayList<>();
            co.await(lock.acquire());
            Task<Object> waiter = co.createTask(c -> {
                c.await(lock.acquire());
                order.add("waiter");
                lock.release();
                return null;
            });
            steps(co, 1);
            lock.release(); // the waiter is woken, not yet running
            assertFalse(lock.locked());
            Task<Object> newcomer = co.createTask(c -> {
                c.await(lock.acquire());
                order.add("newcomer");
                lock.release();
                return null;
            });
            bounded(co, waiter);
            bounded(co, newcomer);
            assertEquals(List.of("waiter", "newcomer"), order);
            return null;
        });
    }

    /** {@code async with lock} holds the lock in the block and releases it when the block raises. */
    @Test
    void asyncWithReleasesOnException() {
        run(co -> {
            Lock lock = new RefLock();
            assertThrows(ValueError.class, () -> co.asyncWith(lock, () -> {
                assertTrue(lock.locked());
                throw new ValueError("boom");
            }));
            assertFalse(lock.locked());
            return null;
        });
    }

    /** A lock that waited in one loop refuses to wait in another (asyncio.mixins._LoopBoundMixin). */
    @Test
    void boundToTheFirstLoopThatWaits() {
        RefLock lock = new RefLock();
        run(co -> {
            co.await(lock.acquire());
            Task<Boolean> t = co.createTask(lock.acquire());
            steps(co, 1);
            lock.release();
            bounded(co, t);
            lock.release();
            return null;
        });
        run(co -> {
            co.await(lock.acquire()); // free: no loop needed
            RuntimeError e = assertThrows(RuntimeError.class, () -> co.await(lock.acquire()));
            assertTrue(e.getMessage().endsWith("is bound to a different event loop"), e.getMessage());
            return null;
        });
    }

    /** A task body built from an argument (Python: {@code async def lockit(blocker)}). */
    interface CoroutineBody {
        dev.pyconc.spi.asyncio.CoroutineFunction<Object> body(Event blocker);
    }
}
