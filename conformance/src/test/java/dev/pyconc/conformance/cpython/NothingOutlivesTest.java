package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.FuturesModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing the cpython adapter ends the agent and every process it started, even a process pool a case left
 * running (its workers, the forkserver, the resource tracker): nothing outlives a run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NothingOutlivesTest {
    @Test
    void closeEndsTheAgentAndItsChildren() throws Exception {
        CpythonAdapter adapter = (CpythonAdapter) new CpythonAdapterProvider().create(AdapterConfig.fromSystemProperties());
        List<ProcessHandle> before;
        ProcessHandle agent;
        try {
            agent = ProcessHandle.of(Long.parseLong(adapter.details().get("pid"))).orElseThrow();
            FuturesModule futures = adapter.module(FuturesModule.class);
            Executor pool = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1));
            assertEquals(1L, pool.submit(futures.function("builtins.abs"), List.of(-1L), Map.of()).result(30.0));
            // the pool is left running on purpose, as a failing case might leave it
            before = agent.descendants().toList();
            assertFalse(before.isEmpty(), "a process pool should have started worker processes");
        } finally {
            adapter.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0 && (agent.isAlive() || before.stream().anyMatch(ProcessHandle::isAlive))) {
            Thread.sleep(50);
        }
        assertFalse(agent.isAlive(), "the agent outlived the adapter");
        List<Long> alive = before.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        assertTrue(alive.isEmpty(), "processes the agent started outlived the adapter: " + alive);
    }
}
