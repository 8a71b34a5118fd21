package dev.pyconc.spec.cases.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code concurrent.futures.Executor} (submit, map, shutdown, with), on a ThreadPoolExecutor. */
@PyCase
class ExecutorCases {

    /** submit passes the positional and keyword arguments to the call; the Future carries its result. */
    @Test
    @Checks({"concurrent.futures.Executor.submit/calls-with-args-and-kwargs",
            "concurrent.futures.Future.result/returns-call-value"})
    void submitPassesArguments(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        try {
            Future f = ex.submit((args, kwargs) -> List.of(args, kwargs.get("k")), List.of(1L, "two"), Map.of("k", 3L));
            assertEquals(List.of(List.of(1L, "two"), 3L), f.result(Timing.LONG));
            assertEquals(7L, ex.submit((a, k) -> 7L).result(Timing.LONG));
        } finally {
            ex.shutdown();
        }
    }

    /** A call that raises finishes its future with that exception. */
    @Test
    @Checks({"concurrent.futures.Future.result/reraises-call-exception",
            "concurrent.futures.Future.exception/returns-call-exception"})
    void raisingCallFinishesWithException(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        try {
            Future f = ex.submit((a, k) -> {
                throw new ValueError("from the call");
            });
            ValueError e = assertThrows(ValueError.class, () -> f.result(Timing.LONG));
            assertEquals("from the call", e.getMessage());
            assertEquals("from the call", f.exception().getMessage());
        } finally {
            ex.shutdown();
        }
    }

    /** submit and map on a shut-down executor raise RuntimeError. */
    @Test
    @Checks({"concurrent.futures.Executor.submit/after-shutdown-raises-runtimeerror",
            "concurrent.futures.Executor.map/after-shutdown-raises-runtimeerror"})
    void afterShutdownRaises(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        ex.shutdown();
        assertThrows(RuntimeError.class, () -> ex.submit((a, k) -> 1L));
        assertThrows(RuntimeError.class, () -> ex.map((a, k) -> 1L, List.of(List.of(1L))));
        ex.shutdown(); // a second shutdown is allowed
    }

