package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.conformance.CaseResult;
import dev.pyconc.conformance.ConformanceRunner;
import dev.pyconc.conformance.RunOptions;
import dev.pyconc.conformance.RunReport;
import dev.pyconc.conformance.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken interpreter still yields results: CPython 3.14, patched before the agent starts so that
 * {@code SimpleQueue.get(block=False)} returns None instead of raising Empty and so that a
 * {@code ProcessPoolExecutor} never finishes starting. The feature probe of the process pool must give up at
 * its bound (the feature is then absent, with the reason in the results), and the cases must still run, so
 * that the broken SimpleQueue shows up as FAIL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrokenInterpreterTest {
    private static final String PATCH = String.join("\n",
            "import queue, sys, runpy, _thread, concurrent.futures",
            "class SimpleQueue(queue.SimpleQueue):",
            "    def get(self, block=True, timeout=None):",
            "        if not block:",
            "            try:",
            "                return super().get(False)",
            "            except queue.Empty:",
            "                return None",
            "        return super().get(block, timeout)",
            "queue.SimpleQueue = SimpleQueue",
            "def never_starts(self, *args, **kwargs):",
            "    stuck = _thread.allocate_lock()",
            "    stuck.acquire()",
            "    stuck.acquire()",
            "concurrent.futures.ProcessPoolExecutor.__init__ = never_starts",
            "sys.argv = sys.argv[1:]",
            "runpy.run_path(sys.argv[0], run_name='__main__')");

    @Test
    void hangingProbeMeansAbsentAndTheBrokenBehaviourFails(@TempDir Path dir) throws Exception {
        Path wrapper = dir.resolve("broken-python");
        // The adapter runs "<python> -E -s -u agent.py": keep the flags, run the patch, then the agent.
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + CpythonAdapterProvider.bundledPython()
                + "' -E -s -u -c \"$(cat '" + dir.resolve("patch.py") + "')\" \"$4\"\n");
        Files.writeString(dir.resolve("patch.py"), PATCH + "\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> saved = new TreeMap<>();
        for (String k : List.of("pyconc.python", "pyconc.probeTimeout")) {
            saved.put(k, System.getProperty(k));
        }
        System.setProperty("pyconc.python", wrapper.toString());
        System.setProperty("pyconc.probeTimeout", "1");
        RunReport r;
        try {
            r = new ConformanceRunner().run(RunOptions.of("cpython").withIds(List.of(
                    "queue.SimpleQueue.get/nonblocking", "concurrent.futures.ProcessPoolExecutor/runs-module-functions")),
                    new ConformanceRunner.Observer() {});
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        Map<String, Status> statuses = new TreeMap<>();
        for (CaseResult c : r.cases()) {
            statuses.put(c.name(), c.status());
        }
        assertEquals(Map.of("SimpleQueueCases#nonblockingGet", Status.FAIL,
                "OtherPoolCases#processPoolRuns", Status.NOT_APPLICABLE), statuses);
        String probe = r.run().adapterDetails().get("probe.PROCESS_POOL");
        assertTrue(probe != null && probe.startsWith("absent: the probe failed: the agent did not answer"), probe);
        assertTrue(!r.run().features().contains("PROCESS_POOL"), r.run().features().toString());
    }
}
