package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.threading.Lock;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of a primitive lock, as {@code threading.Lock}, {@code _thread}'s lock objects
 * ({@code _thread.allocate_lock()}, {@code _thread.LockType()}) and {@code multiprocessing.Lock} all document
 * it: one suite, several bindings, after CPython's {@code lock_tests.BaseLockTests}.
 *
 * <p>Each concrete subclass makes the locks ({@link #newLock}) and binds the {@code {lock}} placeholder of the
 * ids with {@link Binding}, e.g. to {@code threading.Lock}, {@code _thread.lock} or {@code multiprocessing.Lock},
 * so that every result names the catalog entry of its binding. Only behaviours that every binding's docs promise
 * belong here: the calls use {@code acquire}'s arguments by position, timeouts are positive or absent, and no
 * case looks at what a wrong call raises, since {@code multiprocessing.Lock} differs there (ValueError for an
 * unlocked release, a negative timeout counting as zero, a timeout ignored when not blocking). What only the
 * {@code threading} and {@code _thread} locks promise is {@link ThreadLockContract}; cases of one binding stay
 * in its own class with literal ids. See CONTRIBUTING.md, "One suite, several bindings".
 */
@PyCase
public abstract class LockContract {

    /** A new, unlocked lock of the binding under test. */
    protected abstract Lock newLock(Adapter adapter);

    /** A non-blocking acquire of a held Lock returns False at once, even from the holder. */
    @Test
    @Checks("{lock}.acquire/nonblocking-held-returns-false")
    public void nonblockingAcquireOfHeldLockReturnsFalse(Adapter adapter, Harness h) {
        Lock lock = newLock(adapter);
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        h.join(h.start("other", () -> assertFalse(lock.acquire(false))));
        lock.release();
    }

    /** Any thread may release a Lock, not only the thread that acquired it. */
    @Test
    @Checks("{lock}.release/any-thread-may-release")
    public void anotherThreadMayRelease(Adapter adapter, Harness h) {
        Lock lock = newLock(adapter);
        assertTrue(lock.acquire());
        h.join(h.start("releaser", lock::release));
        assertFalse(lock.locked());
    }

    /** A timed acquire of a held Lock returns False, no earlier than its timeout. */
    @Test
    @Checks("{lock}.acquire/timeout-expires-returns-false")
    public void timedAcquireOfHeldLockTimesOut(Adapter adapter, Harness h) {
        Lock lock = newLock(adapter);
        lock.acquire();
        long t0 = h.now();
        assertFalse(lock.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        lock.release();
    }

    /** A new Lock is unlocked. */
    @Test
    @Checks("{lock}/created-unlocked")
    public void newLockIsUnlocked(Adapter adapter) {
        Lock lock = newLock(adapter);
        assertFalse(lock.locked());
        assertTrue(lock.acquire(false), "a new Lock should be free to take");
        lock.release();
    }

    /** Acquiring a free Lock in each call form returns True promptly and locks it. */
    @Test
    @Checks("{lock}.acquire/unlocked-acquires-returns-true")
    public void acquireOfFreeLockSucceeds(Adapter adapter, Harness h) {
        Lock a = newLock(adapter);
        Lock b = newLock(adapter);
        Lock c = newLock(adapter);
        double took = h.time(() -> {
            assertTrue(a.acquire());
            assertTrue(b.acquire(false));
            assertTrue(c.acquire(true, Timing.LONG));
        });
        h.assertPrompt(took);
        for (Lock l : new Lock[] {a, b, c}) {
            assertTrue(l.locked());
            l.release();
        }
    }

    /** locked() follows acquire and release, and other threads see the same state. */
    @Test
    @Checks("{lock}.locked/reflects-state")
    public void lockedReflectsState(Adapter adapter, Harness h) {
        Lock lock = newLock(adapter);
        assertFalse(lock.locked());
        lock.acquire();
        assertTrue(lock.locked());
        h.join(h.start("observer", () -> assertTrue(lock.locked())));
        lock.release();
        assertFalse(lock.locked());
        h.join(h.start("observer", () -> assertFalse(lock.locked())));
    }

    /** A blocking acquire of a held Lock does not return until the holder releases, then returns True. */
    @Test
    @Checks("{lock}.acquire/blocks-until-released")
    public void blockingAcquireWaitsForRelease(Adapter adapter, Harness h) {
        blockedAcquirerProceedsAfterRelease(adapter, h, Lock::acquire);
    }

    /** A timed acquire returns True when the Lock is released by another thread within the timeout. */
    @Test
    @Checks("{lock}.acquire/timeout-acquires-when-released")
    public void timedAcquireSucceedsWhenReleased(Adapter adapter, Harness h) {
        blockedAcquirerProceedsAfterRelease(adapter, h, l -> l.acquire(true, Timing.LONG));
    }

    interface Acquire {
        boolean on(Lock lock);
    }

    /** Holds the Lock, lets another thread block in {@code how}, releases, and checks the waiter got it. */
    void blockedAcquirerProceedsAfterRelease(Adapter adapter, Harness h, Acquire how) {
        Lock lock = newLock(adapter);
        lock.acquire();
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean result = new AtomicBoolean();
        boolean released = false;
        Thread t = h.start("acquirer", () -> {
            entering.set(true);
            result.set(how.on(lock));
            returned.set(true);
        });
        try {
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertFalse(returned.get(), "acquire returned while the Lock was held by another thread");
            lock.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                quietly(lock::release);
            }
        }
        assertTrue(result.get(), "acquire should return True once the Lock is released");
        assertTrue(lock.locked(), "the acquirer should now hold the Lock");
        lock.release();
    }

    /** The holder's own timed re-acquire blocks until its timeout: a Lock is not reentrant. */
    @Test
    @Checks("{lock}.acquire/not-reentrant")
    public void holderReacquireBlocks(Adapter adapter, Harness h) {
        Lock lock = newLock(adapter);
        assertTrue(lock.acquire());
        long t0 = h.now();
        assertFalse(lock.acquire(true, Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked(), "one release undoes the single successful acquire");
    }

    /** Each release lets exactly one of several blocked acquirers through. */
    @Test
    @Checks("{lock}.release/lets-exactly-one-waiter-proceed")
    public void releaseLetsOneWaiterThrough(Adapter adapter, Harness h) {
        int n = 3;
        Lock lock = newLock(adapter);
        lock.acquire();
        AtomicInteger entering = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        Harness.Bunch bunch = h.bunch("acquirer", n, i -> {
            entering.incrementAndGet();
            assertTrue(lock.acquire());
            inside.incrementAndGet(); // keeps the Lock; the main thread releases it
        });
        try {
            h.poll("all acquirers started", () -> entering.get() == n);
            for (Thread t : bunch.threads()) {
                h.awaitBlocked(t);
            }
            assertEquals(0, inside.get(), "an acquirer got a held Lock");
            for (int k = 1; k <= n; k++) {
                lock.release();
                int want = k;
                h.poll(k + " acquirer(s) through", () -> inside.get() >= want);
                // The winner keeps the Lock, so this must time out, and nobody else may get in meanwhile.
                assertFalse(lock.acquire(true, Timing.SHORT), "Lock should be held by the acquirer let through");
                assertEquals(k, inside.get(), "one release let more than one acquirer through");
            }
            bunch.join();
            lock.release();
        } finally {
            drain(h, lock, bunch, n);
        }
    }

    /** Releases the Lock until every member of the bunch has finished (cleanup on the failure path). */
    private static void drain(Harness h, Lock lock, Harness.Bunch bunch, int n) {
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        while (bunch.finishedCount() < n && System.nanoTime() - deadline < 0) {
            if (lock.locked()) {
                quietly(lock::release);
            }
            Thread.onSpinWait();
        }
    }

    /** Under random contention, no two threads are ever between acquire and release at the same time. */
    @Test
    @Checks("{lock}/mutual-exclusion")
    public void mutualExclusion(Adapter adapter, Harness h) {
        Random rnd = h.random();
        int n = 2 + rnd.nextInt(4);
        int rounds = 10 + rnd.nextInt(21);
        h.note("threads", Integer.toString(n));
        h.note("rounds", Integer.toString(rounds));
        Lock lock = newLock(adapter);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        AtomicInteger passes = new AtomicInteger();
        h.bunch("worker", n, i -> {
            for (int r = 0; r < rounds; r++) {
                assertTrue(lock.acquire());
                try {
                    maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                    Thread.yield();
                    passes.incrementAndGet();
                    holders.decrementAndGet();
                } finally {
                    lock.release();
                }
            }
        }).join();
        assertEquals(1, maxHolders.get(), "threads inside the Lock at the same time");
        assertEquals(n * rounds, passes.get());
        assertFalse(lock.locked());
    }

    /** When several threads try a non-blocking acquire of a free Lock at once, exactly one succeeds. */
    @Test
    @Checks("{lock}/atomic-nonblocking-acquire")
    public void concurrentNonblockingAcquireHasOneWinner(Adapter adapter, Harness h) {
        Random rnd = h.random();
        int rounds = 5 + rnd.nextInt(6);
        for (int r = 0; r < rounds; r++) {
            int n = 2 + rnd.nextInt(5);
            Lock lock = newLock(adapter);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger winners = new AtomicInteger();
            Harness.Bunch racers = h.bunch("racer", n, i -> {
                assertTrue(go.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS), "start signal");
                if (lock.acquire(false)) {
                    winners.incrementAndGet();
                }
            }).awaitStarted();
            go.countDown();
            racers.join();
            assertEquals(1, winners.get(), "round " + r + " with " + n + " racers");
            assertTrue(lock.locked());
            lock.release();
        }
    }

    /** A with block holds the lock inside (a non-blocking acquire fails) and releases it on exit. */
    @Test
    @Checks("{lock}/with-statement")
    public void withStatementHoldsAndReleases(Adapter adapter) {
        Lock lock = newLock(adapter);
        try (var held = lock.enter()) {
            assertTrue(lock.locked());
            assertFalse(lock.acquire(false), "the lock should be held inside the with block");
        }
        assertFalse(lock.locked(), "the with block should have released the lock");
        assertTrue(lock.acquire(false), "the lock should be free after the with block");
        lock.release();
    }

    /** Runs {@code r}, ignoring what it raises (cleanup only). */
    public static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // cleanup only
        }
    }
}
