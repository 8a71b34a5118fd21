package dev.pyconc.reference.multiprocessing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The synchronize classes in one process (threads), against CPython 3.14's {@code multiprocessing.synchronize} as
 * seen on this machine: same algorithms, same exceptions. Every object is closed at the end and no
 * {@code /dev/shm} entry (semaphore or block) may be left.
 */
@Timeout(60)
class SynchronizeTest {
    private final List<AutoCloseable> made = new ArrayList<>();
    private final Set<String> entries = new TreeSet<>();
    private Threads threads;

    @BeforeEach
    void start() {
        threads = new Threads();
    }

    @AfterEach
    void cleanUp() throws Exception {
        threads.close();
        for (AutoCloseable c : made) {
            c.close();
        }
        assertEquals(List.of(), SemNames.registered(), "semaphore names still registered");
        Leaks.assertClean(entries);
    }

    private <T extends AutoCloseable> T keep(T c) {
        made.add(c);
        if (c instanceof Reducible r) {
            entries.addAll(Leaks.entries(r));
        }
        return c;
    }

    // ---- Lock ----

    @Test
    void lockAcquireReleaseLocked() {
        Lock l = keep(new Lock());
        assertFalse(l.locked());
        assertTrue(l.acquire());
        assertTrue(l.locked());
        assertFalse(l.acquire(false), "non-blocking acquire of a held lock");
        l.release();
        assertFalse(l.locked());
    }

    @Test
    void lockReleaseWhenUnlockedRaisesValueError() {
        Lock l = keep(new Lock());
        ValueError e = assertThrows(ValueError.class, l::release);
        assertEquals("semaphore or lock released too many times", e.getMessage());
    }

    @Test
    void lockMayBeReleasedByAnotherThread() throws Exception {
        Lock l = keep(new Lock());
        l.acquire();
        Threads.get(threads.start("releaser", () -> {
            l.release();
            return null;
        }));
        assertFalse(l.locked());
        assertTrue(l.acquire(false));
    }

    @Test
    void lockNegativeTimeoutIsOneTry() {
        Lock l = keep(new Lock());
        l.acquire();
        long t0 = System.nanoTime();
        assertFalse(l.acquire(true, -1.0), "CPython: -1 counts as 0, not as 'no limit'");
        assertFalse(l.acquire(false, 5.0), "timeout ignored when not blocking");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
    }

    @Test
    void lockTimeoutExpires() {
        Lock l = keep(new Lock());
        l.acquire();
        long t0 = System.nanoTime();
        assertFalse(l.acquire(true, 0.1));
        long elapsed = System.nanoTime() - t0;
        assertTrue(elapsed >= 90_000_000L, "waited " + elapsed + " ns");
    }

    @Test
    void lockNanTimeoutIsOSError() {
        Lock l = keep(new Lock());
        l.acquire();
        OSError e = assertThrows(OSError.class, () -> l.acquire(true, Double.NaN));
        assertEquals(22L, e.errno());
    }

    @Test
    void lockBlockedAcquireGetsItAfterRelease() throws Exception {
        Lock l = keep(new Lock());
        l.acquire();
        AtomicBoolean trying = new AtomicBoolean();
        CompletableFuture<Boolean> f = threads.start("waiter", () -> {
            trying.set(true);
            return l.acquire(true, (Double) null);
        });
        Threads.poll("waiter started", trying::get);
        assertFalse(f.isDone(), "the waiter cannot have the lock while this thread holds it");
        l.release();
        assertTrue(Threads.get(f));
        assertTrue(l.locked());
        l.release();
    }

    @Test
    void lockWithBlockReleasesEvenWhenTheBodyRaises() {
        Lock l = keep(new Lock());
        assertThrows(ValueError.class, () -> l.with(() -> {
            assertTrue(l.locked());
            throw new ValueError("body");
        }));
        assertFalse(l.locked());
        try (PyContextManager.Held h = l.enter()) {
            assertTrue(l.locked());
        }
        assertFalse(l.locked());
    }

    // ---- RLock ----

