package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.threading.ThreadingModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code multiprocessing.Pool(processes, initializer, initargs, maxtasksperchild)}: a {@link RefPool} whose workers
 * are child JVMs ({@link PoolWorkerMain}), each with a duplex channel to the pool over its stdin and stdout pipes.
 *
 * <p>Tasks and the initializer are {@link Routine}s, sent by name as CPython pickles a module-level function by
 * its qualified name; any other callable cannot reach a worker, and the call fails with {@code PicklingError}
 * (set on its result, as pool.py's task handler does). In the pool each worker has a <em>feeder</em> thread that
 * takes one task at a time from the input queue, sends it to its child, waits for the outcome and puts it on the
 * output queue, so a task is taken only when a worker is free, as in pool.py where the children themselves read
 * the shared queue. After maxtasksperchild tasks the feeder tells its child to exit and the worker handler starts
 * a replacement. {@code terminate()} sends SIGTERM to every child, then waits for them (SIGKILL for one that has not
 * died within a second).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.pool.Pool">Pool</a>
 */
public final class RefProcessPool extends RefPool {
    /** The flags that make a short-lived child JVM start fast and small. */
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Xss512k", "-Xms8m", "-Xmx128m", "-XX:-UsePerfData", "-XX:CICompilerCount=1",
            "-Djava.awt.headless=true");
    private final String initName;

    /**
     * Starts the pool and its workers.
     *
     * @param cpuCount the default number of workers ({@code os.process_cpu_count()})
     * @throws dev.pyconc.spi.exceptions.ValueError for processes below 1 or maxtasksperchild not positive
     * @throws PyException {@code _pickle.PicklingError} for an initializer that is not a routine
     */
    public RefProcessPool(ThreadingModule threading, PoolOptions options, long cpuCount) {
        super(threading, "Pool", options, cpuCount);
        if (options.initializer() != null && routineOf(options.initializer()) == null) {
            throw pickling(options.initializer());
        }
        this.initName = options.initializer() == null ? null : routineOf(options.initializer()).pythonName();
        start();
    }

    /** The routine {@code func} is, by its {@code __name__}, or null. */
    static Routine routineOf(PyCallable func) {
        String name = func == null ? null : func.name();
        if (name == null) {
            return null;
        }
        try {
            Routine r = Routine.valueOf(name.toUpperCase(Locale.ROOT));
            return r.pythonName().equals(name) ? r : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static PyException pickling(PyCallable func) {
        return new PyException("_pickle.PicklingError", "Can't pickle " + func + ": it is not a routine", null);
    }

    @Override
    protected boolean stopsWorkers() {
        return true;
    }

    @Override
    protected Worker startWorker(int number) {
        List<String> argv = new ArrayList<>();
        argv.add(System.getProperty("java.home") + "/bin/java");
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(PoolWorkerMain.class.getName());
        Process proc;
        try {
            proc = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new OSError(null, "cannot start a pool worker: " + e.getMessage(), e);
        }
        WorkerChannel ch = new WorkerChannel(proc.getInputStream(), proc.getOutputStream());
        Thread feeder = new Thread(() -> feed(proc, ch), "PoolWorker-" + number + " feeder");
        feeder.setDaemon(true);
        feeder.start();
        return new Worker() {
            @Override
            public boolean exited() {
                return !feeder.isAlive() && !proc.isAlive();
            }

            /** Waits for the feeder and the child; a child that outlives a SIGTERM by a second is killed. */
            @Override
            public void join() {
                joinUninterruptibly(feeder);
                stop(proc);
            }

            /** Sends SIGTERM without waiting, so that terminate() stops all workers at once, then joins them. */
            @Override
            public void terminate() {
                proc.destroy();
            }
        };
    }

    /** What a feeder thread does for its worker: pool.py's worker loop, with the calls made in the child. */
    private void feed(Process proc, WorkerChannel ch) {
        try {
            ch.send(Arrays.asList("init", initName, initargs));
            ch.recv(); // ["ready"]: the initializer ran; a worker whose initializer failed takes no task
            workerLoop(t -> remote(ch, t));
            ch.send(null);
            if (!proc.waitFor(10, TimeUnit.SECONDS)) {
                stop(proc);
            }
        } catch (IOException | WorkerGone e) {
            // the child died (terminate(), or an initializer that raised): the task it held is lost, as in CPython
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ch.close();
            workerExited();
        }
    }

    private static Outcome remote(WorkerChannel ch, Task t) {
        Routine r = routineOf(t.func());
        if (r == null) {
            return Outcome.failed(pickling(t.func()));
        }
        List<?> reply;
        try {
            ch.send(Arrays.asList("task", r.pythonName(), t.calls(), t.chunk(), t.kwds()));
            reply = (List<?>) ch.recv();
        } catch (IOException e) {
            throw new WorkerGone();
        }
        if (Boolean.TRUE.equals(reply.get(0))) {
            return Outcome.ok(reply.get(1));
        }
        Object e = reply.get(1);
        return Outcome.failed(e instanceof BaseException b ? b : new PyException(String.valueOf(e)));
    }

    /** The child went away in the middle of a task. */
    private static final class WorkerGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerGone() {
            super(null, null, false, false);
        }
    }

    /** Ends {@code proc}: SIGTERM, then SIGKILL if it has not died within a second; returns once it has. */
    private static void stop(Process proc) {
        if (!proc.isAlive()) {
            return;
        }
        proc.destroy();
        try {
            if (!proc.waitFor(1, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                proc.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proc.destroyForcibly();
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
