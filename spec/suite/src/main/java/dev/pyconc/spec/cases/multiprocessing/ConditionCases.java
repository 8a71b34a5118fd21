package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.LockContract;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.Condition;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code multiprocessing.Condition}: wait and notify between processes, its default RLock, timeouts,
 * {@code wait_for}, and the error for a caller without the lock. A waiter is proven to be waiting by the lock it
 * gave up: the notifier can take the Condition only once the waiter is inside {@code wait}.
 */
@PyCase
class ConditionCases {

    /** A wait in the parent returns True on a child's notify_all, and a child's wait returns True on the parent's. */
    @Test
    @Checks("multiprocessing.Condition/wait-and-notify-across-processes")
    void waitAndNotifyAcrossProcesses(MultiprocessingModule mp) {
        Condition cond = mp.condition();
        try (Procs procs = new Procs(); Pipe pipe = Pipe.open(mp)) {
            assertTrue(cond.acquire());
            boolean woken;
            try {
                // the child blocks taking cond until this wait gives it up, then notifies
                PyProcess notifier = procs.start(mp, mp, Routine.NOTIFY_ALL, cond);
                woken = cond.await(Timing.LONG);
                assertEquals(0L, Procs.joined(notifier));
            } finally {
                cond.release();
            }
            assertTrue(woken, "the parent's wait should end by the child's notify_all");

            PyProcess waiter = procs.start(mp, mp, Routine.CONDITION_WAIT, cond, Timing.LONG, pipe.child());
            assertEquals("waiting", pipe.next());
            assertTrue(cond.acquire(true, Timing.LONG), "the child's wait should give up the lock");
            try {
                cond.signalAll();
            } finally {
                cond.release();
            }
            assertEquals(Boolean.TRUE, pipe.next(), "what the child's wait returned");
            assertEquals(0L, Procs.joined(waiter));
        }
    }

    /** Condition() makes its own RLock: the holder takes it again at once, and it is free after as many releases. */
    @Test
    @Checks("multiprocessing.Condition/default-lock-is-rlock")
    void defaultLockIsRLock(MultiprocessingModule mp, Harness h) {
        Condition cond = mp.condition();
        assertTrue(cond.acquire());
        h.assertPrompt(h.time(() -> assertTrue(cond.acquire(true, Timing.LONG))));
        cond.release();
        AtomicBoolean other = new AtomicBoolean(true);
        h.join(h.start("prober", () -> other.set(cond.acquire(false))));
        assertFalse(other.get(), "one level is still held");
        cond.release();
        h.join(h.start("prober", () -> {
            assertTrue(cond.acquire(false), "free after the second release");
            cond.release();
        }));
    }

    /** wait(timeout) returns False when nobody notifies in time, True when another thread notifies. */
    @Test
    @Checks("multiprocessing.Condition/wait-timeout-returns-false")
    void waitTimeout(MultiprocessingModule mp, Harness h) {
        Condition cond = mp.condition();
        assertTrue(cond.acquire());
        try {
            long t0 = h.now();
            assertFalse(cond.await(Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            Thread notifier = h.start("notifier", () -> notifyOnce(cond, null));
            assertTrue(cond.await(Timing.LONG), "a wait notified in time");
            h.join(notifier); // it released the lock before this thread got it back
        } finally {
            cond.release();
        }
    }

    /** wait_for returns the predicate's value: at once when true, after a notify that makes it true, falsy on timeout. */
    @Test
    @Checks("multiprocessing.Condition/wait-for-returns-predicate")
    void waitForReturnsPredicate(MultiprocessingModule mp, Harness h) {
        Condition cond = mp.condition();
        AtomicLong value = new AtomicLong();
        assertTrue(cond.acquire());
        try {
            assertEquals(7L, cond.waitFor(() -> 7L, Timing.LONG));
            long t0 = h.now();
            assertEquals(0L, cond.waitFor(value::get, Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            Thread notifier = h.start("notifier", () -> notifyOnce(cond, () -> value.set(5)));
            assertEquals(5L, cond.waitFor(value::get, Timing.LONG));
            h.join(notifier); // it released the lock before this thread got it back
        } finally {
            cond.release();
        }
    }

    /** wait, notify and notify_all without the lock raise (the docs' alias says RuntimeError, CPython AssertionError). */
    @Test
    @Checks("multiprocessing.Condition/unheld-lock-raises")
    void unheldLockRaises(MultiprocessingModule mp) {
        Condition cond = mp.condition();
        assertThrows(BaseException.class, () -> cond.await(Timing.SHORT));
        assertThrows(BaseException.class, cond::signal);
        assertThrows(BaseException.class, cond::signalAll);
    }

    /** CPython's Condition is multiprocessing.synchronize.Condition and raises AssertionError without the lock. */
    @Test
    @Checks("multiprocessing.Condition/own-class-assertionerror")
    void ownClassAssertionError(MultiprocessingModule mp, Adapter adapter) {
        Condition cond = mp.condition();
        assertTrue(adapter.builtins().isinstance(cond, "multiprocessing.synchronize.Condition"));
        assertFalse(adapter.builtins().isinstance(cond, "threading.Condition"));
        assertThrows(PyAssertionError.class, () -> cond.await(Timing.SHORT));
        assertThrows(PyAssertionError.class, cond::signal);
        assertThrows(PyAssertionError.class, cond::signalAll);
    }

    /** Takes cond (possible only once the waiter is in wait), runs {@code change}, notifies all and releases. */
    private static void notifyOnce(Condition cond, Runnable change) {
        assertTrue(cond.acquire(true, Timing.LONG), "the waiter should give up the lock in wait");
        try {
            if (change != null) {
                change.run();
            }
            cond.signalAll();
        } finally {
            LockContract.quietly(cond::release);
        }
    }
}