    /** map yields results in input order even when a later call finishes first. */
    @Test
    @Checks("concurrent.futures.Executor.map/results-in-input-order")
    void mapKeepsInputOrder(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(3));
        CountDownLatch lastDone = new CountDownLatch(1);
        AtomicBoolean sawLastDone = new AtomicBoolean();
        try {
            // item 0 waits until item 2 has finished, so completion order differs from input order
            PyIterator<Object> it = ex.map((args, kwargs) -> {
                long x = (Long) args.get(0);
                if (x == 0) {
                    try {
                        sawLastDone.set(lastDone.await((long) (Timing.LONG * 1000), TimeUnit.MILLISECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else if (x == 2) {
                    lastDone.countDown();
                }
                return x * 10;
            }, List.of(List.of(0L, 1L, 2L)));
            assertEquals(List.of(0L, 10L, 20L), it.toList());
            assertTrue(sawLastDone.get(), "item 0 never saw item 2 finish first: completion order was not tested");
        } finally {
            lastDone.countDown();
            ex.shutdown();
        }
    }

    /** map with several iterables zips them and stops at the shortest. */
    @Test
    @Checks("concurrent.futures.Executor.map/several-iterables-stop-at-shortest")
    void mapZipsIterables(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            PyIterator<Object> it = ex.map((args, kwargs) -> (Long) args.get(0) - (Long) args.get(1),
                    List.of(List.of(10L, 20L, 30L, 40L), List.of(1L, 2L)));
            assertEquals(List.of(9L, 18L), it.toList());
            assertThrows(StopIteration.class, it::next);
        } finally {
            ex.shutdown();
        }
    }

    /** map may run calls at the same time: two calls that each wait for the other both finish. */
    @Test
    @Checks("concurrent.futures.Executor.map/calls-may-overlap")
    void mapRunsCallsConcurrently(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2));
        CountDownLatch both = new CountDownLatch(2);
        try {
            PyIterator<Object> it = ex.map((args, kwargs) -> {
                both.countDown();
                try {
                    return both.await((long) (Timing.LONG * 1000), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, List.of(List.of(1L, 2L)));
            assertEquals(List.of(true, true), it.toList(), "the two calls never ran at the same time");
        } finally {
            both.countDown();
            both.countDown();
            ex.shutdown();
        }
    }

    /** The exception of a call is raised when the iterator reaches it; earlier results come first. */
    @Test
    @Checks("concurrent.futures.Executor.map/exception-raised-when-reached")
    void mapRaisesAtFailingPosition(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            PyIterator<Object> it = ex.map((args, kwargs) -> {
                long x = (Long) args.get(0);
                if (x == 2) {
                    throw new ValueError("two");
                }
                return x;
            }, List.of(List.of(0L, 1L, 2L, 3L)));
            assertEquals(0L, it.next());
            assertEquals(1L, it.next());
            ValueError e = assertThrows(ValueError.class, it::next);
            assertEquals("two", e.getMessage());
        } finally {
            ex.shutdown();
        }
    }

    /**
     * With a timeout, __next__ raises TimeoutError when a result is late, the timeout being counted from the
     * map call, not from each __next__: with one worker, item 0 returns at once and item 1 blocks; once more
     * than the timeout has passed since map() returned, the first __next__ still gives item 0's result (it is
     * done) and the second raises TimeoutError promptly, well before a timeout counted from that __next__
     * (or from the first one) could have passed.
     */
    @Test
    @Checks("concurrent.futures.Executor.map/timeout-raises-timeouterror")
    void mapTimeout(FuturesModule futures, Harness h) throws InterruptedException {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        Gate gate = new Gate(Timing.CASE);
        PyCallable fn = (args, kwargs) -> (Long) args.get(0) == 0L ? 0L : gate.task(1L).call(List.of(), Map.of());
        double timeout = 3 * Timing.MEDIUM;
        try {
            PyIterator<Object> it = ex.map(fn, List.of(List.of(0L, 1L)), timeout, 1, null);
            long afterMap = h.now();
            // the single worker runs item 1 only after item 0's future got its result
            h.poll("item 1 started, so item 0 is done", () -> gate.started.get() == 1);
            // sleeping until a time has passed (not guessing a thread's state): map's deadline is then over
            double left;
            while ((left = timeout - h.secondsSince(afterMap)) >= 0) {
                Thread.sleep((long) (left * 1000) + 1);
            }
            assertEquals(0L, it.next());
            long t0 = h.now();
            assertThrows(TimeoutError.class, it::next);
            double elapsed = h.secondsSince(t0);
            assertTrue(elapsed < timeout / 2, "the second __next__ took " + elapsed
                    + " s: its timeout was not counted from the map call (" + timeout + " s before)");
        } finally {
            gate.open();
            ex.shutdown(false, false);
        }
    }

    /** On a thread pool chunksize does not change what map returns. */
    @Test
    @Checks("concurrent.futures.Executor.map/chunksize-no-effect-on-threads")
    void chunksizeIgnoredByThreads(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            PyCallable square = (args, kwargs) -> (Long) args.get(0) * (Long) args.get(0);
            List<Long> in = List.of(1L, 2L, 3L, 4L, 5L);
            assertEquals(List.of(1L, 4L, 9L, 16L, 25L), ex.map(square, List.of(in), null, 3, null).toList());
            assertEquals(List.of(1L, 4L, 9L, 16L, 25L), ex.map(square, List.of(in), null, 1, null).toList());
        } finally {
            ex.shutdown();
        }
    }

    /** With buffersize=2, map submits two calls up front, not all of them. */
    @Test
    @Checks("concurrent.futures.Executor.map/buffersize-limits-submitted-calls")
    void buffersizeLimitsSubmissions(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(4));
        AtomicInteger calls = new AtomicInteger();
        try {
            ex.map((args, kwargs) -> calls.incrementAndGet(), List.of(List.of(1L, 2L, 3L, 4L, 5L, 6L)), null, 1, 2L);
        } finally {
            ex.shutdown(); // waits for every submitted call
        }
        assertEquals(2, calls.get());
        // and without a buffersize all of them are submitted at once
        Executor ex2 = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(4));
        AtomicInteger all = new AtomicInteger();
        try {
            ex2.map((args, kwargs) -> all.incrementAndGet(), List.of(List.of(1L, 2L, 3L, 4L, 5L, 6L)));
        } finally {
            ex2.shutdown();
        }
        assertEquals(6, all.get());
    }

    /** buffersize below 1 raises ValueError. */
    @Test
    @Checks("concurrent.futures.Executor.map/buffersize-below-one-raises-valueerror")
    void buffersizeBelowOne(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        try {
            assertThrows(ValueError.class, () -> ex.map((a, k) -> 1L, List.of(List.of(1L)), null, 1, 0L));
            assertThrows(ValueError.class, () -> ex.map((a, k) -> 1L, List.of(List.of(1L)), null, 1, -1L));
            assertEquals(List.of(1L), ex.map((a, k) -> 1L, List.of(List.of(1L)), null, 1, 1L).toList());
        } finally {
            ex.shutdown();
        }
    }

    /**
     * shutdown(wait=True) returns only after the submitted calls finished. (The final shutdown(wait=False)
     * only makes sure a failing case leaves no worker behind; a second shutdown is allowed.)
     */
    @Test
    @Checks("concurrent.futures.Executor.shutdown/wait-true-waits-for-pending")
    void shutdownWaits(FuturesModule futures, Harness h) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        Gate gate = new Gate(Timing.CASE);
        AtomicReference<Boolean> bothDoneAtReturn = new AtomicReference<>();
        try {
            Future a = ex.submit(gate.task(1L));
            Future b = ex.submit((x, y) -> 2L);
            h.poll("first call running", a::running);
            Thread t = h.start("shutdown", () -> {
                ex.shutdown(true, false);
                bothDoneAtReturn.set(a.done() && b.done());
            });
            h.awaitBlocked(t);
            assertFalse(a.done());
            gate.open();
            h.join(t);
            assertEquals(Boolean.TRUE, bothDoneAtReturn.get());
            assertEquals(2L, b.result(0.0));
        } finally {
            gate.open();
            ex.shutdown(false, false);
        }
    }

    /** shutdown(wait=False) returns while a call runs; the call still finishes. */
    @Test
    @Checks("concurrent.futures.Executor.shutdown/wait-false-returns-at-once")
    void shutdownNoWait(FuturesModule futures, Harness h) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        Gate gate = new Gate(Timing.CASE);
        try {
            Future a = ex.submit(gate.task(1L));
            Future b = ex.submit((x, y) -> 2L);
            h.poll("first call running", a::running);
            h.assertPrompt(h.time(() -> ex.shutdown(false, false)));
            assertFalse(a.done());
            gate.open();
            assertEquals(1L, a.result(Timing.LONG));
            assertEquals(2L, b.result(Timing.LONG));
        } finally {
            gate.open();
            ex.shutdown(false, true);
        }
    }

    /** shutdown(cancel_futures=True) cancels the calls not yet started and lets the running one finish. */
    @Test
    @Checks("concurrent.futures.Executor.shutdown/cancel-futures-cancels-pending")
    void shutdownCancelsPending(FuturesModule futures, Harness h) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
        Gate gate = new Gate(Timing.CASE);
        List<Future> queued = new ArrayList<>();
        try {
            Future a = ex.submit(gate.task(1L));
            for (long i = 0; i < 3; i++) {
                queued.add(ex.submit((x, y) -> 2L));
            }
            h.poll("first call running", a::running);
            Thread t = h.start("shutdown", () -> ex.shutdown(true, true));
            h.poll("queued calls cancelled", () -> queued.stream().allMatch(Future::cancelled));
            assertFalse(a.cancelled());
            gate.open();
            h.join(t);
            assertEquals(1L, a.result(0.0));
            for (Future q : queued) {
                assertTrue(q.cancelled());
            }
        } finally {
            gate.open();
            ex.shutdown(false, true);
        }
    }

    /** Leaving a with block waits for the submitted calls and shuts the executor down. */
    @Test
    @Checks("concurrent.futures.Executor.shutdown/context-manager-shuts-down")
    void withBlockShutsDown(FuturesModule futures, Harness h) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2));
        Gate gate = new Gate(Timing.CASE);
        AtomicReference<Future> f = new AtomicReference<>();
        AtomicReference<Boolean> doneAtExit = new AtomicReference<>();
        Thread t = h.start("with", () -> {
            try (PyContextManager.Held held = ex.enter()) {
                f.set(ex.submit(gate.task(5L)));
            }
            doneAtExit.set(f.get().done());
        });
        try {
            h.poll("call running", () -> f.get() != null && f.get().running());
            h.awaitBlocked(t);
        } finally {
            gate.open();
        }
        h.join(t);
        assertEquals(Boolean.TRUE, doneAtExit.get());
        assertEquals(5L, f.get().result(0.0));
        // "Shut down" shows only through submit's refusal, another behaviour: check that one first.
        h.dependsOn("concurrent.futures.Executor.submit/after-shutdown-raises-runtimeerror", () -> {
            Executor other = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1));
            other.shutdown();
            assertThrows(RuntimeError.class, () -> other.submit((a, k) -> 0L));
        });
        assertThrows(RuntimeError.class, () -> ex.submit((a, k) -> 1L), "the with block should have shut it down");
    }
}
