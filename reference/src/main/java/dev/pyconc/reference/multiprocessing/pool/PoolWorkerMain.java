package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.reference.multiprocessing.process.Routines;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.multiprocessing.Routine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The main class of a pool worker process: pool.py's {@code worker} function in a child JVM. Its stdin and stdout
 * are the {@link WorkerChannel} to the pool (anything a routine prints goes to stderr). Messages from the pool:
 * {@code ["init", initializer, initargs]} first (initializer a routine's Python name or None), answered
 * {@code ["ready"]} once the initializer ran; then {@code ["task", routine, calls, chunk, kwds]}, answered
 * {@code [True, value]} or {@code [False, exception]}; None (or the end of stdin) ends the worker. An initializer
 * that raises ends the worker with exit code 1, after printing the exception, as an uncaught exception ends a
 * CPython process.
 */
public final class PoolWorkerMain {
    private PoolWorkerMain() {}

    /** Runs the worker; arguments are not used. */
    public static void main(String[] args) {
        FileOutputStream channelOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        WorkerChannel ch = new WorkerChannel(new BufferedInputStream(new FileInputStream(FileDescriptor.in)),
                new BufferedOutputStream(channelOut));
        int code = 0;
        try {
            List<?> init = (List<?>) ch.recv();
            if (init.get(1) != null) {
                try {
                    Routines.call(routine((String) init.get(1)), new ArrayList<>((List<?>) init.get(2)), Map.of());
                } catch (BaseException e) {
                    System.err.println("Process pool worker: initializer raised " + e);
                    System.exit(1);
                }
            }
            ch.send(List.of("ready"));
            while (true) {
                Object m = ch.recv();
                if (m == null) {
                    break;
                }
                List<?> task = (List<?>) m;
                ch.send(run(routine((String) task.get(1)), (List<?>) task.get(2), Boolean.TRUE.equals(task.get(3)),
                        (Map<?, ?>) task.get(4)));
            }
        } catch (EOFException e) {
            // the pool closed its end: nothing more to do
        } catch (IOException e) {
            System.err.println("Process pool worker: " + e);
            code = 1;
        } catch (BaseException e) {
            System.err.println("Process pool worker: " + e); // SystemExit and the like end the worker
            code = 1;
        }
        System.exit(code);
    }

    static Routine routine(String pythonName) {
        return Routine.valueOf(pythonName.toUpperCase(Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> run(Routine r, List<?> calls, boolean chunk, Map<?, ?> kwds) {
        try {
            if (!chunk) {
                return Arrays.asList(true, Routines.call(r, new ArrayList<>((List<?>) calls.get(0)),
                        kwds == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) kwds)));
            }
            List<Object> out = new ArrayList<>();
            for (Object c : calls) {
                out.add(Routines.call(r, new ArrayList<>((List<?>) c), Map.of()));
            }
            return Arrays.asList(true, out);
        } catch (PyException e) {
            return Arrays.asList(false, e);
        }
    }
}
