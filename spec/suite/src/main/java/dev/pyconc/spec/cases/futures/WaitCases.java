package dev.pyconc.spec.cases.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code concurrent.futures.wait} and {@code as_completed}, on futures completed by hand from the
 * case (the outcome order is then the case's choice, whatever the scheduling).
 */
@PyCase
class WaitCases {

    private static Future running(FuturesModule futures) {
        Future f = futures.future();
        f.setRunningOrNotifyCancel();
        return f;
    }

    /** Starts a thread calling wait(...) and returns it; the result lands in {@code out}. */
    private static Thread waitIn(Harness h, FuturesModule futures, List<Future> fs, ReturnWhen when,
            AtomicReference<DoneAndNotDone> out) {
        return h.start("wait", () -> out.set(futures.wait(fs, null, when)));
    }

    /** By default wait returns when every future is done, all of them in done. */
    @Test
    @Checks("concurrent.futures.wait/all-completed-waits-for-all")
    void allCompleted(FuturesModule futures, Harness h) {
        Future a = running(futures);
        Future b = running(futures);
        AtomicReference<DoneAndNotDone> r = new AtomicReference<>();
        Thread t = h.start("wait", () -> r.set(futures.wait(List.of(a, b))));
        try {
            a.setResult(1L);
            h.awaitBlocked(t);
            assertEquals(null, r.get(), "wait returned with a future still pending");
        } finally {
            if (!b.done()) {
                b.setException(new ValueError("b"));
            }
        }
        h.join(t);
        assertEquals(Set.of(a, b), r.get().done());
        assertEquals(Set.of(), r.get().notDone());
    }

    /** With FIRST_COMPLETED wait returns once one future is done; the other is in not_done. */
    @Test
    @Checks("concurrent.futures.wait/first-completed-returns-on-first")
    void firstCompleted(FuturesModule futures, Harness h) {
        Future a = running(futures);
        Future b = running(futures);
        AtomicReference<DoneAndNotDone> r = new AtomicReference<>();
        Thread t = waitIn(h, futures, List.of(a, b), ReturnWhen.FIRST_COMPLETED, r);
        try {
            h.awaitBlocked(t);
            assertEquals(null, r.get());
            b.setResult(2L);
            h.join(t);
        } finally {
            if (!a.done()) {
                a.setResult(1L);
            }
        }
        assertEquals(Set.of(b), r.get().done());
        assertEquals(Set.of(a), r.get().notDone());
        // with one already done it returns at once
        Future c = running(futures);
        DoneAndNotDone again = futures.wait(List.of(c, b), null, ReturnWhen.FIRST_COMPLETED);
        assertEquals(Set.of(b), again.done());
        assertEquals(Set.of(c), again.notDone());
        c.setResult(null);
    }

    /** With FIRST_EXCEPTION wait returns as soon as a future raises, and not for a mere result. */
    @Test
    @Checks("concurrent.futures.wait/first-exception-returns-on-raise")
    void firstException(FuturesModule futures, Harness h) {
        Future a = running(futures);
        Future b = running(futures);
        Future c = running(futures);
        AtomicReference<DoneAndNotDone> r = new AtomicReference<>();
        Thread t = waitIn(h, futures, List.of(a, b, c), ReturnWhen.FIRST_EXCEPTION, r);
        try {
            a.setResult(1L);
            h.awaitBlocked(t);
            assertEquals(null, r.get(), "FIRST_EXCEPTION returned after a plain result");
            b.setException(new ValueError("b"));
            h.join(t);
        } finally {
            for (Future f : List.of(a, b, c)) {
                if (!f.done()) {
                    f.setResult(0L);
                }
            }
        }
        assertEquals(Set.of(a, b), r.get().done());
        assertEquals(Set.of(c), r.get().notDone());
    }

    /** With FIRST_EXCEPTION and only plain results, wait returns when all are done. */
    @Test
    @Checks("concurrent.futures.wait/first-exception-without-raise-waits-all")
    void firstExceptionWithoutRaise(FuturesModule futures, Harness h) {
        Future a = running(futures);
        Future b = running(futures);
        AtomicReference<DoneAndNotDone> r = new AtomicReference<>();
        Thread t = waitIn(h, futures, List.of(a, b), ReturnWhen.FIRST_EXCEPTION, r);
        try {
            a.setResult(1L);
            h.awaitBlocked(t);
            assertEquals(null, r.get());
        } finally {
            b.setResult(2L);
        }
        h.join(t);
        assertEquals(Set.of(a, b), r.get().done());
    }

    /** When the timeout passes first, wait returns (no exception) with the pending futures in not_done. */
    @Test
    @Checks("concurrent.futures.wait/timeout-returns-without-raising")
    void waitTimeout(FuturesModule futures, Harness h) {
        Future a = running(futures);
        Future b = running(futures);
        b.setResult(2L);
        long t0 = h.now();
        DoneAndNotDone r = futures.wait(List.of(a, b), Timing.SHORT, ReturnWhen.ALL_COMPLETED);
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.notDone());
        a.setResult(1L);
    }

    /** A future given twice to wait appears once. */
    @Test
    @Checks("concurrent.futures.wait/duplicates-counted-once")
    void waitDuplicates(FuturesModule futures) {
        Future a = running(futures);
        Future b = running(futures);
        a.setResult(1L);
        DoneAndNotDone r = futures.wait(List.of(a, a, b, b), 0.0, ReturnWhen.ALL_COMPLETED);
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.notDone());
        b.setResult(2L);
        r = futures.wait(List.of(a, b, a));
        assertEquals(Set.of(a, b), r.done());
    }

    /** as_completed yields futures in the order they complete. */
    @Test
    @Checks("concurrent.futures.as_completed/yields-as-completed")
    void asCompletedOrder(FuturesModule futures, Harness h) {
        Future a = running(futures);
        Future b = running(futures);
        Future c = running(futures);
        PyIterator<Future> it = futures.asCompleted(List.of(a, b, c), Timing.CASE);
        try {
            c.setResult(3L);
            assertSame(c, it.next());
            AtomicReference<Future> next = new AtomicReference<>();
            Thread t = h.start("next", () -> next.set(it.next()));
            h.awaitBlocked(t);
            a.setException(new ValueError("a"));
            h.join(t);
            assertSame(a, next.get());
            b.setResult(2L);
            assertSame(b, it.next());
            assertThrows(StopIteration.class, it::next);
        } finally {
            for (Future f : List.of(a, b, c)) {
                if (!f.done()) {
                    f.setResult(0L);
                }
            }
        }
    }

    /** Futures done before as_completed come first; a duplicate is yielded once. */
    @Test
    @Checks({"concurrent.futures.as_completed/done-futures-first",
            "concurrent.futures.as_completed/duplicates-yielded-once"})
    void asCompletedDoneFirstAndDuplicates(FuturesModule futures) {
        Future pending = running(futures);
        Future done1 = running(futures);
        Future done2 = running(futures);
        done1.setResult(1L);
        done2.setResult(2L);
        PyIterator<Future> it = futures.asCompleted(List.of(pending, done1, pending, done2, done1), Timing.CASE);
        try {
            Set<Future> firstTwo = Set.of(it.next(), it.next());
            assertEquals(Set.of(done1, done2), firstTwo);
            pending.setResult(0L);
            assertSame(pending, it.next());
            assertThrows(StopIteration.class, it::next);
        } finally {
            if (!pending.done()) {
                pending.setResult(0L);
            }
        }
    }

    /**
     * With a timeout, __next__ raises TimeoutError while futures are still pending. __next__ is called right
     * after as_completed, where the docs' clock (from the call) and CPython's (from the first __next__) agree.
     */
    @Test
    @Checks("concurrent.futures.as_completed/timeout-raises-timeouterror")
    void asCompletedTimeout(FuturesModule futures, Harness h) {
        Future done = running(futures);
        done.setResult(1L);
        Future pending = running(futures);
        long t0 = h.now();
        PyIterator<Future> it = futures.asCompleted(List.of(done, pending), Timing.SHORT);
        assertSame(done, it.next());
        assertThrows(TimeoutError.class, it::next);
        h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
        assertTrue(!pending.done());
        pending.setResult(2L);
    }

    /**
     * CPython's as_completed is a generator, so its timeout starts at the first __next__, not at the call (the
     * docs say from the call): once more than the timeout has passed since as_completed returned, the first
     * __next__ on a pending future still waits the whole timeout before it raises TimeoutError.
     */
    @Test
    @Checks("concurrent.futures.as_completed/timeout-counts-from-first-next")
    void asCompletedTimeoutFromFirstNext(FuturesModule futures, Harness h) throws InterruptedException {
        Future pending = running(futures);
        double timeout = Timing.MEDIUM;
        PyIterator<Future> it = futures.asCompleted(List.of(pending), timeout);
        long afterCall = h.now();
        // sleeping until a time has passed (not guessing a thread's state)
        double left;
        while ((left = timeout - h.secondsSince(afterCall)) >= 0) {
            Thread.sleep((long) (left * 1000) + 1);
        }
        long t0 = h.now();
        assertThrows(TimeoutError.class, it::next);
        h.assertTimedOut(h.secondsSince(t0), timeout);
        pending.setResult(1L);
    }
}