    @Test
    void rlockIsReentrantAndOwned() throws Exception {
        RLock r = keep(new RLock());
        assertTrue(r.acquire());
        assertTrue(r.acquire(false));
        assertTrue(r.locked());
        assertFalse(Threads.get(threads.start("other", () -> r.acquire(false))), "another thread cannot take it");
        PyAssertionError e = Threads.get(threads.start("other", () -> assertThrows(PyAssertionError.class, r::release)));
        assertEquals("attempt to release recursive lock not owned by thread", e.getMessage());
        r.release();
        assertTrue(r.locked(), "still held once");
        r.release();
        assertFalse(r.locked());
        assertTrue(Threads.get(threads.start("other", () -> {
            boolean got = r.acquire(false);
            r.release();
            return got;
        })));
    }

    @Test
    void rlockReleaseWhenUnownedRaisesAssertionError() {
        RLock r = keep(new RLock());
        assertThrows(PyAssertionError.class, r::release);
    }

    // ---- Semaphore / BoundedSemaphore ----

    @Test
    void semaphoreCountsAndReportsItsValue() {
        Semaphore s = keep(new Semaphore(2));
        assertEquals(2, s.getValue());
        assertTrue(s.acquire());
        assertTrue(s.acquire(false));
        assertEquals(0, s.getValue());
        assertTrue(s.locked());
        assertFalse(s.acquire(false));
        assertFalse(s.acquire(false, 3.0), "timeout ignored when not blocking (CPython)");
        assertFalse(s.acquire(true, 0.01));
        s.release();
        s.release();
        s.release();
        assertEquals(3, s.getValue(), "an unbounded semaphore goes past its initial value");
        assertFalse(s.locked());
    }

    @Test
    void semaphoreReleaseTakesNoCount() {
        Semaphore s = keep(new Semaphore(0));
        TypeError e = assertThrows(TypeError.class, () -> s.release(2));
        assertEquals("SemLock.release() takes no arguments (1 given)", e.getMessage());
        assertEquals(0, s.getValue());
    }

    @Test
    void semaphoreDefaultValueIsOne() {
        assertEquals(1, keep(new Semaphore()).getValue());
        assertEquals(1, keep(new BoundedSemaphore()).getValue());
    }

    @Test
    void negativeSemaphoreValueIsOSError() {
        assertThrows(OSError.class, () -> keep(new Semaphore(-1)));
    }

    @Test
    void boundedSemaphoreRefusesToGoPastItsInitialValue() {
        BoundedSemaphore b = keep(new BoundedSemaphore(2));
        assertThrows(ValueError.class, b::release);
        assertEquals(2, b.getValue());
        b.acquire();
        b.release();
        assertThrows(ValueError.class, b::release);
        assertThrows(TypeError.class, () -> b.release(1));
    }

    @Test
    void semaphoreWakesABlockedAcquirer() throws Exception {
        Semaphore s = keep(new Semaphore(0));
        CompletableFuture<Boolean> f = threads.start("waiter", () -> s.acquire(true, 20.0));
        s.release();
        assertTrue(Threads.get(f));
        assertEquals(0, s.getValue());
    }

    // ---- Condition ----

    @Test
    void conditionNeedsTheLock() {
        Condition c = keep(new Condition());
        assertEquals("must acquire() condition before using wait()", assertThrows(PyAssertionError.class, () -> c.await(0.0)).getMessage());
        assertEquals("lock is not owned", assertThrows(PyAssertionError.class, c::signal).getMessage());
        assertThrows(PyAssertionError.class, c::signalAll);
        assertThrows(AttributeError.class, c::locked);
        assertThrows(AttributeError.class, c::notifyAllAlias);
    }

    @Test
    void conditionWaitTimesOutAndHoldsTheLockAgain() throws Exception {
        Condition c = keep(new Condition());
        RLock r = (RLock) c.lock();
        c.acquire();
        c.acquire(); // held twice: wait releases both levels and restores them
        long t0 = System.nanoTime();
        assertFalse(c.await(0.1));
        assertTrue(System.nanoTime() - t0 >= 90_000_000L);
        assertTrue(r.locked());
        c.release();
        assertTrue(r.locked(), "still held at the second level");
        c.release();
        assertFalse(r.locked());
    }

    @Test
    void conditionWaitReleasesEveryLevelOfTheLock() throws Exception {
        Condition c = keep(new Condition());
        c.acquire();
        c.acquire();
        AtomicBoolean got = new AtomicBoolean();
        CompletableFuture<Object> helper = threads.start("helper", () -> {
            // can only get the lock while the main thread waits
            c.acquire();
            got.set(true);
            c.signal();
            c.release();
            return null;
        });
        assertTrue(c.await(20.0), "notified");
        Threads.get(helper);
        assertTrue(got.get());
        c.release();
        c.release();
        assertThrows(PyAssertionError.class, c::release);
    }

