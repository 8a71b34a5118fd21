package dev.pyconc.reference.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fast paths of the reference's ThreadPoolExecutor and Future (see the package documentation) under load: the
 * lock-free work queue whose idle workers sleep on an adapter lock and are woken one at a time, and a future's
 * done state read without a lock while wait() and as_completed() lock futures to install their waiters. Each
 * test checks outcomes only (every result, each future yielded once), never times; every thread is joined with
 * a deadline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadPoolHandoffTest {
    private static final long DEADLINE_MS = (long) (3 * Timing.LONG * 1000);
    private Adapter adapter;
    private FuturesModule futures;

    @BeforeEach
    void create() {
        adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
        futures = adapter.module(FuturesModule.class);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    /** shutdown(wait=True) on a helper thread, joined with a deadline. */
    private static void shutdown(Executor pool) throws InterruptedException {
        Thread t = new Thread(() -> pool.shutdown(true, false), "shutdown");
        t.start();
        t.join(DEADLINE_MS);
        assertFalse(t.isAlive(), "shutdown(wait=True) did not end");
    }

    /** Polls until every given thread is blocked in the adapter (an idle worker must show as blocked). */
    private void awaitAllBlocked(Set<Thread> threads) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        for (Thread t : threads) {
            while (!adapter.isBlocked(t)) {
                assertTrue(System.nanoTime() < end, t + " never showed as blocked while idle");
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    /**
     * Bursts of tasks onto a pool whose workers all went idle (asleep, and seen as blocked in the adapter) before
     * each burst: every wake-up path of the work queue runs many times, and every result arrives.
     */
    @Test
    void burstsAfterIdleWorkersAllComplete() throws InterruptedException {
        Executor pool = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(3));
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        try {
            for (int round = 0; round < 200; round++) {
                int n = 1 + round % 40;
                List<Future> fs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long v = round * 1000L + i;
                    fs.add(pool.submit((a, k) -> {
                        workers.add(Thread.currentThread());
                        return v;
                    }));
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(round * 1000L + i, fs.get(i).result(DEADLINE_MS / 1000.0));
                }
                awaitAllBlocked(workers);
            }
            assertTrue(workers.size() <= 3, workers.size() + " workers");
        } finally {
            shutdown(pool);
        }
    }

    /** Two threads submit at once onto four workers; each of their futures gets its own result. */
    @Test
    void concurrentSubmittersGetEveryResult() throws InterruptedException {
        Executor pool = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(4));
        int perThread = 20_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> submitters = new ArrayList<>();
        try {
            for (int s = 0; s < 2; s++) {
                long base = s * 1_000_000L;
                Thread t = new Thread(() -> {
                    try {
                        List<Future> fs = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            long v = base + i;
                            fs.add(pool.submit((a, k) -> v));
                        }
                        for (int i = 0; i < perThread; i++) {
                            assertEquals(base + i, fs.get(i).result());
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "submitter-" + s);
                t.start();
                submitters.add(t);
            }
            for (Thread t : submitters) {
                t.join(DEADLINE_MS);
                assertFalse(t.isAlive(), t.getName() + " did not finish");
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        } finally {
            shutdown(pool);
        }
    }

    /**
     * wait(ALL_COMPLETED), wait(FIRST_COMPLETED) and as_completed on tasks that finish while the waiters are being
     * installed: nothing is lost (wait returns with all done, as_completed yields each future exactly once).
     */
    @Test
    void waitersInstalledWhileTasksFinish() throws InterruptedException {
        Executor pool = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            for (int round = 0; round < 50; round++) {
                List<Future> fs = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    long v = i;
                    fs.add(pool.submit((a, k) -> v));
                }
                DoneAndNotDone first = futures.wait(fs, DEADLINE_MS / 1000.0, ReturnWhen.FIRST_COMPLETED);
                assertFalse(first.done().isEmpty(), "FIRST_COMPLETED returned with nothing done");
                for (Future f : first.done()) {
                    assertTrue(f.done());
                }
                PyIterator<Future> it = futures.asCompleted(fs, DEADLINE_MS / 1000.0);
                Set<Future> yielded = new HashSet<>();
                while (true) {
                    Future f;
                    try {
                        f = it.next();
                    } catch (StopIteration end) {
                        break;
                    }
                    assertTrue(f.done(), "as_completed yielded a future not done");
                    assertTrue(yielded.add(f), "as_completed yielded a future twice");
                }
                assertEquals(fs.size(), yielded.size());
                DoneAndNotDone all = futures.wait(fs, DEADLINE_MS / 1000.0, ReturnWhen.ALL_COMPLETED);
                assertEquals(fs.size(), all.done().size());
                assertTrue(all.notDone().isEmpty());
            }
        } finally {
            shutdown(pool);
        }
    }
}
