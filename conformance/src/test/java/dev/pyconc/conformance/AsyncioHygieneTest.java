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
 * no live thread that it did not have after the first run (no task body thread, loop thread or partner of one
 * left), and the implementation's {@code threading.enumerate()} lists no new thread (on CPython: no thread left
 * running a loop, and so no task). The baseline is taken after the first run so that whatever that run warms up
 * (pools the JDK or the adapter keep) is in it.
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

        /**
         * The threads of this reading that {@code baseline} does not have. A thread of the baseline that has
         * ended since is no leak (the JDK's process reaper threads, for one, end when idle).
         */
        Threads without(Threads baseline) {
            Set<String> j = new TreeSet<>(java);
            j.removeAll(baseline.java);
            Set<String> p = new TreeSet<>(python);
            p.removeAll(baseline.python);
            return new Threads(j, p);
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
            Threads added = settle(baseline, () -> Threads.of(adapter).without(baseline));
            assertEquals(Set.of(), added.python(), name + ": Python threads the second run left");
            assertEquals(Set.of(), added.java(), name + ": Java threads the second run left");
        }
    }

    /**
     * Polls {@code now} until it reads the same twice (with {@code baseline} null: the run's own threads have
     * ended) or reads nothing (the threads the second run added are gone), for at most 10 s.
     */
    private static Threads settle(Threads baseline, Supplier<Threads> now) throws InterruptedException {
        Threads last = now.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            if (baseline != null && last.java().isEmpty() && last.python().isEmpty()) {
                return last;
            }
            Thread.sleep(100);
            Threads l = now.get();
            if (baseline == null && l.equals(last)) {
                return l;
            }
            last = l;
        }
        return last;
    }
}
