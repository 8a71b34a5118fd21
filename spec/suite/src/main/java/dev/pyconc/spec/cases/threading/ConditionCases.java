package dev.pyconc.spec.cases.threading;

import static dev.pyconc.spec.cases.threading.RLockCases.freeForOthers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code threading.Condition}.
 *
 * <p>How a waiter is proven to be inside {@code wait}: it sets a Java flag while holding the lock, right
 * before calling {@code wait}; once the flag is seen, the main thread acquires the lock. The waiter gives
 * the lock up only inside {@code wait} (after registering as a waiter), so getting it proves the waiter waits.
 */
@PyCase
class ConditionCases {

    /** Polls {@code flag}, then acquires {@code c} (bounded): proof that the flagging waiter is inside wait. */
    private static void acquireOnceWaiting(Harness h, Condition c, AtomicBoolean flag) {
        h.poll("waiter about to wait", flag::get);
        assertTrue(c.acquire(true, Timing.LONG), "the lock was not released by the waiter's wait()");
    }

    /** Failure-path cleanup: wakes every waiter of {@code c}, so that no helper stays blocked. */
    private static void wakeAll(Condition c) {
        LockCases.quietly(() -> {
            if (c.acquire(true, Timing.LONG)) {
                try {
                    c.signalAll();
                } finally {
                    c.release();
                }
            }
        });
    }

    /** Condition() and Condition(None) make an RLock: the owner may re-acquire, others may not. */
    @Test
    @Checks("threading.Condition/default-lock-is-rlock")
    void defaultLockIsReentrant(ThreadingModule threading, Harness h) {
        for (Condition c : new Condition[] {threading.condition(), threading.condition(null)}) {
            assertTrue(c.acquire());
            assertTrue(c.acquire(false), "the owner should be able to re-acquire a default Condition");
            AtomicBoolean other = new AtomicBoolean(true);
            h.join(h.start("other", () -> other.set(c.acquire(false))));
            assertFalse(other.get(), "another thread got the Condition's lock");
            c.release();
            assertFalse(freeForOthers(h, c), "one release of two acquires should keep the lock held");
            c.release();
            h.join(h.start("other", () -> {
                assertTrue(c.acquire(false));
                c.release();
            }));
        }
    }

    /** A Condition uses the lock it was given, and two Conditions may share one lock. */
    @Test
    @Checks("threading.Condition/uses-given-lock")
    void usesGivenLock(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c1 = threading.condition(lock);
        Condition c2 = threading.condition(lock);
        assertTrue(c1.acquire());
        assertTrue(lock.locked(), "acquiring the Condition should lock the given Lock");
        assertFalse(c2.acquire(false), "a Condition sharing the lock should see it held");
        assertFalse(lock.acquire(false));
        c2.release(); // a Lock has no owner: releasing through the other Condition frees it
        assertFalse(lock.locked());
        assertTrue(lock.acquire());
        assertFalse(c1.acquire(false));
        lock.release();

        RLock rlock = threading.rlock();
        Condition c3 = threading.condition(rlock);
        assertTrue(rlock.acquire());
        assertTrue(c3.acquire(false), "the RLock's owner may take it again through the Condition");
        AtomicBoolean other = new AtomicBoolean(true);
        h.join(h.start("other", () -> other.set(c3.acquire(false))));
        assertFalse(other.get());
        c3.release();
        assertFalse(freeForOthers(h, rlock), "the owner still holds the RLock's first level");
        rlock.release();
        assertTrue(freeForOthers(h, rlock));
    }

    /**
     * What a call did, to compare two calls: its result, or the Python class of the exception it raised.
     * Comparing a Condition's call with the same call on a lock of its own kind checks delegation without
     * resting on how the lock itself answers.
     */
    static Object outcome(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (dev.pyconc.spi.exceptions.BaseException e) {
            return "raised " + e.pythonName();
        }
    }

