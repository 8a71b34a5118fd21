package dev.pyconc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a run of {@code asyncio} starts outlives it: after the module has run twice on one adapter, this JVM has
 * the same live threads as before the first run (no task body thread, loop thread or partner of one left), and the
 * implementation's {@code threading.enumerate()} lists the same threads (on CPython: no thread left running a loop,
 * and so no task). Counted twice so that whatever the first run warms up is in the baseline of the second.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AsyncioHygieneTest {
    /** The live threads of this JVM and of the implementation, by name. */
    record Threads(Set<String> java, Set<String> python) {
        static Threads of(Adapter adapter) {
            Set<String> java = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> python = adapter.module(ThreadingModule.class).enumerate().stream().map(PyThread::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Threads(java, python);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "cpython"})
    void twoRunsLeaveNoThreadAndNoTask(String name) throws Exception {
        try (Adapter adapter = Adapters.provider(name).create(AdapterConfig.fromSystemProperties())) {
            RunOptions options = RunOptions.of(name).withModules(List.of("asyncio"));
            RunReport first = new ConformanceRunner().run(adapter, options, new ConformanceRunner.Observer() {});
            assertTrue(first.cases().size() > 100, "asyncio should have its cases: " + first.cases().size());
            Threads baseline = settle(null, () -> Threads.of(adapter));
            RunReport second = new ConformanceRunner().run(adapter, options, new ConformanceRunner.Observer() {});
            assertEquals(first.cases().size(), second.cases().size(), "both runs ran the same cases");
            Threads after = settle(baseline, () -> Threads.of(adapter));
            assertEquals(baseline.python(), after.python(), name + ": Python threads the second run left");
            assertEquals(baseline.java(), after.java(), name + ": Java threads the second run left");
        }
    }

    /** Polls until {@code now} equals {@code expected} (or, without one, until two readings agree), for at most 10 s. */
    private static Threads settle(Threads expected, Supplier<Threads> now) throws InterruptedException {
        Threads last = now.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
            Threads l = now.get();
            if (expected == null ? l.equals(last) : l.equals(expected)) {
                return l;
            }
            last = l;
        }
        return last;
    }
}
