package dev.pyconc.spec.cases.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.CancelledError;
import dev.pyconc.spi.exceptions.InvalidStateError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code concurrent.futures.Future} driven by hand (the docs allow that for tests). */
@PyCase
class FutureCases {

    /** A new Future is pending: not running, not cancelled, not done. */
    @Test
    @Checks("concurrent.futures.Future/new-is-pending")
    void newFutureIsPending(FuturesModule futures) {
        Future f = futures.future();
        assertFalse(f.running());
        assertFalse(f.cancelled());
        assertFalse(f.done());
    }

    /** cancel() of a pending future returns True; it is then cancelled and done, and not running. */
    @Test
    @Checks("concurrent.futures.Future.cancel/pending-cancels-returns-true")
    void cancelPending(FuturesModule futures) {
        Future f = futures.future();
        assertTrue(f.cancel());
        assertTrue(f.cancelled());
        assertTrue(f.done());
        assertFalse(f.running());
    }

    /** cancel() of a future already cancelled returns True again, and it stays cancelled (CPython detail). */
    @Test
    @Checks("concurrent.futures.Future.cancel/cancelled-again-returns-true")
    void cancelCancelledAgain(FuturesModule futures) {
        Future f = futures.future();
        assertTrue(f.cancel());
        assertTrue(f.cancel(), "cancelling twice");
        assertTrue(f.cancelled());
    }

    /** A running future cannot be cancelled; running() is True only between start and outcome. */
    @Test
    @Checks({"concurrent.futures.Future.cancel/running-cannot-be-cancelled",
            "concurrent.futures.Future.running/true-only-while-running",
            "concurrent.futures.Future.set_running_or_notify_cancel/pending-returns-true-and-runs"})
    void runningCannotBeCancelled(FuturesModule futures) {
        Future f = futures.future();
        assertFalse(f.running());
        assertTrue(f.setRunningOrNotifyCancel());
        assertTrue(f.running());
        assertFalse(f.cancel());
        assertTrue(f.running());
        assertFalse(f.cancelled());
        assertFalse(f.done());
        f.setResult(1L);
        assertFalse(f.running());
    }

    /** A finished future cannot be cancelled. */
    @Test
    @Checks("concurrent.futures.Future.cancel/finished-returns-false")
    void finishedCannotBeCancelled(FuturesModule futures) {
        Future f = futures.future();
        f.setRunningOrNotifyCancel();
        f.setResult("x");
        assertFalse(f.cancel());
        assertFalse(f.cancelled());
        assertEquals("x", f.result());
    }

    /** done() becomes True with a result, with an exception, and with a cancel. */
    @Test
    @Checks("concurrent.futures.Future.done/true-after-outcome-or-cancel")
    void doneAfterEachOutcome(FuturesModule futures) {
        Future a = futures.future();
        a.setRunningOrNotifyCancel();
        assertFalse(a.done());
        a.setResult(null);
        assertTrue(a.done());
        Future b = futures.future();
        b.setRunningOrNotifyCancel();
        b.setException(new ValueError("v"));
        assertTrue(b.done());
        Future c = futures.future();
        c.cancel();
        assertTrue(c.done());
    }

    /** result() blocks until another thread sets the result, then returns it. */
    @Test
    @Checks("concurrent.futures.Future.result/waits-for-outcome")
    void resultWaitsForOutcome(FuturesModule futures, Harness h) {
        Future f = futures.future();
        f.setRunningOrNotifyCancel();
        AtomicReference<Object> got = new AtomicReference<>();
        Thread t = h.start("result", () -> got.set(f.result()));
        try {
            h.awaitBlocked(t);
            assertNull(got.get(), "result() returned before the outcome was set");
        } finally {
            f.setResult(42L);
        }
        h.join(t);
        assertEquals(42L, got.get());
    }

