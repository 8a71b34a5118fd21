package dev.pyconc.spec.cases.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.BrokenInterpreterPool;
import dev.pyconc.spi.exceptions.BrokenProcessPool;
import dev.pyconc.spi.exceptions.CancelledError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.exceptions.ZeroDivisionError;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code ProcessPoolExecutor} and {@code InterpreterPoolExecutor}: calls are module-level Python
 * functions from {@link FuturesModule#function}, since a Java callable cannot reach another process or
 * interpreter.
 */
@PyCase
class OtherPoolCases {

    /** A process pool runs module functions via submit and map. */
    @Test
    @Checks("concurrent.futures.ProcessPoolExecutor/runs-module-functions")
    void processPoolRuns(FuturesModule futures) {
        Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            assertEquals(1024L, ex.submit(futures.function("builtins.pow"), List.of(2L, 10L), Map.of()).result(Timing.LONG));
            assertEquals(List.of(1L, 2L, 3L), ex.map(futures.function("builtins.abs"), List.of(List.of(-1L, 2L, -3L)),
                    Timing.LONG, 1, null).toList());
        } finally {
            ex.shutdown();
        }
    }

    /** A process pool's calls run in another process (os.getpid differs from the caller's). */
    @Test
    @Checks("concurrent.futures.ProcessPoolExecutor/calls-run-in-another-process")
    void processPoolOtherProcess(FuturesModule futures) {
        PyCallable getpid = futures.function("os.getpid");
        Object here = getpid.call(List.of(), Map.of());
        Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1));
        try {
            assertNotEquals(here, ex.submit(getpid).result(Timing.LONG));
        } finally {
            ex.shutdown();
        }
    }

    /** An exception raised in a worker process is raised by result(). */
    @Test
    @Checks("concurrent.futures.ProcessPoolExecutor/call-exception-propagates")
    void processPoolException(FuturesModule futures) {
        Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1));
        try {
            Future f = ex.submit(futures.function("operator.truediv"), List.of(1L, 0L), Map.of());
            assertThrows(ZeroDivisionError.class, () -> f.result(Timing.LONG));
        } finally {
            ex.shutdown();
        }
    }

    /** max_workers of 0 or below raises ValueError. */
    @Test
    @Checks("concurrent.futures.ProcessPoolExecutor/max-workers-nonpositive-raises-valueerror")
    void processPoolBadMaxWorkers(FuturesModule futures) {
        assertThrows(ValueError.class, () -> futures.processPoolExecutor(ExecutorOptions.maxWorkers(0)));
        assertThrows(ValueError.class, () -> futures.processPoolExecutor(ExecutorOptions.maxWorkers(-2)));
    }

    /** A raising initializer breaks a process pool: BrokenProcessPool for the pending call and later submits. */
    @Test
    @Checks({"concurrent.futures.ProcessPoolExecutor/failing-initializer-breaks-pool",
            "concurrent.futures.process.BrokenProcessPool/is-broken-executor"})
    void processPoolBrokenByInitializer(FuturesModule futures) {
        Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1)
                .withInitializer(futures.function("operator.truediv"), List.of(1L, 0L)));
        try {
            Future f = ex.submit(futures.function("builtins.abs"), List.of(-1L), Map.of());
            BrokenProcessPool e = assertThrows(BrokenProcessPool.class, () -> f.result(Timing.LONG));
            assertEquals("concurrent.futures.process.BrokenProcessPool", e.pythonName());
            // the interpreter's own MRO on a bridged adapter; on a Java adapter the SPI's classes fix it
            assertTrue(e.pythonMro().contains("concurrent.futures.BrokenExecutor"), e.pythonMro().toString());
            assertTrue(e.pythonMro().contains("builtins.RuntimeError"), e.pythonMro().toString());
            assertThrows(BrokenProcessPool.class, () -> ex.submit(futures.function("builtins.abs"), List.of(-1L), Map.of()));
        } finally {
            ex.shutdown();
        }
    }

    /** With max_tasks_per_child=1 two calls run in two different worker processes. */
    @Test
    @Checks("concurrent.futures.ProcessPoolExecutor/max-tasks-per-child-replaces-worker")
    void maxTasksPerChild(FuturesModule futures) {
        PyCallable getpid = futures.function("os.getpid");
        Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1).withMaxTasksPerChild(1L));
        try {
            Object first = ex.submit(getpid).result(Timing.LONG);
            Object second = ex.submit(getpid).result(Timing.LONG);
            assertNotEquals(first, second);
        } finally {
            ex.shutdown();
        }
    }

    /** max_tasks_per_child with the fork start method raises ValueError. */
    @Test
    @Checks("concurrent.futures.ProcessPoolExecutor/max-tasks-per-child-rejects-fork")
    void maxTasksPerChildRejectsFork(FuturesModule futures) {
        assertThrows(ValueError.class, () -> futures.processPoolExecutor(
                ExecutorOptions.maxWorkers(1).withMpContext("fork").withMaxTasksPerChild(1L)));
    }

    /** On a process pool map gives the same results for any chunksize; chunksize 0 raises ValueError. */
    @Test
    @Checks("concurrent.futures.Executor.map/process-pool-chunksize")
    void processPoolChunksize(FuturesModule futures) {
        Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            PyCallable pow = futures.function("builtins.pow");
            List<List<Long>> in = List.of(List.of(1L, 2L, 3L, 4L, 5L), List.of(2L, 2L, 2L, 2L, 2L));
            List<Long> squares = List.of(1L, 4L, 9L, 16L, 25L);
            assertEquals(squares, ex.map(pow, in, Timing.LONG, 1, null).toList());
            assertEquals(squares, ex.map(pow, in, Timing.LONG, 2, null).toList());
            assertEquals(squares, ex.map(pow, in, Timing.LONG, 10, null).toList());
            assertThrows(ValueError.class, () -> ex.map(pow, in, null, 0, null));
        } finally {
            ex.shutdown();
        }
    }

    /**
     * terminate_workers() and kill_workers() end a running call (a long time.sleep): it fails promptly with
     * BrokenProcessPool, its worker having ended abruptly; a queued call does not run either.
     */
    @Test
    @Checks({"concurrent.futures.ProcessPoolExecutor.terminate_workers/ends-running-calls",
            "concurrent.futures.ProcessPoolExecutor.kill_workers/ends-running-calls",
            "concurrent.futures.process.BrokenProcessPool/is-broken-executor"})
    void terminateAndKillWorkers(FuturesModule futures, Harness h) {
        for (boolean kill : new boolean[] {false, true}) {
            Executor ex = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1));
            try {
                Future running = ex.submit(futures.function("time.sleep"), List.of(Timing.CASE), Map.of());
                Future queued = ex.submit(futures.function("builtins.abs"), List.of(-1L), Map.of());
                h.poll("the sleep call running", running::running);
                if (kill) {
                    ex.killWorkers();
                } else {
                    ex.terminateWorkers();
                }
                assertThrows(BrokenProcessPool.class, () -> running.result(Timing.LONG));
                // the queued call is cancelled by the shutdown, or fails too if it had been handed to a worker
                BaseException e = assertThrows(BaseException.class, () -> queued.result(Timing.LONG));
                assertTrue(e instanceof BrokenProcessPool || e instanceof CancelledError, e.toString());
            } finally {
                ex.shutdown(false, true);
            }
        }
    }

    /** An interpreter pool runs module functions via submit and map. */
    @Test
    @Checks("concurrent.futures.InterpreterPoolExecutor/runs-module-functions")
    void interpreterPoolRuns(FuturesModule futures) {
        Executor ex = futures.interpreterPoolExecutor(ExecutorOptions.maxWorkers(2));
        try {
            assertEquals(List.of(3L, 1L), ex.submit(futures.function("builtins.divmod"), List.of(7L, 2L), Map.of())
                    .result(Timing.LONG));
            assertEquals(List.of(1L, 2L), ex.map(futures.function("builtins.abs"), List.of(List.of(-1L, -2L))).toList());
        } finally {
            ex.shutdown();
        }
    }

    /** An exception raised in a worker interpreter keeps its class. */
    @Test
    @Checks("concurrent.futures.InterpreterPoolExecutor/call-exception-preserved")
    void interpreterPoolException(FuturesModule futures) {
        Executor ex = futures.interpreterPoolExecutor(ExecutorOptions.maxWorkers(1));
        try {
            Future f = ex.submit(futures.function("operator.truediv"), List.of(1L, 0L), Map.of());
            assertThrows(ZeroDivisionError.class, () -> f.result(Timing.LONG));
        } finally {
            ex.shutdown();
        }
    }

    /** max_workers of 0 or below raises ValueError. */
    @Test
    @Checks("concurrent.futures.InterpreterPoolExecutor/max-workers-nonpositive-raises-valueerror")
    void interpreterPoolBadMaxWorkers(FuturesModule futures) {
        assertThrows(ValueError.class, () -> futures.interpreterPoolExecutor(ExecutorOptions.maxWorkers(0)));
    }

    /** A raising initializer breaks an interpreter pool with BrokenInterpreterPool, a BrokenThreadPool. */
    @Test
    @Checks({"concurrent.futures.InterpreterPoolExecutor/failing-initializer-breaks-pool",
            "concurrent.futures.interpreter.BrokenInterpreterPool/is-broken-thread-pool"})
    void interpreterPoolBrokenByInitializer(FuturesModule futures) {
        Executor ex = futures.interpreterPoolExecutor(ExecutorOptions.maxWorkers(1)
                .withInitializer(futures.function("operator.truediv"), List.of(1L, 0L)));
        try {
            Future f = ex.submit(futures.function("builtins.abs"), List.of(-1L), Map.of());
            BrokenInterpreterPool e = assertThrows(BrokenInterpreterPool.class, () -> f.result(Timing.LONG));
            assertEquals("concurrent.futures.interpreter.BrokenInterpreterPool", e.pythonName());
            // the interpreter's own MRO on a bridged adapter; on a Java adapter the SPI's classes fix it
            assertTrue(e.pythonMro().contains("concurrent.futures.thread.BrokenThreadPool"), e.pythonMro().toString());
            assertTrue(e.pythonMro().contains("concurrent.futures.BrokenExecutor"), e.pythonMro().toString());
            assertThrows(BrokenInterpreterPool.class, () -> ex.submit(futures.function("builtins.abs"), List.of(-1L), Map.of()));
        } finally {
            ex.shutdown();
        }
    }
}
