package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.RLock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.RLock}: ownership by a thread of one process, recursion, AssertionError where
 * {@code threading.RLock} raises RuntimeError, Lock's timeout rules, and an owner in another process. Its
 * differences from {@code threading.RLock} (errors, timeouts) keep it out of a shared contract.
 */
@PyCase
class RLockCases {

    /** Whether a helper thread can take {@code r} at once (it gives it back if so). */
    private static boolean freeForOthers(Harness h, RLock r) {
        AtomicBoolean got = new AtomicBoolean();
        h.join(h.start("prober", () -> {
            if (r.acquire(false)) {
                got.set(true);
                r.release();
            }
        }));
        return got.get();
    }

    /** The owner's further acquires, blocking or not, return True at once. */
    @Test
    @Checks("multiprocessing.RLock/reentrant-for-owner")
    void ownerReacquires(MultiprocessingModule mp, Harness h) {
        RLock r = mp.rlock();
        double took = h.time(() -> {
            assertTrue(r.acquire());
            assertTrue(r.acquire());
            assertTrue(r.acquire(false));
            assertTrue(r.acquire(true, Timing.LONG));
        });
        h.assertPrompt(took);
        for (int i = 0; i < 4; i++) {
            r.release();
        }
        assertTrue(freeForOthers(h, r), "four releases should undo four acquires");
    }

    /** Each release lowers the level; other threads get the RLock only after the release matching the first acquire. */
    @Test
    @Checks("multiprocessing.RLock.release/last-release-frees")
    void lastReleaseFrees(MultiprocessingModule mp, Harness h) {
        RLock r = mp.rlock();
        int depth = 2 + h.random().nextInt(3);
        for (int i = 0; i < depth; i++) {
            assertTrue(r.acquire());
        }
        for (int i = 1; i < depth; i++) {
            r.release();
            assertFalse(freeForOthers(h, r), "free for others after " + i + " of " + depth + " releases");
        }
        r.release();
        assertTrue(freeForOthers(h, r), "the last release should free the RLock");
    }

    /** with blocks on an RLock nest, and leaving them (also by an exception) frees it. */
    @Test
    @Checks("multiprocessing.RLock/context-manager")
    void withStatement(MultiprocessingModule mp, Harness h) {
        RLock r = mp.rlock();
        try (var outer = r.enter()) {
            try (var inner = r.enter()) {
                assertFalse(freeForOthers(h, r), "inside nested with blocks");
            }
            assertFalse(freeForOthers(h, r), "inside the outer with block");
        }
        assertTrue(freeForOthers(h, r), "after the with blocks");
        ValueError boom = new ValueError("raised inside the with block");
        assertSame(boom, assertThrows(ValueError.class, () -> r.with(() -> {
            throw boom;
        })));
        assertTrue(freeForOthers(h, r), "after a with block that raised");
    }

    /** A thread's blocking acquire waits while a child process owns the RLock, then gets it with True. */
    @Test
    @Checks("multiprocessing.RLock.acquire/blocking-waits-for-other-owner")
    void blockingWaitsForOwnerInAnotherProcess(MultiprocessingModule mp, Harness h) {
        RLock r = mp.rlock();
        try (Procs procs = new Procs(); Pipe pipe = Pipe.open(mp)) {
            PyProcess holder = procs.start(mp, mp, Routine.HOLD_LOCK, r, pipe.child());
            assertEquals("acquired", pipe.next());
            AtomicBoolean entering = new AtomicBoolean();
            AtomicReference<Boolean> result = new AtomicReference<>();
            Thread t = h.start("acquirer", () -> {
                entering.set(true);
                boolean got = r.acquire(true, Timing.LONG);
                result.set(got);
                if (got) {
                    r.release();
                }
            });
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertEquals(null, result.get(), "acquire returned while a child process owned the RLock");
            pipe.parent().send("release");
            assertEquals("released", pipe.next());
            h.join(t);
            assertEquals(Boolean.TRUE, result.get());
            assertEquals(0L, Procs.joined(holder));
        }
    }