    /** Condition.acquire passes its arguments through: same results and same argument errors as the lock. */
    @Test
    @Checks("threading.Condition.acquire/delegates-to-lock")
    void acquireDelegates(ThreadingModule threading, Harness h) {
        double[][] odd = {{0, 1.0}, {1, -2.0}, {1, threading.timeoutMax() * 2}}; // {blocking, timeout}
        for (double[] a : odd) {
            boolean blocking = a[0] != 0;
            Lock alone = threading.lock();
            Lock under = threading.lock();
            Condition cond = threading.condition(under);
            assertEquals(outcome(() -> alone.acquire(blocking, a[1])), outcome(() -> cond.acquire(blocking, a[1])),
                    "acquire(" + blocking + ", " + a[1] + ") through the Condition should do what the Lock does");
            assertEquals(alone.locked(), under.locked());
        }
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        assertTrue(c.acquire());
        assertFalse(c.acquire(false));
        long t0 = h.now();
        assertFalse(c.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        c.release();
        assertTrue(c.acquire(true, Timing.LONG));
        c.release();
    }

    /** Condition.release releases the lock, and where the lock's release would raise, raises the same. */
    @Test
    @Checks("threading.Condition.release/delegates-to-lock")
    void releaseDelegates(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        Lock alone = threading.lock();
        assertEquals(outcome(() -> { alone.release(); return null; }), outcome(() -> { c.release(); return null; }),
                "release of an unlocked Lock through the Condition should do what the Lock does");
        lock.acquire();
        c.release();
        assertFalse(lock.locked());

        Condition r = threading.condition();
        RLock aloneR = threading.rlock();
        assertEquals(outcome(() -> { aloneR.release(); return null; }), outcome(() -> { r.release(); return null; }),
                "release of an unowned RLock through the Condition should do what the RLock does");
        r.acquire();
        aloneR.acquire();
        AtomicReference<Object> viaCondition = new AtomicReference<>();
        AtomicReference<Object> direct = new AtomicReference<>();
        h.join(h.start("non-owner", () -> {
            viaCondition.set(outcome(() -> { r.release(); return null; }));
            direct.set(outcome(() -> { aloneR.release(); return null; }));
        }));
        assertEquals(direct.get(), viaCondition.get(), "a non-owner's release through the Condition");
        r.release();
        aloneR.release();
        assertTrue(freeForOthers(h, r), "the owner's release through the Condition should free the RLock");
    }

    /** locked() mirrors the underlying lock, whoever holds it and however it was taken. */
    @Test
    @Checks("threading.Condition.locked/reflects-lock")
    void lockedReflectsLock(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        assertFalse(c.locked());
        lock.acquire();
        assertTrue(c.locked());
        lock.release();
        assertFalse(c.locked());
        h.join(h.start("holder", () -> assertTrue(c.acquire())));
        assertTrue(c.locked(), "held through the Condition by another thread");
        c.release(); // a Lock has no owner
        assertFalse(c.locked());
        try (var held = c.enter()) {
            assertTrue(c.locked());
        }
        assertFalse(c.locked());

        Condition r = threading.condition();
        r.acquire();
        r.acquire();
        assertTrue(r.locked());
        h.join(h.start("observer", () -> assertTrue(r.locked())));
        r.release();
        assertTrue(r.locked(), "one RLock level is still held");
        r.release();
        assertFalse(r.locked());
    }

    /** wait without holding the lock raises RuntimeError, for Lock, RLock and default Conditions. */
    @Test
    @Checks("threading.Condition.wait/without-lock-raises-runtimeerror")
    void waitWithoutLockRaises(ThreadingModule threading, Harness h) {
        for (Condition c : new Condition[] {threading.condition(threading.lock()),
                threading.condition(threading.rlock()), threading.condition()}) {
            assertThrows(RuntimeError.class, () -> c.await(Timing.MEDIUM));
            assertThrows(RuntimeError.class, () -> c.await(0.0));
            raisesInHelper(h, c, () -> assertThrows(RuntimeError.class, c::await));
        }
    }

    /** Runs an untimed call that must raise in a helper, so that a broken wait cannot hang the case. */
    private static void raisesInHelper(Harness h, Condition c, Runnable check) {
        Thread t = h.start("untimed", check::run);
        try {
            h.join(t);
        } finally {
            if (t.isAlive()) {
                wakeAll(c);
            }
        }
    }

    /** Over an RLock owned by another thread, wait, notify and notify_all raise RuntimeError. */
    @Test
    @Checks({"threading.Condition.wait/rlock-owned-by-other-raises-runtimeerror",
            "threading.Condition.notify/without-lock-raises-runtimeerror",
            "threading.Condition.notify_all/without-lock-raises-runtimeerror"})
    void rlockOwnedByOtherRaises(ThreadingModule threading, Harness h) {
        Condition c = threading.condition(threading.rlock());
        c.acquire();
        try {
            h.join(h.start("non-owner", () -> {
                assertThrows(RuntimeError.class, () -> c.await(Timing.MEDIUM));
                assertThrows(RuntimeError.class, c::signal);
                assertThrows(RuntimeError.class, c::signalAll);
            }));
        } finally {
            c.release();
        }
    }

    /** While a thread waits, the lock is free: another thread can take it, and notify returns True to the waiter. */
    @Test
    @Checks({"threading.Condition.wait/releases-lock-while-waiting", "threading.Condition.wait/notified-returns-true"})
    void waitReleasesLock(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        AtomicBoolean inWait = new AtomicBoolean();
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread t = h.start("waiter", () -> {
            c.acquire();
            inWait.set(true);
            result.set(c.await());
            c.release();
        });
        boolean holding = false;
        try {
            h.poll("waiter about to wait", inWait::get);
            assertTrue(lock.acquire(true, Timing.LONG), "the waiter's wait() did not release the lock");
            holding = true;
            c.signal();
            c.release();
            holding = false;
            h.join(t);
        } finally {
            if (holding) {
                LockCases.quietly(c::release);
            }
            if (t.isAlive()) {
                wakeAll(c);
            }
        }
        assertEquals(Boolean.TRUE, result.get());
        assertFalse(lock.locked());
    }

    /**
     * After notify the notifier keeps the lock and the waiter stays in wait; once released, the waiter
     * returns holding the lock.
     */
    @Test
    @Checks({"threading.Condition.wait/reacquires-before-returning",
            "threading.Condition.notify/does-not-release-lock"})
    void waiterReturnsOnlyWithLock(ThreadingModule threading, Harness h) throws InterruptedException {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        AtomicBoolean inWait = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean lockedOnReturn = new AtomicBoolean();
        CountDownLatch letGo = new CountDownLatch(1);
        Thread t = h.start("waiter", () -> {
            c.acquire();
            inWait.set(true);
            assertTrue(c.await());
            lockedOnReturn.set(lock.locked());
            returned.set(true);
            assertTrue(letGo.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS));
            c.release();
        });
        boolean holding = false;
        try {
            acquireOnceWaiting(h, c, inWait);
            holding = true;
            c.signal();
            h.awaitBlocked(t);
            assertFalse(returned.get(), "wait returned while the notifier still held the lock");
            assertTrue(lock.locked(), "notify released the lock");
            c.release(); // raises if notify had released it
            holding = false;
            h.poll("waiter returned", returned::get);
            assertTrue(lockedOnReturn.get());
            assertFalse(lock.acquire(false), "the waiter should hold the lock after wait returns");
            letGo.countDown();
            h.join(t);
            assertFalse(lock.locked());
        } finally {
            letGo.countDown();
            if (holding) {
                LockCases.quietly(c::release);
            }
            if (t.isAlive()) {
                wakeAll(c);
            }
        }
    }

