package dev.pyconc.spec.cases.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.BrokenThreadPool;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cases for {@code concurrent.futures.ThreadPoolExecutor}. */
@PyCase
class ThreadPoolExecutorCases {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    /** max_workers of 0 or below raises ValueError. */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/max-workers-nonpositive-raises-valueerror")
    void nonPositiveMaxWorkers(FuturesModule futures) {
        assertThrows(ValueError.class, () -> futures.threadPoolExecutor(ExecutorOptions.maxWorkers(0)));
        assertThrows(ValueError.class, () -> futures.threadPoolExecutor(ExecutorOptions.maxWorkers(-1)));
    }

    /**
     * Runs {@code n + 1} blocking calls on a new pool made from {@code options}; exactly {@code n} of them must
     * run together (the last waits), and never more. Correct whatever the interleaving: it waits for {@code n}
     * to be inside, and a pool with more workers would let the extra call in too, which the maximum records.
     * Once {@code n} calls run, it also checks that at most {@code n} threads carry the pool's unique
     * {@code thread_name_prefix} (the docs promise a pool of at most max_workers threads; when and how the
     * workers start is not promised, so a pool that starts them lazily passes).
     */
    private static void exactlyRunAtOnce(FuturesModule futures, ThreadingModule threading, ExecutorOptions options,
            int n, Harness h) {
        String prefix = "pyconc-at-once-" + PREFIXES.incrementAndGet() + "-" + System.nanoTime();
        Executor ex = futures.threadPoolExecutor(options.withThreadNamePrefix(prefix));
        Gate gate = new Gate(Timing.CASE);
        List<Future> fs = new ArrayList<>();
        try {
            for (int i = 0; i <= n; i++) {
                fs.add(ex.submit(gate.task((long) i)));
            }
            h.poll(n + " calls running at once", () -> gate.inside.get() >= n);
            long workers = threading.enumerate().stream().filter(t -> t.getName().startsWith(prefix)).count();
            assertTrue(workers <= n, workers + " worker threads named " + prefix + " while " + n
                    + " calls run; the pool may have at most " + n);
            assertFalse(fs.get(n).running(), "call " + (n + 1) + " runs although " + n + " workers are busy");
            assertEquals(n, gate.inside.get());
        } finally {
            gate.open();
            ex.shutdown();
        }
        for (int i = 0; i <= n; i++) {
            assertEquals((long) i, fs.get(i).result(0.0));
        }
        assertEquals(n, gate.maxInside.get(), "most calls seen running at once");
    }

    /** With max_workers=2, two calls run at once and a third waits for a free worker. */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/at-most-max-workers-at-once")
    void atMostMaxWorkers(FuturesModule futures, ThreadingModule threading, Harness h) {
        exactlyRunAtOnce(futures, threading, ExecutorOptions.maxWorkers(2), 2, h);
    }

    /** The default max_workers is min(32, (process CPU count or 1) + 4). */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/default-max-workers")
    void defaultMaxWorkers(FuturesModule futures, ThreadingModule threading, Harness h) {
        Long cpus = futures.processCpuCount();
        int expected = (int) Math.min(32, (cpus == null || cpus == 0 ? 1 : cpus) + 4);
        h.note("expectedMaxWorkers", Integer.toString(expected));
        exactlyRunAtOnce(futures, threading, ExecutorOptions.defaults(), expected, h);
    }

