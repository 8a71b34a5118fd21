package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract of a pool, as {@code multiprocessing.pool.Pool}, {@code multiprocessing.pool.ThreadPool} and
 * {@code multiprocessing.dummy.Pool} all document it (after CPython's {@code _test_multiprocessing._TestPool},
 * run there for processes and threads): one suite, several bindings.
 *
 * <p>Each concrete subclass makes the pools ({@link #newPool}) and binds the {@code {pool}} placeholder with
 * {@link dev.pyconc.spec.harness.Binding}. Tasks are the named {@link Routine}s, which every pool can run; a task
 * that must not finish before the case says so waits on a {@link PoolGate}. Every pool is terminated and joined
 * (bounded) in a finally block. {@code AsyncResult} is one class for every kind of pool, so its ids are literal.
 * See CONTRIBUTING.md, "One suite, several bindings".
 */
@PyCase
public abstract class PoolContract {

    /** A new running pool of the binding under test. */
    protected abstract Pool newPool(Adapter adapter, PoolOptions options);

    /** A routine as a task. */
    protected static PyCallable routine(Adapter adapter, Routine r) {
        return adapter.module(MultiprocessingModule.class).routine(r);
    }

    /** A gate in a new shared memory block. */
    protected static PoolGate gate(Adapter adapter) {
        return new PoolGate(adapter.module(MultiprocessingModule.class), adapter.module(SharedMemoryModule.class));
    }

    /**
     * Opens the gate (so no task stays blocked), terminates the pool and joins it, failing the case if the join
     * takes longer than {@link Timing#LONG}.
     */
    protected static void end(Harness h, Pool pool, PoolGate gate) {
        try {
            if (gate != null) {
                gate.open();
            }
            pool.terminate();
            h.join(h.start("pool-joiner", pool::join));
        } finally {
            if (gate != null) {
                gate.close();
            }
        }
    }

    private static List<Object> range(long n) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<Object> squares(long n) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i * i);
        }
        return out;
    }

    /** apply runs the call in the pool and returns its result; apply_async's AsyncResult gives the same by get(). */
    @Test
    @Checks({"{pool}.apply/blocks-returns-result", "{pool}.apply_async/returns-asyncresult",
            "multiprocessing.pool.AsyncResult.get/returns-result"})
    public void applyReturnsResult(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        try {
            assertEquals(49L, pool.apply(routine(adapter, Routine.SQUARE), List.of(7L), Map.of()));
            assertEquals(5L, pool.apply(routine(adapter, Routine.ADD), List.of(2L, 3L), Map.of()));
            AsyncResult r = pool.applyAsync(routine(adapter, Routine.ADD), List.of(40L, 2L), Map.of(), null, null);
            assertEquals(42L, r.get(Timing.LONG));
        } finally {
            end(h, pool, null);
        }
    }

    /** An exception raised by the call is raised again by apply, by map and by AsyncResult.get, which is then unsuccessful. */
    @Test
    @Checks({"{pool}.apply/exception-reraised", "{pool}.map/exception-reraised",
            "multiprocessing.pool.AsyncResult.get/reraises-remote-exception",
            "multiprocessing.pool.AsyncResult.successful/reports-no-exception"})
    public void exceptionsAreRaisedAgain(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PyCallable fail = routine(adapter, Routine.FAIL);
        try {
            assertEquals("from apply", assertThrows(ValueError.class,
                    () -> pool.apply(fail, List.of("from apply"), Map.of())).getMessage());
            assertEquals("from map", assertThrows(ValueError.class,
                    () -> pool.map(fail, List.of("from map"), null)).getMessage());
            AsyncResult r = pool.applyAsync(fail, List.of("from get"), Map.of(), null, null);
            assertEquals("from get", assertThrows(ValueError.class, () -> r.get(Timing.LONG)).getMessage());
            assertFalse(r.successful());
            AsyncResult ok = pool.applyAsync(routine(adapter, Routine.SQUARE), List.of(3L), Map.of(), null, null);
            assertEquals(9L, ok.get(Timing.LONG));
            assertTrue(ok.successful());
        } finally {
            end(h, pool, null);
        }
    }

    /** apply_async calls callback with the result, or error_callback with the exception, and never the other one. */
    @Test
    @Checks({"{pool}.apply_async/callback-gets-result", "{pool}.apply_async/error-callback-gets-exception"})
    public void callbacksGetResultOrException(Adapter adapter, Harness h) throws InterruptedException {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        AtomicReference<Object> ok = new AtomicReference<>();
        AtomicReference<Object> err = new AtomicReference<>();
        AtomicInteger wrong = new AtomicInteger();
        CountDownLatch calls = new CountDownLatch(2);
        try {
            pool.applyAsync(routine(adapter, Routine.SQUARE), List.of(6L), Map.of(), (a, k) -> {
                ok.set(a.get(0));
                calls.countDown();
                return null;
            }, (a, k) -> {
                wrong.incrementAndGet();
                return null;
            });
            pool.applyAsync(routine(adapter, Routine.FAIL), List.of("to the error callback"), Map.of(), (a, k) -> {
                wrong.incrementAndGet();
                return null;
            }, (a, k) -> {
                err.set(a.get(0));
                calls.countDown();
                return null;
            });
            assertTrue(calls.await((long) (Timing.LONG * 1000), TimeUnit.MILLISECONDS), "callbacks not called in time");
            assertEquals(36L, ok.get());
            ValueError e = assertInstanceOf(ValueError.class, err.get());
            assertEquals("to the error callback", e.getMessage());
            assertEquals(0, wrong.get(), "the callback of the other outcome was called");
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * While the call runs, ready() is False, successful() raises ValueError, get(timeout) raises
     * multiprocessing.TimeoutError and wait(timeout) returns after the timeout; once it ends they all see the result.
     */
    @Test
    @Checks({"multiprocessing.pool.AsyncResult.ready/reflects-completion",
            "multiprocessing.pool.AsyncResult.successful/not-ready-valueerror",
            "multiprocessing.pool.AsyncResult.get/timeout-raises-timeouterror",
            "multiprocessing.pool.AsyncResult.wait/waits-for-ready-or-timeout"})
    public void asyncResultWhileRunning(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PoolGate gate = gate(adapter);
        try {
            AsyncResult r = pool.applyAsync(gate.func(), gate.args("done"), Map.of(), null, null);
            assertFalse(r.ready());
            assertThrows(ValueError.class, r::successful);
            long t0 = h.now();
            assertThrows(MultiprocessingTimeoutError.class, () -> r.get(Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            t0 = h.now();
            r.await(Timing.SHORT);
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            assertFalse(r.ready());
            gate.open();
            r.await(Timing.LONG);
            assertTrue(r.ready());
            assertTrue(r.successful());
            assertEquals("done", r.get(Timing.LONG));
        } finally {
            end(h, pool, gate);
        }
    }

    /**
     * map and map_async return the results in the items' order for any chunksize (None, 1, small, larger than the
     * list); map_async's callback gets that list.
     */
    @Test
    @Checks({"{pool}.map/ordered-results", "{pool}.map/chunksize", "{pool}.map_async/returns-asyncresult"})
    public void mapKeepsOrder(Adapter adapter, Harness h) throws InterruptedException {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PyCallable square = routine(adapter, Routine.SQUARE);
        try {
            assertEquals(squares(20), pool.map(square, range(20), null));
            for (long chunksize : new long[] {1, 3, 7, 50}) {
                assertEquals(squares(20), pool.map(square, range(20), chunksize), "chunksize " + chunksize);
            }
            assertEquals(List.of(), pool.map(square, List.of(), null));
            AtomicReference<Object> got = new AtomicReference<>();
            CountDownLatch called = new CountDownLatch(1);
            AsyncResult r = pool.mapAsync(square, range(9), 2L, (a, k) -> {
                got.set(a.get(0));
                called.countDown();
                return null;
            }, null);
            assertEquals(squares(9), r.get(Timing.LONG));
            assertTrue(called.await((long) (Timing.LONG * 1000), TimeUnit.MILLISECONDS), "callback not called");
            assertEquals(squares(9), got.get());
        } finally {
            end(h, pool, null);
        }
    }

    /** starmap and starmap_async unpack each item as the call's arguments and keep the items' order. */
    @Test
    @Checks({"{pool}.starmap/unpacks-arguments", "{pool}.starmap_async/returns-asyncresult"})
    public void starmapUnpacks(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PyCallable add = routine(adapter, Routine.ADD);
        List<List<Object>> pairs = new ArrayList<>();
        List<Object> sums = new ArrayList<>();
        for (long i = 0; i < 10; i++) {
            pairs.add(List.of(i, 100 * i));
            sums.add(101 * i);
        }
        try {
            assertEquals(List.of(3L, 7L), pool.starmap(add, List.of(List.of(1L, 2L), List.of(3L, 4L)), null));
            assertEquals(sums, pool.starmap(add, pairs, 3L));
            assertEquals(sums, pool.starmapAsync(add, pairs, null, null, null).get(Timing.LONG));
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * imap yields the results in the items' order, for chunksize 1 and more, then raises StopIteration;
     * imap_unordered yields the same results in some order.
     */
    @Test
    @Checks({"{pool}.imap/lazy-ordered-iterator", "{pool}.imap_unordered/same-results-any-order"})
    public void imapResults(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PyCallable square = routine(adapter, Routine.SQUARE);
        try {
            PoolIterator it = pool.imap(square, range(12), 1);
            for (long i = 0; i < 12; i++) {
                assertEquals(i * i, it.next(Timing.LONG));
            }
            assertThrows(StopIteration.class, it::next);
            assertEquals(squares(12), pool.imap(square, range(12), 5).toList());
            List<Object> unordered = pool.imapUnordered(square, range(12), 1).toList();
            List<Long> sorted = new ArrayList<>();
            unordered.forEach(o -> sorted.add((Long) o));
            sorted.sort(null);
            assertEquals(squares(12), new ArrayList<Object>(sorted));
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * With both workers held by gated calls, an imap iterator's next(timeout) raises multiprocessing.TimeoutError no
     * earlier than the timeout; once the gate opens, next gives the result.
     */
    @Test
    @Checks("{pool}.imap/next-timeout")
    public void imapNextTimeout(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PoolGate gate = gate(adapter);
        try {
            // the tasks are taken in order: the imap task waits behind two gated calls, one per worker
            pool.applyAsync(gate.func(), gate.args(1L), Map.of(), null, null);
            pool.applyAsync(gate.func(), gate.args(2L), Map.of(), null, null);
            PoolIterator it = pool.imap(routine(adapter, Routine.SQUARE), List.of(5L), 1);
            long t0 = h.now();
            assertThrows(MultiprocessingTimeoutError.class, () -> it.next(Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            gate.open();
            assertEquals(25L, it.next(Timing.LONG));
            assertThrows(StopIteration.class, () -> it.next(Timing.LONG));
        } finally {
            end(h, pool, gate);
        }
    }

    /** With a single worker, imap_unordered yields the results in the items' order. */
    @Test
    @Checks("{pool}.imap_unordered/single-worker-in-order")
    public void imapUnorderedSingleWorker(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(1));
        try {
            assertEquals(squares(10), pool.imapUnordered(routine(adapter, Routine.SQUARE), range(10), 1).toList());
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * Pool(2) runs two calls at once but not three: with one worker held by a gated call another call finishes;
     * with both held, a third does not finish until the gate opens.
     */
    @Test
    @Checks("{pool}/worker-count")
    public void workerCount(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PoolGate gate = gate(adapter);
        PyCallable square = routine(adapter, Routine.SQUARE);
        try {
            AsyncResult first = pool.applyAsync(gate.func(), gate.args(1L), Map.of(), null, null);
            assertEquals(4L, pool.applyAsync(square, List.of(2L), Map.of(), null, null).get(Timing.LONG),
                    "a second worker should run a call while the first is held");
            AsyncResult second = pool.applyAsync(gate.func(), gate.args(2L), Map.of(), null, null);
            AsyncResult third = pool.applyAsync(square, List.of(3L), Map.of(), null, null);
            third.await(Timing.SHORT);
            assertFalse(third.ready(), "a third call ran while two workers were held");
            assertFalse(first.ready());
            gate.open();
            assertEquals(9L, third.get(Timing.LONG));
            assertEquals(1L, first.get(Timing.LONG));
            assertEquals(2L, second.get(Timing.LONG));
        } finally {
            end(h, pool, gate);
        }
    }

    /** Every worker runs the initializer with initargs before its first task. */
    @Test
    @Checks("{pool}/initializer-runs-in-each-worker")
    public void initializerRunsFirst(Adapter adapter, Harness h) {
        String token = "init-" + h.random().nextLong();
        Pool pool = newPool(adapter, PoolOptions.of(2).withInitializer(routine(adapter, Routine.SET_GLOBAL),
                List.of(token)));
        try {
            List<Object> seen = pool.map(routine(adapter, Routine.GET_GLOBAL), range(8), 1L);
            assertEquals(java.util.Collections.nCopies(8, token), seen);
        } finally {
            end(h, pool, null);
        }
    }

    /**
     * After close() the pool refuses new work with ValueError, the work already submitted still completes, and
     * join() returns once the workers have exited; join() before close() raises ValueError.
     */
    @Test
    @Checks({"{pool}.close/no-more-submissions", "{pool}.join/waits-for-workers",
            "{pool}.join/requires-close-or-terminate"})
    public void closeThenJoin(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PoolGate gate = gate(adapter);
        PyCallable square = routine(adapter, Routine.SQUARE);
        try {
            assertThrows(ValueError.class, pool::join);
            AsyncResult held = pool.applyAsync(gate.func(), gate.args("held"), Map.of(), null, null);
            AsyncResult mapped = pool.mapAsync(square, range(6), 1L, null, null);
            pool.close();
            assertThrows(ValueError.class, () -> pool.applyAsync(square, List.of(1L), Map.of(), null, null));
            assertThrows(ValueError.class, () -> pool.map(square, List.of(1L), null));
            Thread joiner = h.start("closed-pool-joiner", pool::join);
            gate.open();
            h.join(joiner);
            assertTrue(held.ready(), "join() returned before a submitted call finished");
            assertTrue(mapped.ready(), "join() returned before submitted work finished");
            assertEquals("held", held.get(0.0));
            assertEquals(squares(6), mapped.get(0.0));
        } finally {
            end(h, pool, gate);
        }
    }

    /**
     * terminate() ends the pool with work outstanding: a call still queued never completes, and new work is
     * refused with ValueError.
     */
    @Test
    @Checks("{pool}.terminate/stops-workers-at-once")
    public void terminateDropsWork(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PoolGate gate = gate(adapter);
        try {
            pool.applyAsync(gate.func(), gate.args(1L), Map.of(), null, null);
            pool.applyAsync(gate.func(), gate.args(2L), Map.of(), null, null);
            AsyncResult queued = pool.applyAsync(routine(adapter, Routine.SQUARE), List.of(3L), Map.of(), null, null);
            pool.terminate();
            assertThrows(ValueError.class,
                    () -> pool.applyAsync(routine(adapter, Routine.SQUARE), List.of(1L), Map.of(), null, null));
            gate.open();
            h.join(h.start("terminated-pool-joiner", pool::join));
            assertFalse(queued.ready(), "a call still queued at terminate() completed");
        } finally {
            end(h, pool, gate);
        }
    }

    /** Leaving a with block terminates the pool: it refuses new work and the calls still queued never complete. */
    @Test
    @Checks("{pool}/context-manager-terminates")
    public void withTerminates(Adapter adapter, Harness h) {
        Pool pool = newPool(adapter, PoolOptions.of(2));
        PoolGate gate = gate(adapter);
        AtomicReference<AsyncResult> queued = new AtomicReference<>();
        try {
            pool.with(() -> {
                pool.applyAsync(gate.func(), gate.args(1L), Map.of(), null, null);
                pool.applyAsync(gate.func(), gate.args(2L), Map.of(), null, null);
                queued.set(pool.applyAsync(routine(adapter, Routine.SQUARE), List.of(3L), Map.of(), null, null));
            });
            assertThrows(ValueError.class,
                    () -> pool.applyAsync(routine(adapter, Routine.SQUARE), List.of(1L), Map.of(), null, null));
            gate.open();
            h.join(h.start("terminated-pool-joiner", pool::join));
            assertFalse(queued.get().ready(), "a call still queued when the block ended completed");
        } finally {
            end(h, pool, gate);
        }
    }
}
