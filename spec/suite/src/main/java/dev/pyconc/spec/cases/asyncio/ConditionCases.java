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
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Cases for {@code asyncio.Condition}. */
@PyCase
class ConditionCases {

    /**
     * Starts a task that takes the condition's lock, waits once, records its id in {@code woken} once wait()
     * returned, and releases the lock.
     */
    static Task<Boolean> waiter(Coroutine co, Condition c, List<Integer> woken, int id) {
        return started(co, x -> {
            x.await(c.acquire());
            try {
                boolean r = x.await(c.await());
                woken.add(id);
                return r;
            } finally {
                c.release();
            }
        });
    }

    /** Takes the lock, calls {@code notify}, releases it. */
    static void notifyWith(Coroutine co, Condition c, Runnable notify) {
        bounded(co, c.acquire(), "acquire by the notifier");
        try {
            notify.run();
        } finally {
            c.release();
        }
    }

    /** A Condition made without a lock (or with None) has a free lock of its own, not shared with another one. */
    @Test
    @Checks("asyncio.Condition/own-lock-by-default")
    void ownLockByDefault(AsyncioModule m) {
        Condition a = m.condition();
        Condition b = m.condition(null);
        m.run(co -> {
            assertFalse(a.locked());
            assertFalse(b.locked());
            assertEquals(Boolean.TRUE, bounded(co, a.acquire(), "acquire of a"));
            assertTrue(a.locked());
            assertFalse(b.locked(), "two Conditions made without a lock must not share one");
            assertEquals(Boolean.TRUE, bounded(co, b.acquire(), "acquire of b"));
            a.release();
            b.release();
            return null;
        });
    }