    /** Worker threads are threading threads named after thread_name_prefix. */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/thread-name-prefix")
    void threadNamePrefix(FuturesModule futures, ThreadingModule threading) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2).withThreadNamePrefix("pyconc-pool"));
        try {
            Object name = ex.submit((a, k) -> threading.currentThread().getName()).result(Timing.LONG);
            assertTrue(name instanceof String s && s.startsWith("pyconc-pool"), "worker thread name: " + name);
        } finally {
            ex.shutdown();
        }
    }

    /** The initializer runs with initargs in each worker thread, before that worker runs a call. */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/initializer-runs-in-each-worker")
    void initializerRunsPerWorker(FuturesModule futures, ThreadingModule threading, Harness h) {
        Set<Long> initialized = ConcurrentHashMap.newKeySet();
        List<Object> initArgsSeen = new CopyOnWriteArrayList<>();
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(2).withInitializer((args, kwargs) -> {
            initArgsSeen.add(args);
            initialized.add(threading.getIdent());
            return null;
        }, List.of("a", 1L)));
        Gate gate = new Gate(Timing.CASE);
        List<Future> fs = new ArrayList<>();
        try {
            // two blocking calls force two workers
            for (int i = 0; i < 2; i++) {
                fs.add(ex.submit((a, k) -> {
                    long me = threading.getIdent();
                    boolean wasInitialized = initialized.contains(me);
                    gate.task(null).call(List.of(), Map.of());
                    return wasInitialized;
                }));
            }
            h.poll("two calls running", () -> gate.inside.get() == 2);
        } finally {
            gate.open();
            ex.shutdown();
        }
        for (Future f : fs) {
            assertEquals(true, f.result(0.0), "call ran on a worker whose initializer had not run");
        }
        assertEquals(2, initialized.size());
        assertEquals(List.of(List.of("a", 1L), List.of("a", 1L)), initArgsSeen);
    }

    /** A raising initializer fails the pending calls with BrokenThreadPool; later submits raise it too. */
    @Test
    @Checks({"concurrent.futures.ThreadPoolExecutor/failing-initializer-breaks-pool",
            "concurrent.futures.thread.BrokenThreadPool/is-broken-executor"})
    void failingInitializerBreaksPool(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1).withInitializer((a, k) -> {
            throw new ValueError("initializer fails on purpose");
        }, List.of()));
        try {
            Future f = ex.submit((a, k) -> 1L);
            BrokenThreadPool e = assertThrows(BrokenThreadPool.class, () -> f.result(Timing.LONG));
            assertEquals("concurrent.futures.thread.BrokenThreadPool", e.pythonName());
            // the interpreter's own MRO on a bridged adapter; on a Java adapter the SPI's classes fix it
            assertTrue(e.pythonMro().contains("concurrent.futures.BrokenExecutor"), e.pythonMro().toString());
            assertTrue(e.pythonMro().contains("builtins.RuntimeError"), e.pythonMro().toString());
            assertThrows(BrokenThreadPool.class, () -> ex.submit((a, k) -> 2L));
        } finally {
            ex.shutdown();
        }
    }

    /**
     * An initializer raising SystemExit (a BaseException, not an Exception) breaks the pool too: the pending
     * call fails with BrokenThreadPool and a later submit raises it.
     */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/initializer-systemexit-breaks-pool")
    void systemExitInitializerBreaksPool(FuturesModule futures) {
        Executor ex = futures.threadPoolExecutor(ExecutorOptions.maxWorkers(1).withInitializer((a, k) -> {
            throw new SystemExit("initializer exits on purpose");
        }, List.of()));
        try {
            Future f = ex.submit((a, k) -> 1L);
            BrokenThreadPool e = assertThrows(BrokenThreadPool.class, () -> f.result(Timing.LONG));
            assertEquals("concurrent.futures.thread.BrokenThreadPool", e.pythonName());
            assertThrows(BrokenThreadPool.class, () -> ex.submit((a, k) -> 2L));
        } finally {
            ex.shutdown();
        }
    }

    /**
     * ThreadPoolExecutor has no mp_context or max_tasks_per_child parameter (ProcessPoolExecutor's): passing
     * either raises TypeError, as for any unexpected keyword argument.
     */
    @Test
    @Checks("concurrent.futures.ThreadPoolExecutor/process-pool-arguments-raise-typeerror")
    void processPoolArgumentsRejected(FuturesModule futures) {
        assertThrows(TypeError.class, () -> futures.threadPoolExecutor(
                ExecutorOptions.maxWorkers(1).withMpContext("spawn")));
        assertThrows(TypeError.class, () -> futures.threadPoolExecutor(
                ExecutorOptions.maxWorkers(1).withMaxTasksPerChild(1L)));
    }
}