    @Test
    void notifyWakesOneAndNotifyAllWakesTheRest() throws Exception {
        Condition c = keep(new Condition(keep(new Lock())));
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger woken = new AtomicInteger();
        List<CompletableFuture<Boolean>> fs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fs.add(threads.start("waiter" + i, () -> {
                c.acquire();
                try {
                    waiting.incrementAndGet();
                    boolean r = c.await(20.0);
                    woken.incrementAndGet();
                    return r;
                } finally {
                    c.release();
                }
            }));
        }
        // a waiter counted under the lock is inside wait() once this thread can take the lock
        Threads.poll("three waiters", () -> {
            c.acquire();
            try {
                return waiting.get() == 3;
            } finally {
                c.release();
            }
        });
        c.acquire();
        c.signal(); // returns once the woken waiter has woken
        c.release();
        Threads.poll("one woken", () -> woken.get() == 1);
        c.acquire();
        assertEquals(1, woken.get(), "notify(1) woke exactly one (the others need the lock this thread holds)");
        c.signalAll();
        c.release();
        for (CompletableFuture<Boolean> f : fs) {
            assertTrue(Threads.get(f));
        }
        assertEquals(3, woken.get());
    }

    @Test
    void aWaitAbandonedByAnInterruptStillTakesTheLockBack() throws Exception {
        Condition c = keep(new Condition());
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        AtomicBoolean releasedInFinally = new AtomicBoolean();
        AtomicBoolean holding = new AtomicBoolean();
        CompletableFuture<Boolean> f = threads.start("waiter", () -> {
            waiterThread.set(Thread.currentThread());
            c.acquire();
            holding.set(true);
            try {
                return c.await(null);
            } finally {
                c.release(); // AssertionError if the wait had left without the lock
                releasedInFinally.set(true);
            }
        });
        // the waiter is inside wait() once this thread can take the lock
        Threads.poll("waiter waiting", () -> holding.get() && c.acquire(false));
        waiterThread.get().interrupt();
        // the abandoned waiter counts itself woken, then needs the lock this thread holds
        Threads.poll("waiter woken", () -> c.toString().endsWith(", 0)>"));
        c.release();
        dev.pyconc.spi.exceptions.RuntimeError e = assertThrows(dev.pyconc.spi.exceptions.RuntimeError.class, () -> Threads.get(f));
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(releasedInFinally.get());
        assertFalse(((RLock) c.lock()).locked());
    }

    @Test
    void notifyWithoutWaitersIsHarmlessAndLaterWaitsStillWait() {
        Condition c = keep(new Condition());
        c.acquire();
        c.signal(5);
        c.signalAll();
        assertFalse(c.await(0.05), "an earlier notify is not remembered");
        c.release();
    }

    @Test
    void waitForReturnsTheTruthyValueAtOnceAndTheFalsyOneAfterTheTimeout() {
        Condition c = keep(new Condition());
        assertEquals(7L, c.waitFor(() -> 7L), "no wait, so no lock needed (CPython)");
        c.acquire();
        AtomicInteger calls = new AtomicInteger();
        long t0 = System.nanoTime();
        assertEquals(0L, c.waitFor(() -> {
            calls.incrementAndGet();
            return 0L;
        }, 0.1));
        assertTrue(System.nanoTime() - t0 >= 90_000_000L);
        assertTrue(calls.get() >= 2);
        c.release();
    }

    @Test
    void waitForSeesAChangeMadeUnderTheLock() throws Exception {
        Condition c = keep(new Condition());
        AtomicLong value = new AtomicLong();
        CompletableFuture<Object> f = threads.start("waiter", () -> {
            c.acquire();
            try {
                return c.waitFor(() -> value.get() == 3 ? "done" : null, 20.0);
            } finally {
                c.release();
            }
        });
        for (int i = 0; i < 3; i++) {
            c.acquire();
            value.incrementAndGet();
            c.signalAll();
            c.release();
        }
        assertEquals("done", Threads.get(f));
    }

    @Test
    void conditionRefusesAForeignLock() {
        assertThrows(TypeError.class, () -> new Condition(new dev.pyconc.spi.threading.Lock() {
            public boolean acquire() { return true; }
            public boolean acquire(boolean b) { return true; }
            public boolean acquire(boolean b, double t) { return true; }
            public void release() {}
            public boolean locked() { return false; }
            public Held enter() { return Held.of(() -> {}); }
        }));
    }

    // ---- Event ----

    @Test
    void eventSetClearWait() throws Exception {
        Event e = keep(new Event());
        assertFalse(e.isSet());
        assertFalse(e.await(0.05));
        assertFalse(e.await(-1.0), "negative timeout: no wait");
        e.set();
        assertTrue(e.isSet());
        assertTrue(e.await(0.0));
        assertTrue(e.await());
        e.clear();
        assertFalse(e.isSet());
        assertThrows(AttributeError.class, e::isSetAlias);
    }

    @Test
    void eventSetWakesEveryWaiter() throws Exception {
        Event e = keep(new Event());
        List<CompletableFuture<Boolean>> fs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fs.add(threads.start("waiter" + i, () -> e.await(20.0)));
        }
        e.set();
        for (CompletableFuture<Boolean> f : fs) {
            assertTrue(Threads.get(f));
        }
    }

    // ---- Barrier ----

    @Test
    void barrierPassesAllPartiesWithDistinctIndicesAndRunsTheActionOnce() throws Exception {
        AtomicInteger actions = new AtomicInteger();
        Barrier b = keep(new Barrier(3, PyCallable.of(actions::incrementAndGet), null));
        assertEquals(3, b.parties());
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<Long>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(threads.start("party" + i, () -> b.await(20.0)));
            }
            Threads.poll("two waiting", () -> b.nWaiting() == 2);
            Set<Long> indices = new TreeSet<>();
            indices.add(b.await(20.0));
            for (CompletableFuture<Long> f : fs) {
                indices.add(Threads.get(f));
            }
            assertEquals(Set.of(0L, 1L, 2L), indices);
            assertEquals(round + 1, actions.get());
            Threads.poll("drained", () -> b.nWaiting() == 0);
        }
        assertFalse(b.broken());
    }

    @Test
    void barrierTimeoutBreaksIt() throws Exception {
        Barrier b = keep(new Barrier(2, null, 0.05));
        long t0 = System.nanoTime();
        assertThrows(BrokenBarrierError.class, b::await, "default timeout");
        assertTrue(System.nanoTime() - t0 >= 40_000_000L);
        assertTrue(b.broken());
        assertThrows(BrokenBarrierError.class, () -> b.await(5.0), "a broken barrier stays broken");
        b.reset();
        assertFalse(b.broken());
        assertEquals(0, b.nWaiting());
    }

    @Test
    void barrierAbortAndResetRaiseInWaiters() throws Exception {
        Barrier b = keep(new Barrier(3));
        CompletableFuture<Long> f = threads.start("party", () -> b.await(20.0));
        Threads.poll("one waiting", () -> b.nWaiting() == 1);
        b.abort();
        assertThrows(BrokenBarrierError.class, () -> Threads.get(f));
        assertTrue(b.broken());
        b.reset();
        CompletableFuture<Long> g = threads.start("party", () -> b.await(20.0));
        Threads.poll("one waiting again", () -> b.nWaiting() == 1);
        b.reset();
        assertThrows(BrokenBarrierError.class, () -> Threads.get(g));
        assertFalse(b.broken(), "reset leaves it usable");
    }

    @Test
    void barrierActionThatRaisesBreaksIt() throws Exception {
        Barrier b = keep(new Barrier(2, PyCallable.of(() -> {
            throw new ValueError("action");
        }), null));
        CompletableFuture<Long> f = threads.start("party", () -> b.await(20.0));
        Threads.poll("one waiting", () -> b.nWaiting() == 1);
        assertThrows(ValueError.class, () -> b.await(20.0));
        assertThrows(BrokenBarrierError.class, () -> Threads.get(f));
        assertTrue(b.broken());
    }

    @Test
    void barrierOfOneNeverWaits() {
        Barrier b = keep(new Barrier(1));
        assertEquals(0L, b.await());
        assertEquals(0L, b.await());
    }

    // ---- reduction ----

    /** Reduces {@code r}, sends its state through pickle as a child would get it, rebuilds it here. */
    @SuppressWarnings("unchecked")
    private <T> T roundTrip(Reducible r) {
        Reduction red = r.reduce();
        assertEquals(List.of(), red.fds());
        List<Object> state = (List<Object>) PickleCodec.loads(PickleCodec.dumps(red.state()));
        Object o = Rebuilders.rebuild(new Reduction(red.kind(), state, red.fds()));
        if (o instanceof AutoCloseable c) {
            keep(c);
        }
        return (T) o;
    }

    @Test
    void rebuiltObjectsShareTheSemaphores() throws Exception {
        Lock l = keep(new Lock());
        Lock l2 = roundTrip(l);
        assertEquals(l.name(), l2.name());
        l.acquire();
        assertTrue(l2.locked());
        l2.release(); // a Lock has no owner
        assertFalse(l.locked());

        RLock r = keep(new RLock());
        RLock r2 = roundTrip(r);
        r.acquire();
        assertFalse(Threads.get(threads.start("other", () -> r2.acquire(false))));
        assertThrows(PyAssertionError.class, r2::release, "the rebuilt object has count 0, so it does not own it");
        r.release();

        Semaphore s = keep(new Semaphore(4));
        Semaphore s2 = roundTrip(s);
        s2.acquire();
        assertEquals(3, s.getValue());

        BoundedSemaphore b = keep(new BoundedSemaphore(1));
        BoundedSemaphore b2 = roundTrip(b);
        assertThrows(ValueError.class, b2::release, "maxvalue travels");
    }

    @Test
    void rebuiltConditionEventAndBarrierShareState() throws Exception {
        Condition c = keep(new Condition());
        Condition c2 = roundTrip(c);
        CompletableFuture<Boolean> w = threads.start("waiter", () -> {
            c2.acquire();
            try {
                return c2.await(20.0);
            } finally {
                c2.release();
            }
        });
        // the waiter holds the shared lock until it waits; notify through the original once it does
        Threads.poll("waiter waiting", () -> {
            if (!c.acquire(false)) {
                return false;
            }
            try {
                if (c.toString().endsWith(", 1)>")) {
                    c.signal();
                    return true;
                }
                return false;
            } finally {
                c.release();
            }
        });
        assertTrue(Threads.get(w));

        Event e = keep(new Event());
        Event e2 = roundTrip(e);
        e.set();
        assertTrue(e2.isSet());
        e2.clear();
        assertFalse(e.isSet());

        Barrier b = keep(new Barrier(2, null, 30.0));
        Barrier b2 = roundTrip(b);
        assertEquals(b.stateBlockName(), b2.stateBlockName());
        CompletableFuture<Long> f = threads.start("party", () -> b2.await());
        Threads.poll("one waiting, seen through the original", () -> b.nWaiting() == 1);
        long mine = b.await();
        assertNotEquals(mine, Threads.get(f));
    }

    @Test
    void barrierWithAJavaActionCannotBeReduced() {
        Barrier b = keep(new Barrier(2, PyCallable.of(() -> {}), null));
        assertThrows(TypeError.class, b::reduce);
    }

    // ---- names ----

    @Test
    void closeUnlinksTheNamesItCreated() {
        Event e = new Event();
        Set<String> names = Leaks.entries(e);
        entries.addAll(names);
        assertEquals(5, names.size(), "lock, flag and the condition's three semaphores: " + names);
        assertEquals(names, Leaks.existing(names));
        e.close();
        assertEquals(Set.of(), Leaks.existing(names));
        assertThrows(ValueError.class, e::isSet, "closed");
        Barrier b = new Barrier(2);
        Set<String> bnames = Leaks.entries(b);
        entries.addAll(bnames);
        assertEquals(5, bnames.size(), "the RLock, the condition's three semaphores and the state block: " + bnames);
        assertEquals(bnames, Leaks.existing(bnames));
        b.close();
        assertEquals(Set.of(), Leaks.existing(bnames));
    }

    @Test
    void anUnreachableObjectsNameIsUnlinked() throws InterruptedException {
        String name = new Lock().name();
        Set<String> entry = Set.of("sem." + name.substring(1));
        entries.addAll(entry);
        assertEquals(entry, Leaks.existing(entry));
        Threads.poll("the cleaner unlinks " + name, () -> {
            System.gc();
            return Leaks.existing(entry).isEmpty();
        });
        assertFalse(SemNames.registered().contains(name));
    }
}