    /** Conditions given one Lock work on it: taking it through one shows in the Lock and in the other Condition. */
    @Test
    @Checks("asyncio.Condition/uses-given-lock")
    void usesGivenLock(AsyncioModule m) {
        Lock lock = m.lock();
        Condition a = m.condition(lock);
        Condition b = m.condition(lock);
        m.run(co -> {
            bounded(co, a.acquire(), "acquire through a");
            assertTrue(lock.locked(), "the given lock is the one taken");
            assertTrue(b.locked(), "a Condition sharing the lock sees it held");
            Task<Boolean> t = started(co, b.acquire());
            assertPending(t);
            lock.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "acquire through b after the lock was freed"));
            assertTrue(lock.locked());
            b.release();
            assertFalse(lock.locked());
            assertFalse(a.locked());
            return null;
        });
    }

    /** locked() reports the underlying lock's state, whoever took it. */
    @Test
    @Checks("asyncio.Condition.locked/reflects-lock")
    void lockedReflectsLock(AsyncioModule m) {
        Lock lock = m.lock();
        Condition c = m.condition(lock);
        m.run(co -> {
            assertFalse(c.locked());
            bounded(co, lock.acquire(), "acquire of the lock itself");
            assertTrue(c.locked());
            lock.release();
            assertFalse(c.locked());
            bounded(co, c.acquire(), "acquire through the condition");
            assertTrue(c.locked());
            c.release();
            assertFalse(c.locked());
            return null;
        });
    }

    /** acquire() gives True, and while the lock is held another task's acquire() waits until release. */
    @Test
    @Checks("asyncio.Condition.acquire/takes-lock-returns-true")
    void acquireTakesLock(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            assertEquals(Boolean.TRUE, bounded(co, c.acquire(), "first acquire"));
            Task<Boolean> t = started(co, c.acquire());
            steps(co, 5);
            assertPending(t);
            c.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiting acquire"));
            assertTrue(c.locked());
            return null;
        });
    }

    /** release() with the lock free raises RuntimeError. */
    @Test
    @Checks("asyncio.Condition.release/unlocked-raises-runtimeerror")
    void releaseUnlockedRaises(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            assertThrows(RuntimeError.class, c::release);
            bounded(co, c.acquire(), "acquire");
            c.release();
            assertThrows(RuntimeError.class, c::release);
            return null;
        });
    }

    /** async with holds the lock for the block and frees it after, also when the block raises. */
    @Test
    @Checks("asyncio.Condition/async-with")
    void asyncWith(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            co.asyncWith(c, () -> assertTrue(c.locked()));
            assertFalse(c.locked());
            assertThrows(ValueError.class, () -> co.asyncWith(c, () -> {
                assertTrue(c.locked());
                throw new ValueError("from the block");
            }));
            assertFalse(c.locked());
            return null;
        });
    }

    /** wait() without the lock raises RuntimeError. */
    @Test
    @Checks("asyncio.Condition.wait/unlocked-raises-runtimeerror")
    void waitUnlockedRaises(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            assertThrows(RuntimeError.class, () -> bounded(co, c.await(), "wait without the lock"));
            assertFalse(c.locked());
            return null;
        });
    }

    /** CPython's message for waiting without the lock. */
    @Test
    @Checks("asyncio.Condition.wait/unlocked-message")
    void waitUnlockedMessage(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            RuntimeError e = assertThrows(RuntimeError.class, () -> bounded(co, c.await(), "wait without the lock"));
            assertEquals("cannot wait on un-acquired lock", e.getMessage());
            return null;
        });
    }

    /** While a task waits in wait(), the lock is free: another task takes it without waiting. */
    @Test
    @Checks("asyncio.Condition.wait/releases-lock-while-waiting")
    void waitReleasesLock(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            Task<Boolean> t = waiter(co, c, Collections.synchronizedList(new ArrayList<>()), 1);
            assertPending(t);
            assertFalse(c.locked(), "the waiter should have released the lock");
            Task<Boolean> other = co.createTask(c.acquire());
            steps(co, 3);
            assertTrue(other.done(), "the lock should be free to take while the waiter waits");
            c.signal();
            c.release();
            bounded(co, t, "the notified waiter");
            return null;
        });
    }

    /**
     * A notified waiter does not return while another task holds the lock; once it is freed, wait() returns True
     * with the lock held by the waiter.
     */
    @Test
    @Checks("asyncio.Condition.wait/reacquires-returns-true")
    void waitReacquiresAndReturnsTrue(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            AtomicBoolean heldOnReturn = new AtomicBoolean();
            Task<Boolean> t = started(co, x -> {
                x.await(c.acquire());
                boolean r = x.await(c.await());
                heldOnReturn.set(c.locked());
                c.release();
                return r;
            });
            bounded(co, c.acquire(), "acquire by the notifier");
            c.signal();
            steps(co, 10);
            assertPending(t);
            c.release();
            assertEquals(Boolean.TRUE, bounded(co, t, "the notified waiter"));
            assertTrue(heldOnReturn.get(), "wait() returned without the lock");
            assertFalse(c.locked());
            return null;
        });
    }

    /** notify() wakes one waiter; the others keep waiting until notified in turn. */
    @Test
    @Checks("asyncio.Condition.notify/wakes-one-by-default")
    void notifyWakesOne(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
            List<Task<Boolean>> ts = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ts.add(waiter(co, c, woken, i));
            }
            for (int n = 1; n <= 3; n++) {
                notifyWith(co, c, c::signal);
                steps(co, 5);
                assertEquals(n, woken.size(), "waiters woken after " + n + " notify()");
            }
            for (Task<Boolean> t : ts) {
                assertEquals(Boolean.TRUE, t.result());
            }
            return null;
        });
    }

    /** notify(n) wakes n waiters; with fewer than n waiting, it wakes all of them. */
    @Test
    @Checks("asyncio.Condition.notify/wakes-n")
    void notifyWakesN(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
            for (int i = 1; i <= 5; i++) {
                waiter(co, c, woken, i);
            }
            notifyWith(co, c, () -> c.signal(2));
            steps(co, 8);
            assertEquals(2, woken.size(), "notify(2) with five waiting");
            notifyWith(co, c, () -> c.signal(10));
            steps(co, 10);
            assertEquals(5, woken.size(), "notify(10) with three waiting");
            return null;
        });
    }

    /** A notify with nobody waiting is lost: a task that starts waiting afterwards keeps waiting. */
    @Test
    @Checks("asyncio.Condition.notify/no-waiters-no-effect")
    void notifyWithoutWaitersNotRemembered(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            notifyWith(co, c, c::signal);
            notifyWith(co, c, c::signalAll);
            Task<Boolean> t = waiter(co, c, Collections.synchronizedList(new ArrayList<>()), 1);
            steps(co, 5);
            assertPending(t);
            notifyWith(co, c, c::signal);
            assertEquals(Boolean.TRUE, bounded(co, t, "the waiter after a later notify"));
            return null;
        });
    }

    /** notify() without the lock raises RuntimeError. */
    @Test
    @Checks("asyncio.Condition.notify/unlocked-raises-runtimeerror")
    void notifyUnlockedRaises(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            assertThrows(RuntimeError.class, c::signal);
            assertThrows(RuntimeError.class, () -> c.signal(2));
            return null;
        });
    }

    /** CPython's message for notifying without the lock. */
    @Test
    @Checks("asyncio.Condition.notify/unlocked-message")
    void notifyUnlockedMessage(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            RuntimeError e = assertThrows(RuntimeError.class, c::signal);
            assertEquals("cannot notify on un-acquired lock", e.getMessage());
            return null;
        });
    }

    /** notify_all() without the lock raises RuntimeError. */
    @Test
    @Checks("asyncio.Condition.notify_all/unlocked-raises-runtimeerror")
    void notifyAllUnlockedRaises(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            assertThrows(RuntimeError.class, c::signalAll);
            return null;
        });
    }

    /** CPython wakes Condition waiters oldest first. */
    @Test
    @Checks("asyncio.Condition.notify/oldest-waiter-first")
    void notifyOldestFirst(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
            for (int i = 1; i <= 4; i++) {
                waiter(co, c, woken, i);
            }
            for (int n = 1; n <= 4; n++) {
                notifyWith(co, c, c::signal);
                steps(co, 5);
            }
            assertEquals(List.of(1, 2, 3, 4), List.copyOf(woken));
            return null;
        });
    }

    /** notify_all() wakes every waiter, and each returns True holding the lock in turn. */
    @Test
    @Checks("asyncio.Condition.notify_all/wakes-all")
    void notifyAllWakesAll(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
            List<Task<Boolean>> ts = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                ts.add(waiter(co, c, woken, i));
            }
            notifyWith(co, c, c::signalAll);
            steps(co, 12);
            assertEquals(4, woken.size(), "waiters woken by notify_all()");
            for (Task<Boolean> t : ts) {
                assertEquals(Boolean.TRUE, t.result());
            }
            assertFalse(c.locked());
            return null;
        });
    }

    /** wait_for returns the predicate's last, truthy value (here a number, not True). */
    @Test
    @Checks("asyncio.Condition.wait_for/returns-predicate-value")
    void waitForReturnsPredicateValue(AsyncioModule m) {
        Condition c = m.condition();
        AtomicLong state = new AtomicLong();
        m.run(co -> {
            Task<Object> t = started(co, x -> {
                x.await(c.acquire());
                try {
                    return x.await(c.waitFor(() -> state.get()));
                } finally {
                    c.release();
                }
            });
            state.set(7);
            notifyWith(co, c, c::signalAll);
            assertEquals(7L, bounded(co, t, "wait_for after the predicate became truthy"));
            return null;
        });
    }

    /**
     * wait_for keeps waiting through notifications while the predicate is false, and returns with the lock held
     * once it is true.
     */
    @Test
    @Checks("asyncio.Condition.wait_for/waits-until-true")
    void waitForWaitsUntilTrue(AsyncioModule m) {
        Condition c = m.condition();
        AtomicLong state = new AtomicLong();
        AtomicBoolean heldOnReturn = new AtomicBoolean();
        m.run(co -> {
            Task<Object> t = started(co, x -> {
                x.await(c.acquire());
                Object r = x.await(c.waitFor(() -> state.get() >= 2));
                heldOnReturn.set(c.locked());
                c.release();
                return r;
            });
            state.set(1);
            notifyWith(co, c, c::signalAll);
            steps(co, 8);
            assertPending(t);
            state.set(2);
            notifyWith(co, c, c::signalAll);
            assertEquals(Boolean.TRUE, bounded(co, t, "wait_for after the predicate became true"));
            assertTrue(heldOnReturn.get(), "wait_for returned without the lock");
            return null;
        });
    }

    /** With the predicate already true, wait_for returns its value without any notify. */
    @Test
    @Checks("asyncio.Condition.wait_for/true-at-once")
    void waitForTrueAtOnce(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            co.asyncWith(c, () -> assertEquals("ready", bounded(co, c.waitFor(() -> "ready"), "wait_for, predicate true")));
            return null;
        });
    }

    /** A Condition made before asyncio.run works there, with waiting and notifying tasks. */
    @Test
    @Checks("asyncio.Condition/created-outside-loop")
    void createdOutsideLoop(AsyncioModule m) {
        Condition c = m.condition();
        m.run(co -> {
            Task<Boolean> t = waiter(co, c, Collections.synchronizedList(new ArrayList<>()), 1);
            assertPending(t);
            notifyWith(co, c, c::signal);
            assertEquals(Boolean.TRUE, bounded(co, t, "the notified waiter"));
            return null;
        });
    }
}
