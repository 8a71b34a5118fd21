package dev.pyconc.spec.cases.threading;

import static dev.pyconc.spec.cases.threading.RLockCases.freeForOthers;
import static dev.pyconc.spec.cases.threading.SemaphoreCases.drainUnits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Cases for the lock-like objects in a {@code with} statement: {@code try (var held = x.enter()) {...}}.
 *
 * <p>The "block raised" cases use {@code PyContextManager.with}, which hands the block's exception to
 * {@code __exit__} as Python's with statement does, and check that the exception comes out unchanged and that
 * the object was released, by the state it promises (locked(), a non-blocking acquire from another thread,
 * the units a semaphore has), never through another call's error path.
 */
@PyCase
class WithStatementCases {

    /**
     * Runs {@code check} inside {@code with cm:} and then leaves the block by an exception, twice: a Python
     * exception made by the case itself (so that no primitive under test is needed to raise it) and a Java
     * one. Each must come out of the with statement unchanged: {@code __exit__} received it and neither
     * suppressed nor replaced it.
     */
    private static void raiseInside(PyContextManager cm, Runnable check) {
        ValueError boom = new ValueError("raised inside the with block");
        BaseException out = assertThrows(ValueError.class, () -> cm.with(() -> {
            check.run();
            throw boom;
        }), "__exit__ must let the block's exception through");
        assertSame(boom, out, "__exit__ must not replace the block's exception");
        IllegalStateException java = new IllegalStateException("block failed");
        assertSame(java, assertThrows(IllegalStateException.class, () -> cm.with(() -> {
            check.run();
            throw java;
        })));
    }

    /** with lock: held inside the block, free after it. */
    @Test
    @Checks("threading.Lock/with-statement")
    void lockWith(ThreadingModule threading) {
        Lock lock = threading.lock();
        try (var held = lock.enter()) {
            assertTrue(lock.locked());
            assertFalse(lock.acquire(false));
        }
        assertFalse(lock.locked(), "the with block should have released the Lock");
        assertTrue(lock.acquire(false), "the Lock should be free after the with block");
        lock.release();
    }

    /** A with block on a Lock that raises still releases it. */
    @Test
    @Checks("threading.Lock/with-statement-releases-on-error")
    void lockWithReleasesOnError(ThreadingModule threading) {
        Lock lock = threading.lock();
        raiseInside(lock, () -> assertTrue(lock.locked()));
        assertFalse(lock.locked());
    }

    /** Entering a with block on a Lock held elsewhere waits until it is released. */
    @Test
    @Checks("threading.Lock/with-statement-waits-for-holder")
    void lockWithWaitsForHolder(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        lock.acquire();
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean inside = new AtomicBoolean();
        boolean released = false;
        Thread t = h.start("with", () -> {
            entering.set(true);
            try (var held = lock.enter()) {
                inside.set(true);
            }
        });
        try {
            h.poll("thread about to enter", entering::get);
            h.awaitBlocked(t);
            assertFalse(inside.get(), "entered the block while another thread held the Lock");
            lock.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                LockCases.quietly(lock::release);
            }
        }
        assertTrue(inside.get());
        assertFalse(lock.locked());
    }

    /** with rlock nests in the owner; each exit drops one level; others get it after the outer exit. */
    @Test
    @Checks("threading.RLock/with-statement")
    void rlockWith(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        try (var outer = lock.enter()) {
            assertFalse(freeForOthers(h, lock));
            try (var inner = lock.enter()) {
                assertFalse(freeForOthers(h, lock));
            }
            assertFalse(freeForOthers(h, lock), "the outer block still holds a level");
        }
        assertTrue(freeForOthers(h, lock), "the last exit should have released the RLock");
    }

    /** A with block on an RLock that raises still releases its level. */
    @Test
    @Checks("threading.RLock/with-statement-releases-on-error")
    void rlockWithReleasesOnError(ThreadingModule threading, Harness h) {
        RLock lock = threading.rlock();
        lock.acquire();
        raiseInside(lock, () -> { });
        lock.release();
        assertTrue(freeForOthers(h, lock), "the blocks' levels should be gone");
    }

    /** with cond holds the underlying lock for the block; wait and notify work inside. */
    @Test
    @Checks("threading.Condition/with-statement")
    void conditionWith(ThreadingModule threading, Harness h) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        try (var held = c.enter()) {
            assertTrue(lock.locked());
            c.signal();
            c.signalAll();
            assertFalse(c.await(0.0));
            assertTrue(lock.locked());
        }
        assertFalse(lock.locked(), "the lock should be released after the block");

        RLock rlock = threading.rlock();
        Condition r = threading.condition(rlock);
        try (var held = r.enter()) {
            assertFalse(freeForOthers(h, rlock));
        }
        assertTrue(freeForOthers(h, rlock));
    }

    /** A with block on a Condition that raises still releases the lock. */
    @Test
    @Checks("threading.Condition/with-statement-releases-on-error")
    void conditionWithReleasesOnError(ThreadingModule threading) {
        Lock lock = threading.lock();
        Condition c = threading.condition(lock);
        raiseInside(c, () -> assertTrue(lock.locked()));
        assertFalse(lock.locked(), "the with blocks should have released the lock");
    }

    /** with sem takes a unit for the block (waiting at zero) and gives it back afterwards. */
    @Test
    @Checks("threading.Semaphore/with-statement")
    void semaphoreWith(ThreadingModule threading, Harness h) {
        Semaphore s = threading.semaphore(2);
        try (var held = s.enter()) {
            assertEquals(1, drainUnits(s, 5));
            s.release();
        }
        assertEquals(2, drainUnits(s, 5));
        // now at zero: entering waits for a release
        AtomicBoolean entering = new AtomicBoolean();
        AtomicBoolean inside = new AtomicBoolean();
        boolean released = false;
        Thread t = h.start("with", () -> {
            entering.set(true);
            try (var held = s.enter()) {
                inside.set(true);
            }
        });
        try {
            h.poll("thread about to enter", entering::get);
            h.awaitBlocked(t);
            assertFalse(inside.get(), "entered the block with the counter at zero");
            s.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                s.release();
            }
        }
        assertTrue(inside.get());
        assertEquals(1, drainUnits(s, 5), "the block should have given its unit back");
    }

    /** A with block on a Semaphore that raises still gives its unit back. */
    @Test
    @Checks("threading.Semaphore/with-statement-releases-on-error")
    void semaphoreWithReleasesOnError(ThreadingModule threading) {
        Semaphore s = threading.semaphore(1);
        raiseInside(s, () -> assertFalse(s.acquire(false)));
        assertEquals(1, drainUnits(s, 5));
    }

    /** with bsem takes a unit and returns it; the exit does not trip the bound. */
    @Test
    @Checks("threading.BoundedSemaphore/with-statement")
    void boundedSemaphoreWith(ThreadingModule threading) {
        BoundedSemaphore s = threading.boundedSemaphore(1);
        try (var held = s.enter()) {
            assertFalse(s.acquire(false));
        }
        assertEquals(1, drainUnits(s, 5), "the exit should have given back exactly the block's unit");
        s.release();
    }

    /** A with block on a BoundedSemaphore that raises still gives its unit back. */
    @Test
    @Checks("threading.BoundedSemaphore/with-statement-releases-on-error")
    void boundedSemaphoreWithReleasesOnError(ThreadingModule threading) {
        BoundedSemaphore s = threading.boundedSemaphore(1);
        raiseInside(s, () -> assertFalse(s.acquire(false)));
        assertEquals(1, drainUnits(s, 5), "the with blocks should have given back exactly their units");
        s.release();
    }
}
