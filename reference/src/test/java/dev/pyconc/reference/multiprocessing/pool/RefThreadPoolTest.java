package dev.pyconc.reference.multiprocessing.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.ReferenceAdapter;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool core through its thread workers: results, order, errors, callbacks, iterators, close/terminate/join. */
@Timeout(30)
class RefThreadPoolTest {
    private static final ThreadingModule THREADING = new ReferenceAdapter().module(ThreadingModule.class);
    private static final PyCallable SQUARE = (a, k) -> (Long) a.get(0) * (Long) a.get(0);
    private static final PyCallable FAIL = (a, k) -> {
        throw new ValueError(String.valueOf(a.get(0)));
    };

    private static Pool pool(int n) {
        return new RefThreadPool(THREADING, PoolOptions.of(n), 4);
    }

    private static void end(Pool p) {
        p.terminate();
        p.join();
    }

    @Test
    void mapKeepsOrderForEveryChunksize() {
        Pool p = pool(3);
        try {
            List<Object> xs = new ArrayList<>();
            List<Object> want = new ArrayList<>();
            for (long i = 0; i < 50; i++) {
                xs.add(i);
                want.add(i * i);
            }
            assertEquals(want, p.map(SQUARE, xs, null));
            for (long c = 1; c <= 60; c += 7) {
                assertEquals(want, p.map(SQUARE, xs, c));
                assertEquals(want, p.imap(SQUARE, xs, c).toList());
            }
            assertEquals(List.of(), p.map(SQUARE, List.of(), null));
            assertEquals(List.of(3L, 7L), p.starmap((a, k) -> (Long) a.get(0) + (Long) a.get(1),
                    List.of(List.of(1L, 2L), List.of(3L, 4L)), null));
        } finally {
            end(p);
        }
    }

    @Test
    void errorsReachTheCallerAndTheErrorCallback() throws InterruptedException {
        Pool p = pool(2);
        try {
            assertEquals("boom", assertThrows(ValueError.class, () -> p.apply(FAIL, List.of("boom"), Map.of())).getMessage());
            assertThrows(ValueError.class, () -> p.map((a, k) -> (Long) a.get(0) == 3 ? FAIL.call(a, k) : 1L,
                    List.of(1L, 2L, 3L, 4L), 1L));
            CountDownLatch called = new CountDownLatch(1);
            AtomicReference<Object> got = new AtomicReference<>();
            AsyncResult r = p.applyAsync(FAIL, List.of("x"), Map.of(), (a, k) -> {
                got.set("callback");
                return null;
            }, (a, k) -> {
                got.set(a.get(0));
                called.countDown();
                return null;
            });
            assertTrue(called.await(10, TimeUnit.SECONDS));
            assertTrue(got.get() instanceof ValueError);
            r.await(10.0); // the callback runs before the result is marked ready
            assertFalse(r.successful());
            PoolIterator it = p.imap(FAIL, List.of(1L), 1);
            assertThrows(ValueError.class, it::next);
            assertThrows(StopIteration.class, it::next);
        } finally {
            end(p);
        }
    }

    @Test
    void timeoutsAndNotReady() {
        CountDownLatch gate = new CountDownLatch(1);
        PyCallable gated = (a, k) -> {
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return a.get(0);
        };
        Pool p = pool(1);
        try {
            AsyncResult r = p.applyAsync(gated, List.of(5L), Map.of(), null, null);
            assertThrows(ValueError.class, r::successful);
            assertThrows(MultiprocessingTimeoutError.class, () -> r.get(0.05));
            PoolIterator it = p.imap(gated, List.of(6L), 1);
            assertThrows(MultiprocessingTimeoutError.class, () -> it.next(0.05));
            gate.countDown();
            assertEquals(5L, r.get(10.0));
            assertEquals(6L, it.next(10.0));
            assertThrows(StopIteration.class, () -> it.next(10.0));
        } finally {
            gate.countDown();
            end(p);
        }
    }

    @Test
    void closeRunsWhatWasSubmittedAndRefusesMore() {
        Pool p = pool(2);
        assertThrows(ValueError.class, p::join);
        AsyncResult r = p.mapAsync(SQUARE, List.of(1L, 2L, 3L), 1L, null, null);
        p.close();
        assertThrows(ValueError.class, () -> p.apply(SQUARE, List.of(1L), Map.of()));
        p.join();
        assertTrue(r.ready());
        assertEquals(List.of(1L, 4L, 9L), r.get(0.0));
    }

    @Test
    void terminateDropsPendingWork() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch in = new CountDownLatch(1);
        Pool p = pool(1);
        try {
            AsyncResult first = p.applyAsync((a, k) -> {
                in.countDown();
                try {
                    gate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1L;
            }, List.of(), Map.of(), null, null);
            AsyncResult second = p.applyAsync(SQUARE, List.of(2L), Map.of(), null, null);
            assertTrue(in.await(10, TimeUnit.SECONDS));
            p.terminate();
            gate.countDown();
            p.join();
            assertFalse(second.ready());
            assertFalse(first.ready());
            assertThrows(ValueError.class, () -> p.applyAsync(SQUARE, List.of(2L), Map.of(), null, null));
        } finally {
            gate.countDown();
            end(p);
        }
    }

    @Test
    void initializerRunsInEveryThreadAndMaxtasksIsRefused() throws InterruptedException {
        Set<Thread> inited = ConcurrentHashMap.newKeySet();
        Pool p = new RefThreadPool(THREADING, PoolOptions.of(3).withInitializer((a, k) -> {
            assertEquals(List.of("x"), a);
            inited.add(Thread.currentThread());
            return null;
        }, List.of("x")), 4);
        try {
            assertEquals(List.of(true), p.map((a, k) -> inited.contains(Thread.currentThread()), List.of(1L), null));
            long end = System.nanoTime() + 10_000_000_000L;
            while (inited.size() < 3 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(3, inited.size());
        } finally {
            end(p);
        }
        assertThrows(TypeError.class, () -> new RefThreadPool(THREADING, PoolOptions.of(1).withMaxtasksperchild(1L), 4));
        assertThrows(ValueError.class, () -> new RefThreadPool(THREADING, PoolOptions.of(0), 4));
    }

    @Test
    void dummyPoolAndQueue() {
        RefDummyModule dummy = new RefDummyModule(THREADING, new ReferenceAdapter().module(QueueModule.class), 2);
        Pool p = dummy.pool(PoolOptions.none());
        try (var held = p.enter()) {
            assertEquals(List.of(0L, 1L, 4L), p.map(SQUARE, List.of(0L, 1L, 2L), null));
        }
        assertThrows(ValueError.class, () -> p.map(SQUARE, List.of(1L), null));
        p.join();
        var q = dummy.queue(1);
        q.put(1L);
        assertTrue(q.full());
    }
}