    /** Over an RLock held three levels deep, wait frees it entirely and restores exactly three levels. */
    @Test
    @Checks("threading.Condition.wait/rlock-fully-released-and-restored")
    void rlockLevelsRestored(ThreadingModule threading, Harness h) {
        RLock rlock = threading.rlock();
        Condition c = threading.condition(rlock);
        AtomicBoolean inWait = new AtomicBoolean();
        AtomicInteger releasedAfter = new AtomicInteger();
        AtomicBoolean extraReleaseRaised = new AtomicBoolean();
        Thread t = h.start("waiter", () -> {
            for (int i = 0; i < 3; i++) {
                assertTrue(rlock.acquire());
            }
            inWait.set(true);
            assertTrue(c.await());
            for (int i = 0; i < 3; i++) {
                rlock.release();
                releasedAfter.incrementAndGet();
            }
            try {
                rlock.release();
            } catch (RuntimeError e) {
                extraReleaseRaised.set(true);
            }
        });
        boolean holding = false;
        try {
            h.poll("waiter about to wait", inWait::get);
            assertTrue(rlock.acquire(true, Timing.LONG), "wait() did not fully release the RLock");
            holding = true;
            c.signal();
            rlock.release();
            holding = false;
            h.join(t);
        } finally {
            if (holding) {
                LockCases.quietly(rlock::release);
            }
            if (t.isAlive()) {
                wakeAll(c);
            }
        }
        assertEquals(3, releasedAfter.get(), "after wait the waiter should own three levels again");
        assertTrue(extraReleaseRaised.get(), "a fourth release should raise: only three levels were restored");
        assertTrue(RLockCases.freeForOthers(h, rlock));
    }

