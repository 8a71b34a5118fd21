package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the Process, context and module-function cases share beyond {@link Procs}: a pipe whose ends are closed
 * after the case, the dict a {@code report} child sends, a child's state read from {@code /proc} (the
 * implementation and the JVM running the cases share the machine, as in the subprocess cases), and the choice of
 * a named start method for cases about named contexts.
 */
final class Kids {
    private Kids() {}

    /** The start methods a case may name, in the order preferred when any will do (spawn is the cheapest safe one). */
    private static final List<Feature> METHODS = List.of(Feature.START_METHOD_SPAWN, Feature.START_METHOD_FORKSERVER,
            Feature.START_METHOD_FORK);

    /**
     * A start method the adapter declares, for cases about a named context where any will do: spawn if it has it,
     * else forkserver, else fork (fork last: from a multi-threaded process it may hang the child).
     */
    static String someMethod(Adapter a) {
        for (Feature f : METHODS) {
            if (a.hasFeature(f)) {
                return methodName(f);
            }
        }
        throw new org.opentest4j.TestAbortedException("the adapter declares no START_METHOD_* feature");
    }

    /** 'fork', 'spawn' or 'forkserver' for a START_METHOD_* feature. */
    static String methodName(Feature f) {
        return f.name().substring("START_METHOD_".length()).toLowerCase(java.util.Locale.ROOT);
    }

    /** A duplex {@code Pipe()} of {@code ctx}, its ends closed when the block ends. */
    static final class Duplex implements AutoCloseable {
        /** The end the case keeps. */
        final Connection mine;
        /** The end handed to the child. */
        final Connection theirs;

        Duplex(Context ctx) {
            List<Connection> ends = ctx.pipe();
            mine = ends.get(0);
            theirs = ends.get(1);
        }

        @Override
        public void close() {
            for (Connection c : List.of(mine, theirs)) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    // already closed: nothing to release
                }
            }
        }
    }

    /** The dict a {@code report(target)} child sent, checked to be one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> report(Connection c) {
        Object r = Procs.next(c);
        assertTrue(r instanceof Map, "report() should send a dict, got " + r);
        return (Map<String, Object>) r;
    }

    /** A report value as a Long (ints may cross as Integer or Long). */
    static Long asLong(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    /** The pid of the calling (main) process: {@code getpid()} run directly, not in a child. */
    static long ownPid(MultiprocessingModule mp) {
        Object r = mp.routine(dev.pyconc.spi.multiprocessing.Routine.GETPID).call(List.of(), Map.of());
        return asLong(r);
    }

    /**
     * Whether process {@code pid} has ended: it has no {@code /proc} entry, or it is a zombie (state Z or X) with no
     * thread left but its leader (a leader that exits before the other threads shows Z while the process runs on).
     */
    static boolean ended(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state != 'Z' && state != 'X') {
                return false;
            }
            try (var tasks = Files.list(dir.resolve("task"))) {
                return tasks.count() <= 1;
            }
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            return !Files.exists(dir); // the entry went away while being read
        }
    }

    /**
     * Waits until child {@code p} has ended without reaping it: its sentinel is ready ({@code connection.wait}, a
     * precondition checked with {@link Harness#dependsOn}) and {@code /proc} shows it a zombie or gone. Under
     * forkserver the pid is gone before the parent learns the status, so the sentinel is awaited too.
     */
    static void awaitEnded(Harness h, MultiprocessingModule mp, PyProcess p) {
        long pid = p.pid();
        h.dependsOn("multiprocessing.Process.sentinel/ready-when-process-ends",
                () -> assertEquals(1, mp.wait(List.of(p.sentinel()), Timing.LONG).size(), "sentinel not ready"));
        h.poll("the child to end", () -> ended(pid));
    }

    /** Whether process {@code pid} has been reaped: not even a zombie is left of it. */
    static boolean reaped(long pid) {
        return !Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    /** The id of the behaviour {@link #withGlobalUnset} relies on to clear the global start method. */
    static final String CLEARS = "multiprocessing.set_start_method/none-force-clears";

    /**
     * Runs {@code body} with the global start method cleared ({@code set_start_method(None, force=True)}, a
     * precondition checked with {@link Harness#dependsOn}), then puts back the method that was set before
     * ({@code get_start_method(allow_none=True)} read first, {@code set_start_method(prev, force=True)} after).
     * No process is started while it is cleared unless the body does so itself.
     */
    static void withGlobalUnset(Harness h, MultiprocessingModule mp, Runnable body) {
        String prev = mp.getStartMethod(true);
        try {
            h.dependsOn(CLEARS, () -> {
                mp.setStartMethod(null, true);
                assertEquals(null, mp.getStartMethod(true), "set_start_method(None, force=True) should clear it");
            });
            body.run();
        } finally {
            mp.setStartMethod(prev, true);
        }
    }

    /** Runs {@code body}, then puts back the global start method that was set before (None too). */
    static void restoringGlobal(MultiprocessingModule mp, Runnable body) {
        String prev = mp.getStartMethod(true);
        try {
            body.run();
        } finally {
            mp.setStartMethod(prev, true);
        }
    }

    /** Sends a message to a {@code wait_message} child so that it returns, ending with exitcode 0. */
    static void release(Duplex pipe) {
        pipe.mine.send("stop");
    }

    /** Whether the pids of {@code list} include {@code p}'s. */
    static boolean containsPid(List<PyProcess> list, PyProcess p) {
        Long pid = p.pid();
        return list.stream().anyMatch(q -> pid.equals(q.pid()));
    }
}
