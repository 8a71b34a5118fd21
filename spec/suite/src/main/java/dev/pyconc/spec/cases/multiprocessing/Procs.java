package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.ArrayList;
import java.util.List;

/**
 * What the multiprocessing and shared_memory cases share: starting a routine in a child process, bounded waits
 * for its messages and its end, and ending every child a case started, even on the failure path. Every wait is
 * {@link Timing#LONG} (scaled by the timing factor) unless the case's behaviour is the timeout itself.
 */
public final class Procs implements AutoCloseable {
    private final List<PyProcess> started = new ArrayList<>();

    /** A tracker of the children one case starts: use in try-with-resources so that all are ended. */
    public Procs() {}

    /** Starts {@code routine(args...)} in a new process of {@code ctx} (the module or a context) and tracks it. */
    public PyProcess start(Context ctx, MultiprocessingModule mp, Routine routine, Object... args) {
        return start(ctx, ProcessOptions.of(mp.routine(routine), args));
    }

    /** Starts a process with these options in {@code ctx} and tracks it. */
    public PyProcess start(Context ctx, ProcessOptions options) {
        PyProcess p = ctx.process(options);
        started.add(p);
        p.start();
        return p;
    }

    /** Tracks a process the case made and starts itself. */
    public PyProcess track(PyProcess p) {
        started.add(p);
        return p;
    }

    /** Joins {@code p} for at most {@link Timing#LONG} and fails the case if it is still running; returns its exitcode. */
    public static long joined(PyProcess p) {
        p.join(Timing.LONG);
        Long code = p.exitcode();
        assertNotNull(code, "the child process did not end within " + Timing.LONG + " s");
        return code;
    }

    /** The next message on {@code c}, failing the case if none comes within {@link Timing#LONG}. */
    public static Object next(Connection c) {
        assertTrue(c.poll(Timing.LONG), "no message within " + Timing.LONG + " s");
        return c.recv();
    }

    /** The next item of {@code q}, failing the case if none comes within {@link Timing#LONG}. */
    public static Object next(Queue q) {
        try {
            return q.get(true, Timing.LONG);
        } catch (dev.pyconc.spi.exceptions.Empty e) {
            return fail("no item within " + Timing.LONG + " s");
        }
    }

    /** Kills every tracked child still running and joins it (bounded), so that no case leaves a process behind. */
    @Override
    public void close() {
        for (PyProcess p : started) {
            try {
                if (p.pid() != null && p.exitcode() == null) {
                    p.kill();
                    p.join(Timing.LONG);
                }
            } catch (RuntimeException e) {
                // already closed, or never started: nothing left to end
            }
        }
    }
}