    /** wait(), wait(None) and wait(long timeout) all return True when notified. */
    @Test
    @Checks("threading.Condition.wait/notified-returns-true")
    void notifiedWaitReturnsTrue(ThreadingModule threading, Harness h) {
        List<Consumer<AtomicReference<Boolean>>> forms = new ArrayList<>();
        Condition c = threading.condition();
        forms.add(r -> r.set(c.await()));
        forms.add(r -> r.set(c.await(null)));
        forms.add(r -> r.set(c.await(Timing.LONG)));
        for (Consumer<AtomicReference<Boolean>> form : forms) {
            AtomicBoolean inWait = new AtomicBoolean();
            AtomicReference<Boolean> result = new AtomicReference<>();
            Thread t = h.start("waiter", () -> {
                c.acquire();
                inWait.set(true);
                form.accept(result);
                c.release();
            });
            try {
                acquireOnceWaiting(h, c, inWait);
                try {
                    c.signal();
                } finally {
                    c.release();
                }
                h.join(t);
            } finally {
                if (t.isAlive()) {
                    wakeAll(c);
                }
            }
            assertEquals(Boolean.TRUE, result.get());
        }
    }

    /** Un-notified, wait(timeout) returns False after the timeout, with the lock (and RLock levels) held again. */
    @Test
    @Checks("threading.Condition.wait/timeout-returns-false")
    void waitTimesOut(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        c.acquire();
        long t0 = h.now();
        assertFalse(c.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertTrue(lock.locked());
        c.release();
        assertFalse(lock.locked());

        Condition r = threading.condition();
        r.acquire();
        r.acquire();
        t0 = h.now();
        assertFalse(r.await(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        r.release();
        assertFalse(freeForOthers(h, r), "wait should have restored both levels");
        r.release();
        assertTrue(freeForOthers(h, r), "wait should have restored exactly two levels");
    }

    /** wait with a timeout beyond TIMEOUT_MAX raises OverflowError and the caller still holds the lock. */
    @Test
    @Checks("threading.Condition.wait/timeout-above-max-raises-overflowerror")
    void waitTimeoutAboveMaxRaises(ThreadingModule threading) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        c.acquire();
        assertThrows(OverflowError.class, () -> c.await(threading.timeoutMax() * 2));
        assertThrows(OverflowError.class, () -> c.await(Double.POSITIVE_INFINITY));
        assertTrue(lock.locked());
        c.release();
        assertFalse(lock.locked());
    }

    /** A predicate already truthy is returned as is, once evaluated, without any notify. */
    @Test
    @Checks("threading.Condition.wait_for/true-predicate-returns-at-once")
    void waitForTruePredicate(ThreadingModule threading, Harness h) {
        Condition c = threading.condition();
        c.acquire();
        try {
            AtomicInteger calls = new AtomicInteger();
            double took = h.time(() -> {
                assertEquals(5L, c.waitFor(() -> {
                    calls.incrementAndGet();
                    return 5L;
                }));
                assertEquals("yes", c.waitFor(() -> "yes", Timing.LONG));
                assertEquals(List.of(1L), c.waitFor(() -> List.of(1L), null));
            });
            h.assertPrompt(took);
            assertEquals(1, calls.get(), "a truthy predicate needs a single evaluation");
        } finally {
            c.release();
        }
    }

    /**
     * wait_for keeps waiting through a notify that leaves the predicate falsy, and returns the predicate's
     * own truthy value once it changes.
     */
    @Test
    @Checks({"threading.Condition.wait_for/returns-last-predicate-value",
            "threading.Condition.wait_for/rechecks-after-each-wakeup"})
    void waitForRechecksAndReturnsValue(ThreadingModule threading, Harness h) {
        Condition c = threading.condition(threading.lock());
        AtomicLong state = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = h.start("waiter", () -> {
            c.acquire();
            result.set(c.waitFor(() -> {
                calls.incrementAndGet();
                return state.get() >= 2 ? "ready" : (Object) 0L;
            }));
            returned.set(true);
            c.release();
        });
        boolean holding = false;
        try {
            h.poll("predicate evaluated once", () -> calls.get() >= 1);
            assertTrue(c.acquire(true, Timing.LONG), "wait_for did not release the lock while waiting");
            holding = true;
            state.set(1);
            c.signal();
            c.release();
            holding = false;
            h.poll("predicate evaluated again after the notify", () -> calls.get() >= 2);
            assertTrue(c.acquire(true, Timing.LONG), "wait_for did not go back to waiting");
            holding = true;
            assertFalse(returned.get(), "wait_for returned while its predicate was falsy");
            state.set(2);
            c.signal();
            c.release();
            holding = false;
            h.join(t);
        } finally {
            if (holding) {
                LockCases.quietly(c::release);
            }
            if (t.isAlive()) {
                state.set(2);
                wakeAll(c);
            }
        }
        assertEquals("ready", result.get());
        assertTrue(calls.get() >= 3, "predicate calls: " + calls.get());
    }

    /** When the timeout runs out, wait_for returns the predicate's falsy value, after the timeout. */
    @Test
    @Checks("threading.Condition.wait_for/timeout-returns-falsy-value")
    void waitForTimesOut(ThreadingModule threading, Harness h) {
        Condition c = threading.condition();
        c.acquire();
        try {
            long t0 = h.now();
            assertEquals(0L, c.waitFor(() -> 0L, Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            t0 = h.now();
            assertEquals("", c.waitFor(() -> "", Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        } finally {
            c.release();
        }
    }

    /** Every predicate evaluation happens while the waiter (and not the notifier) holds the lock. */
    @Test
    @Checks("threading.Condition.wait_for/predicate-called-with-lock-held")
    void predicateRunsUnderLock(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        AtomicBoolean mainHolds = new AtomicBoolean();
        AtomicBoolean ready = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean lockedAfter = new AtomicBoolean();
        Thread t = h.start("waiter", () -> {
            c.acquire();
            Object r = c.waitFor(() -> {
                if (!lock.locked()) {
                    problems.add("predicate ran with the lock free");
                }
                if (mainHolds.get()) {
                    problems.add("predicate ran while the notifier held the lock");
                }
                calls.incrementAndGet();
                return ready.get();
            });
            assertEquals(Boolean.TRUE, r);
            lockedAfter.set(lock.locked());
            c.release();
        });
        boolean holding = false;
        try {
            for (int round = 0; round < 2; round++) {
                int want = round + 1; // first evaluation, then one after the round-0 notify
                h.poll("predicate evaluated " + want + " time(s)", () -> calls.get() >= want);
                assertTrue(c.acquire(true, Timing.LONG));
                holding = true;
                mainHolds.set(true);
                if (round == 1) {
                    ready.set(true);
                }
                c.signal();
                mainHolds.set(false);
                c.release();
                holding = false;
            }
            h.join(t);
        } finally {
            mainHolds.set(false);
            if (holding) {
                LockCases.quietly(c::release);
            }
            if (t.isAlive()) {
                ready.set(true);
                wakeAll(c);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(lockedAfter.get(), "the lock should be held when wait_for returns");
    }

    /** wait_for with a falsy predicate and without the lock raises RuntimeError. */
    @Test
    @Checks("threading.Condition.wait_for/without-lock-raises-runtimeerror")
    void waitForWithoutLockRaises(ThreadingModule threading, Harness h) {
        for (Condition c : new Condition[] {threading.condition(threading.lock()), threading.condition()}) {
            assertThrows(RuntimeError.class, () -> c.waitFor(() -> false, Timing.MEDIUM));
            raisesInHelper(h, c, () -> assertThrows(RuntimeError.class, () -> c.waitFor(() -> 0L)));
        }
    }

    /** notify and notify(n) without the lock raise RuntimeError (Lock and RLock Conditions). */
    @Test
    @Checks("threading.Condition.notify/without-lock-raises-runtimeerror")
    void notifyWithoutLockRaises(ThreadingModule threading) {
        for (Condition c : new Condition[] {threading.condition(threading.lock()), threading.condition()}) {
            assertThrows(RuntimeError.class, c::signal);
            assertThrows(RuntimeError.class, () -> c.signal(2));
        }
    }

    /** notify_all without the lock raises RuntimeError (Lock and RLock Conditions). */
    @Test
    @Checks("threading.Condition.notify_all/without-lock-raises-runtimeerror")
    void notifyAllWithoutLockRaises(ThreadingModule threading) {
        for (Condition c : new Condition[] {threading.condition(threading.lock()), threading.condition()}) {
            assertThrows(RuntimeError.class, c::signalAll);
        }
    }

    /** Notifying with nobody waiting does nothing and is not saved: a later wait still times out. */
    @Test
    @Checks("threading.Condition.notify/no-waiters-is-no-op")
    void notifyWithoutWaitersIsLost(ThreadingModule threading, Harness h) {
        Condition c = threading.condition();
        c.acquire();
        try {
            c.signal();
            c.signal(3);
            c.signalAll();
            long t0 = h.now();
            assertFalse(c.await(Timing.SHORT), "an earlier notify must not satisfy a later wait");
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        } finally {
            c.release();
        }
    }

    /**
     * Starts {@code w} waiters, proves all are in wait, notifies with {@code notifier}, waits until
     * {@code atLeast} have returned, gives the others a grace period of {@link Timing#SHORT} (the main thread
     * itself waiting on the Condition, so the lock is free), and returns how many had returned by then.
     * Then wakes the rest and joins all.
     */
    private static int wokenBy(ThreadingModule threading, Harness h, int w, Consumer<Condition> notifier, int atLeast) {
        Condition c = threading.condition();
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger woken = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Harness.Bunch bunch = h.bunch("waiter", w, i -> {
            c.acquire();
            try {
                waiting.incrementAndGet();
                assertTrue(c.await());
                woken.incrementAndGet();
                while (!done.get()) { // the rest are released by notify_all at the end
                    c.await();
                }
            } finally {
                c.release();
            }
        });
        int seen;
        try {
            h.poll("all waiters counted", () -> waiting.get() == w);
            assertTrue(c.acquire(true, Timing.LONG));
            try {
                assertEquals(0, woken.get(), "a waiter returned without a notify");
                notifier.accept(c);
            } finally {
                c.release();
            }
            h.poll(atLeast + " waiter(s) woken", () -> woken.get() >= atLeast);
            c.acquire();
            try {
                c.await(Timing.SHORT); // grace period for wrongly woken waiters; the lock is free meanwhile
                seen = woken.get();
                done.set(true);
                c.signalAll();
            } finally {
                c.release();
            }
            bunch.join();
        } finally {
            done.set(true);
            if (bunch.finishedCount() < w) {
                wakeAll(c);
            }
        }
        return seen;
    }

    /** notify() with three waiters wakes exactly one of them. */
    @Test
    @Checks("threading.Condition.notify/wakes-one-by-default")
    void notifyWakesOne(ThreadingModule threading, Harness h) {
        assertEquals(1, wokenBy(threading, h, 3, Condition::signal, 1));
    }

    /** For random n below the random number of waiters, notify(n) wakes at least one and never more than n. */
    @Test
    @Checks("threading.Condition.notify/wakes-at-most-n")
    void notifyWakesAtMostN(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        for (int round = 0; round < 3; round++) {
            int w = 2 + rnd.nextInt(5);
            int n = 1 + rnd.nextInt(w - 1); // n < w, else "at most n" could not fail
            int woken = wokenBy(threading, h, w, c -> c.signal(n), 1);
            assertTrue(woken <= n, "notify(" + n + ") with " + w + " waiters woke " + woken);
        }
    }

    /**
     * CPython detail: notify(n) wakes exactly min(n, waiters), for random n and waiter counts (one round
     * with fewer than n waiters, one with more, one unconstrained).
     */
    @Test
    @Checks("threading.Condition.notify/wakes-exactly-n")
    void notifyWakesExactlyN(ThreadingModule threading, Harness h) {
        Random rnd = h.random();
        for (int round = 0; round < 3; round++) {
            int w;
            int n;
            if (round == 0) {
                w = 2 + rnd.nextInt(5);
                n = 1 + rnd.nextInt(w - 1);
            } else if (round == 1) {
                w = 1 + rnd.nextInt(4);
                n = w + rnd.nextInt(3);
            } else {
                w = 1 + rnd.nextInt(5);
                n = 1 + rnd.nextInt(6);
            }
            int want = Math.min(n, w);
            long count = n;
            assertEquals(want, wokenBy(threading, h, w, c -> c.signal(count), want),
                    "notify(" + n + ") with " + w + " waiters");
        }
    }

    /** CPython detail: successive notify() calls wake the waiters in the order they started waiting. */
    @Test
    @Checks("threading.Condition.notify/fifo-order")
    void notifyWakesInFifoOrder(ThreadingModule threading, Harness h) {
        int w = 4;
        Condition c = threading.condition();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < w; i++) {
                int index = i;
                AtomicBoolean inWait = new AtomicBoolean();
                threads.add(h.start("waiter-" + i, () -> {
                    c.acquire();
                    inWait.set(true);
                    assertTrue(c.await());
                    order.add(index);
                    c.release();
                }));
                acquireOnceWaiting(h, c, inWait); // waiter i waits before waiter i+1 starts
                c.release();
            }
            for (int k = 1; k <= w; k++) {
                c.acquire();
                try {
                    c.signal();
                } finally {
                    c.release();
                }
                int want = k;
                h.poll(k + " waiter(s) returned", () -> order.size() >= want);
            }
            for (Thread t : threads) {
                h.join(t);
            }
        } finally {
            if (threads.stream().anyMatch(Thread::isAlive)) {
                wakeAll(c);
            }
        }
        assertEquals(List.of(0, 1, 2, 3), order);
    }

    /** notify_all wakes every waiter, and each wait returns True. */
    @Test
    @Checks("threading.Condition.notify_all/wakes-all")
    void notifyAllWakesEveryone(ThreadingModule threading, Harness h) {
        int w = 2 + h.random().nextInt(5);
        Condition c = threading.condition(threading.lock());
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger trueResults = new AtomicInteger();
        Harness.Bunch bunch = h.bunch("waiter", w, i -> {
            c.acquire();
            waiting.incrementAndGet();
            if (c.await()) {
                trueResults.incrementAndGet();
            }
            c.release();
        });
        try {
            h.poll("all waiters counted", () -> waiting.get() == w);
            assertTrue(c.acquire(true, Timing.LONG));
            try {
                c.signalAll();
            } finally {
                c.release();
            }
            bunch.join();
        } finally {
            if (bunch.finishedCount() < w) {
                wakeAll(c);
            }
        }
        assertEquals(w, trueResults.get());
    }

    /** The deprecated notifyAll() wakes every one of several waiters, as notify_all() does. */
    @Test
    @Checks("threading.Condition.notify_all/notifyall-alias")
    void notifyAllAliasWakesAll(ThreadingModule threading, Harness h) {
        int w = 2 + h.random().nextInt(3);
        assertEquals(w, wokenBy(threading, h, w, Condition::notifyAllAlias, w));
    }
}