    /** result(timeout) and exception(timeout) on a pending future raise TimeoutError after the timeout. */
    @Test
    @Checks({"concurrent.futures.Future.result/timeout-raises-timeouterror",
            "concurrent.futures.Future.exception/timeout-raises-timeouterror"})
    void timedOutcomeTimesOut(FuturesModule futures, Harness h) {
        Future f = futures.future();
        long t0 = h.now();
        assertThrows(TimeoutError.class, () -> f.result(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        t0 = h.now();
        assertThrows(TimeoutError.class, () -> f.exception(Timing.SHORT));
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertFalse(f.done());
    }

    /** result() and exception() of a cancelled future raise CancelledError. */
    @Test
    @Checks({"concurrent.futures.Future.result/cancelled-raises-cancellederror",
            "concurrent.futures.Future.exception/cancelled-raises-cancellederror"})
    void cancelledOutcomeRaises(FuturesModule futures) {
        Future f = futures.future();
        f.cancel();
        assertThrows(CancelledError.class, f::result);
        assertThrows(CancelledError.class, () -> f.result(Timing.SHORT));
        assertThrows(CancelledError.class, f::exception);
        assertThrows(CancelledError.class, () -> f.exception(0.0));
    }

    /** After set_exception(e) the future is done, result() raises e and exception() returns it. */
    @Test
    @Checks({"concurrent.futures.Future.set_exception/result-raises-it",
            "concurrent.futures.Future.exception/returns-call-exception",
            "concurrent.futures.Future.result/reraises-call-exception"})
    void setExceptionIsRaisedByResult(FuturesModule futures) {
        Future f = futures.future();
        f.setRunningOrNotifyCancel();
        f.setException(new ValueError("bad value"));
        assertTrue(f.done());
        ValueError e = assertThrows(ValueError.class, f::result);
        assertEquals("bad value", e.getMessage());
        BaseException x = f.exception();
        assertInstanceOf(ValueError.class, x);
        assertEquals("bad value", x.getMessage());
    }

    /** exception() is None for a future that finished with a result. */
    @Test
    @Checks("concurrent.futures.Future.exception/none-when-call-returned")
    void exceptionNoneAfterResult(FuturesModule futures) {
        Future f = futures.future();
        f.setRunningOrNotifyCancel();
        f.setResult(3L);
        assertNull(f.exception());
        assertNull(f.exception(0.0));
        assertEquals(3L, f.result(0.0));
    }

    /** Callbacks run with the future as only argument once it finishes, in the order they were added. */
    @Test
    @Checks({"concurrent.futures.Future.add_done_callback/called-with-future-when-finished",
            "concurrent.futures.Future.add_done_callback/called-in-order-added"})
    void callbacksRunInOrderWithFuture(FuturesModule futures) {
        Future f = futures.future();
        List<String> calls = new CopyOnWriteArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            f.addDoneCallback((args, kwargs) -> {
                assertEquals(1, args.size());
                assertSame(f, args.get(0));
                calls.add(name);
                return null;
            });
        }
        assertEquals(List.of(), calls);
        f.setRunningOrNotifyCancel();
        f.setResult(1L);
        assertEquals(List.of("a", "b", "c"), calls);
    }

    /** cancel() runs the done-callbacks. */
    @Test
    @Checks("concurrent.futures.Future.add_done_callback/called-on-cancel")
    void cancelRunsCallbacks(FuturesModule futures) {
        Future f = futures.future();
        List<Object> seen = new CopyOnWriteArrayList<>();
        f.addDoneCallback((args, kwargs) -> {
            seen.add(args.get(0));
            return null;
        });
        assertTrue(f.cancel());
        assertEquals(1, seen.size());
        assertSame(f, seen.get(0));
    }

    /** A callback added to a done future runs at once, in the calling thread, before add_done_callback returns. */
    @Test
    @Checks("concurrent.futures.Future.add_done_callback/already-done-called-at-once")
    void callbackOnDoneFutureRunsAtOnce(FuturesModule futures) {
        for (int kind = 0; kind < 3; kind++) {
            Future f = futures.future();
            if (kind == 0) {
                f.setResult(1L);
            } else if (kind == 1) {
                f.setException(new ValueError("x"));
            } else {
                f.cancel();
            }
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            AtomicReference<Object> arg = new AtomicReference<>();
            f.addDoneCallback((args, kwargs) -> {
                ranOn.set(Thread.currentThread());
                arg.set(args.get(0));
                return null;
            });
            assertSame(Thread.currentThread(), ranOn.get(), "callback did not run at once in the calling thread");
            assertSame(f, arg.get());
        }
    }

    /**
     * A callback raising an Exception is logged (a record carrying that exception) and ignored: later
     * callbacks run and neither set_result nor add_done_callback on a done future raises.
     */
    @Test
    @Checks("concurrent.futures.Future.add_done_callback/raising-callback-ignored")
    void raisingCallbackIsIgnored(FuturesModule futures) {
        Future f = futures.future();
        List<String> calls = new CopyOnWriteArrayList<>();
        PyCallable raising = (args, kwargs) -> {
            calls.add("raising");
            throw new ValueError("callback failed on purpose");
        };
        f.addDoneCallback(raising);
        f.addDoneCallback((args, kwargs) -> {
            calls.add("after");
            return null;
        });
        List<String> logged = futures.captureLog(() -> f.setResult(1L)); // must not raise
        assertEquals(List.of("raising", "after"), calls);
        assertLoggedOnce(logged, "set_result");
        logged = futures.captureLog(() -> f.addDoneCallback(raising)); // runs at once; must not raise either
        assertEquals(List.of("raising", "after", "raising"), calls);
        assertLoggedOnce(logged, "add_done_callback on a done future");
        assertEquals(1L, f.result());
    }

    /** Exactly one of the records carries the callback's ValueError, with its message. */
    private static void assertLoggedOnce(List<String> logged, String during) {
        long n = logged.stream().filter(r -> r.contains("ValueError: callback failed on purpose")).count();
        assertEquals(1, n, "records carrying the callback's ValueError, logged during " + during + ": " + logged);
    }

    /** set_running_or_notify_cancel on a cancelled future returns False. */
    @Test
    @Checks("concurrent.futures.Future.set_running_or_notify_cancel/cancelled-returns-false")
    void notifyCancelReturnsFalse(FuturesModule futures) {
        Future f = futures.future();
        f.cancel();
        assertFalse(f.setRunningOrNotifyCancel());
        assertTrue(f.cancelled());
        assertFalse(f.running());
    }

    /** A second set_running_or_notify_cancel, or one after the outcome, raises RuntimeError. */
    @Test
    @Checks("concurrent.futures.Future.set_running_or_notify_cancel/only-once")
    void notifyCancelOnlyOnce(FuturesModule futures) {
        Future a = futures.future();
        assertTrue(a.setRunningOrNotifyCancel());
        assertThrows(RuntimeError.class, a::setRunningOrNotifyCancel);
        Future b = futures.future();
        b.cancel();
        assertFalse(b.setRunningOrNotifyCancel());
        assertThrows(RuntimeError.class, b::setRunningOrNotifyCancel);
        Future c = futures.future();
        c.setResult(1L);
        assertThrows(RuntimeError.class, c::setRunningOrNotifyCancel);
    }

    /**
     * Once a cancelled future goes through set_running_or_notify_cancel, a thread blocked in wait() or in
     * as_completed's __next__ on it wakes and sees it done.
     */
    @Test
    @Checks("concurrent.futures.Future.set_running_or_notify_cancel/wakes-wait-and-as-completed")
    void notifyCancelWakesWaiters(FuturesModule futures, Harness h) {
        Future f = futures.future();
        Future g = futures.future();
        f.cancel();
        g.cancel();
        AtomicReference<DoneAndNotDone> waited = new AtomicReference<>();
        Thread w = h.start("wait", () -> waited.set(futures.wait(List.of(f), Timing.LONG, ReturnWhen.ALL_COMPLETED)));
        PyIterator<Future> it = futures.asCompleted(List.of(g), Timing.LONG);
        AtomicReference<Future> yielded = new AtomicReference<>();
        Thread a = h.start("as_completed", () -> yielded.set(it.next()));
        try {
            h.awaitBlocked(w);
            h.awaitBlocked(a);
        } finally {
            f.setRunningOrNotifyCancel();
            g.setRunningOrNotifyCancel();
        }
        h.join(w);
        h.join(a);
        assertEquals(java.util.Set.of(f), waited.get().done());
        assertSame(g, yielded.get());
    }

    /** set_result and set_exception on a done future raise InvalidStateError and keep the first outcome. */
    @Test
    @Checks({"concurrent.futures.Future.set_result/done-raises-invalidstateerror",
            "concurrent.futures.Future.set_exception/done-raises-invalidstateerror"})
    void settingTwiceRaisesInvalidState(FuturesModule futures) {
        Future f = futures.future();
        f.setResult(1L);
        assertThrows(InvalidStateError.class, () -> f.setResult(2L));
        assertThrows(InvalidStateError.class, () -> f.setException(new ValueError("late")));
        assertEquals(1L, f.result());
        Future c = futures.future();
        c.cancel();
        assertThrows(InvalidStateError.class, () -> c.setResult(2L));
        assertThrows(InvalidStateError.class, () -> c.setException(new ValueError("late")));
        assertTrue(c.cancelled());
    }
}