    /** A non-blocking acquire returns False while another thread owns the RLock. */
    @Test
    @Checks("multiprocessing.RLock.acquire/nonblocking-other-owner-false")
    void nonblockingByNonOwnerFails(MultiprocessingModule mp, Harness h) throws InterruptedException {
        RLock r = mp.rlock();
        ownedByHelper(h, r, () -> {
            assertFalse(r.acquire(false));
            assertFalse(r.acquire(false), "a failed attempt must not change the level or the owner");
        });
        assertTrue(r.acquire(false), "free once the owner released");
        r.release();
    }

    /** As Lock.acquire: with another owner a negative timeout returns False at once, a positive one after it. */
    @Test
    @Checks("multiprocessing.RLock.acquire/timeout-like-lock")
    void timeoutLikeLock(MultiprocessingModule mp, Harness h) throws InterruptedException {
        RLock r = mp.rlock();
        ownedByHelper(h, r, () -> {
            h.assertPrompt(h.time(() -> assertFalse(r.acquire(true, -1.0))));
            long t0 = h.now();
            assertFalse(r.acquire(true, Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        });
        assertTrue(r.acquire(true, -1.0), "a free RLock is taken even with a negative timeout");
        assertTrue(r.acquire(true, -1.0), "and so is one the caller owns");
        r.release();
        r.release();
    }

    /** A release by a thread that does not own the RLock raises AssertionError and leaves the owner's hold. */
    @Test
    @Checks("multiprocessing.RLock.release/non-owner-assertionerror")
    void releaseByNonOwnerRaises(MultiprocessingModule mp, Harness h) {
        RLock r = mp.rlock();
        assertTrue(r.acquire());
        h.join(h.start("non-owner", () -> assertThrows(PyAssertionError.class, r::release)));
        assertFalse(freeForOthers(h, r), "the owner should still hold the RLock");
        r.release();
    }

    /** Releasing an RLock nobody owns raises AssertionError. */
    @Test
    @Checks("multiprocessing.RLock.release/unowned-assertionerror")
    void releaseUnownedRaises(MultiprocessingModule mp) {
        RLock r = mp.rlock();
        assertThrows(PyAssertionError.class, r::release);
        assertTrue(r.acquire());
        r.release();
        assertThrows(PyAssertionError.class, r::release);
    }

    /** locked() is True while any level is held, also seen from another thread, and False after the last release. */
    @Test
    @Checks("multiprocessing.RLock.locked/reflects-state")
    void lockedReflectsState(MultiprocessingModule mp, Harness h) {
        RLock r = mp.rlock();
        assertFalse(r.locked());
        r.acquire();
        r.acquire();
        assertTrue(r.locked());
        h.join(h.start("observer", () -> assertTrue(r.locked())));
        r.release();
        assertTrue(r.locked(), "one level is still held");
        r.release();
        assertFalse(r.locked());
    }

    /** In CPython RLock is a bound method of the default context, making multiprocessing.synchronize.RLock objects. */
    @Test
    @Checks("multiprocessing.RLock/factory-of-default-context")
    void factoryOfDefaultContext(MultiprocessingModule mp, Adapter adapter) {
        assertFalse(adapter.builtins().isClass("multiprocessing.RLock"));
        assertTrue(adapter.builtins().isinstance(mp.rlock(), "multiprocessing.synchronize.RLock"));
    }

    /** Runs {@code body} while a helper thread owns {@code r}; the helper releases it afterwards, also on failure. */
    private static void ownedByHelper(Harness h, RLock r, Runnable body) throws InterruptedException {
        CountDownLatch owned = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread owner = h.start("owner", () -> {
            assertTrue(r.acquire());
            owned.countDown();
            try {
                assertTrue(done.await(Timing.nanos(Timing.CASE), TimeUnit.NANOSECONDS), "case finished");
            } finally {
                r.release();
            }
        });
        try {
            assertTrue(owned.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS), "owner took the RLock");
            body.run();
        } finally {
            done.countDown();
        }
        h.join(owner);
    }
}
