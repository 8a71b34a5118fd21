package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A child a case left running is killed and reaped when the case ends; closing the cpython adapter ends the
 * agent and every process it started, even a process pool a case left running (its workers, the forkserver,
 * the resource tracker), and removes the temp folder multiprocessing made for the agent: nothing outlives a run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NothingOutlivesTest {
    @Test
    void endCaseKillsAndReapsTheChildrenACaseLeft() throws Exception {
        CpythonAdapter adapter = (CpythonAdapter) new CpythonAdapterProvider().create(AdapterConfig.fromSystemProperties());
        try {
            ProcessHandle agent = ProcessHandle.of(Long.parseLong(adapter.details().get("pid"))).orElseThrow();
            List<Long> before = agent.children().map(ProcessHandle::pid).toList();
            adapter.beginCase("NothingOutlivesTest#endCase");
            SubprocessModule sp = adapter.module(SubprocessModule.class);
            Popen running = sp.popen(List.of("cat"), PopenOptions.defaults().stdin(Redirect.PIPE));
            Popen exited = sp.popen(List.of("true"), PopenOptions.defaults());
            Popen grouped = sp.popen(List.of("cat"), PopenOptions.defaults().stdin(Redirect.PIPE).startNewSession(true));
            long[] pids = {running.pid(), exited.pid(), grouped.pid()};
            // both left as a failing case might leave them: one running, one a zombie nobody waited for
            adapter.endCase();
            for (long pid : pids) {
                assertFalse(new java.io.File("/proc/" + pid).exists(), "child " + pid + " outlived its case");
            }
            assertEquals(before, agent.children().map(ProcessHandle::pid).toList());
        } finally {
            adapter.close();
        }
    }

    @Test
    void closeEndsTheAgentAndItsChildren() throws Exception {
        CpythonAdapter adapter = (CpythonAdapter) new CpythonAdapterProvider().create(AdapterConfig.fromSystemProperties());
        List<ProcessHandle> before;
        ProcessHandle agent;
        java.nio.file.Path tempdir;
        try {
            agent = ProcessHandle.of(Long.parseLong(adapter.details().get("pid"))).orElseThrow();
            FuturesModule futures = adapter.module(FuturesModule.class);
            Executor pool = futures.processPoolExecutor(ExecutorOptions.maxWorkers(1));
            assertEquals(1L, pool.submit(futures.function("builtins.abs"), List.of(-1L), Map.of()).result(30.0));
            // the pool is left running on purpose, as a failing case might leave it
            before = agent.descendants().toList();
            // the folder multiprocessing made for the agent (the forkserver's socket is in it)
            tempdir = java.nio.file.Path.of((String) adapter.callFunction("multiprocessing.util", "get_temp_dir"));
            assertTrue(java.nio.file.Files.isDirectory(tempdir), "multiprocessing's temp folder " + tempdir);
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
        assertFalse(java.nio.file.Files.exists(tempdir), "multiprocessing's temp folder outlived the adapter: " + tempdir);
    }
}
