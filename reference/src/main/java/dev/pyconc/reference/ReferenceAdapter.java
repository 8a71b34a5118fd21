package dev.pyconc.reference;

import dev.pyconc.reference.asyncio.RefAsyncioModule;
import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyVersion;
import dev.pyconc.spi.support.ModuleTable;
import dev.pyconc.spi.Sys;
import dev.pyconc.reference.contextvars.RefContextVarsModule;
import dev.pyconc.reference.futures.RefFuturesModule;
import dev.pyconc.reference.multiprocessing.RefMultiprocessingModule;
import dev.pyconc.reference.sched.RefSchedModule;
import dev.pyconc.reference.multiprocessing.shm.RefSharedMemoryModule;
import dev.pyconc.reference.subprocess.RefSubprocessModule;
import dev.pyconc.reference.thread.RefThreadModule;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The reference adapter: Python 3.14's documented behaviour of every module of {@link PyModule} implemented
 * in Java (see the package documentation for the design).
 *
 * <p>Python's main thread ({@code main_thread()}) is, with the constructor, the Java thread that creates the
 * adapter; with {@link #withMainThread()} it is a Java thread of the adapter's own that runs the bodies of
 * {@link #runInMainThread} (the adapter the provider gives). Threads started through its
 * {@code threading.Thread} are Java daemon threads, whatever their Python daemon flag.
 */
public final class ReferenceAdapter implements Adapter {
    /** The Python version whose documented behaviour this adapter implements. */
    public static final PyVersion PYTHON_VERSION = new PyVersion(3, 14, 0);

    private final RefContext ctx = new RefContext();
    private final RefThreading threading;
    private final RefQueueModule queue;
    private final RefBuiltins builtins = new RefBuiltins();
    private final RefSys sys;
    private final Set<Feature> features;
    private final RefThreadModule thread;
    private final RefSubprocessModule subprocess;
    private final RefMultiprocessingModule multiprocessing;
    private final RefAsyncioModule asyncio = new RefAsyncioModule();
    private final ModuleTable modules;
    private final MainThread mainThread; // null: the creating thread is main and serves no bodies

    /**
     * Creates the adapter; the calling Java thread becomes {@code threading.main_thread()}. It lacks
     * {@link Feature#MAIN_THREAD}: only that thread could run the bodies of {@link #runInMainThread}.
     */
    public ReferenceAdapter() {
        this(null);
    }

    /**
     * Creates an adapter whose main thread is a Java thread of its own: it creates the adapter (so it is
     * {@code threading.main_thread()}), then runs the bodies {@link #runInMainThread} hands it, one at a time,
     * until {@link #close()} ends it. The adapter has {@link Feature#MAIN_THREAD}.
     */
    public static ReferenceAdapter withMainThread() {
        return new MainThread().start();
    }

    private ReferenceAdapter(MainThread mainThread) {
        this.mainThread = mainThread;
        this.threading = new RefThreading(ctx);
        this.sys = new RefSys(threading);
        this.queue = new RefQueueModule(ctx);
        this.thread = new RefThreadModule(threading, threading::stackSizeForNewThread, threading::interruptMain);
        this.subprocess = new RefSubprocessModule();
        this.multiprocessing = new RefMultiprocessingModule(threading, queue);
        this.modules = new ModuleTable(ReferenceAdapterProvider.NAME, Map.of(
                PyModule.THREADING, threading,
                PyModule.QUEUE, queue,
                PyModule.CONCURRENT_FUTURES, new RefFuturesModule(threading),
                PyModule.SCHED, new RefSchedModule(threading),
                PyModule.THREAD, thread,
                PyModule.CONTEXTVARS, new RefContextVarsModule(),
                PyModule.SUBPROCESS, subprocess,
                PyModule.MULTIPROCESSING, multiprocessing,
                PyModule.SHARED_MEMORY, new RefSharedMemoryModule(),
                PyModule.ASYNCIO, asyncio));
        EnumSet<Feature> f = EnumSet.of(Feature.REAL_THREADS, Feature.STACK_SIZE, Feature.START_METHOD_SPAWN,
                Feature.AF_UNIX, Feature.SEM_GETVALUE);
        if (threading.nativeIdsSupported()) {
            f.add(Feature.NATIVE_THREAD_ID);
        }
        if (RefThreading.readOsThreadName() != null) {
            f.add(Feature.OS_THREAD_NAME);
        }
        if (mainThread != null) {
            f.add(Feature.MAIN_THREAD);
        }
        this.features = Set.copyOf(f);
    }

    /** {@code reference}. */
    @Override
    public String name() {
        return ReferenceAdapterProvider.NAME;
    }

    /** {@code pyconc-reference VERSION}. */
    @Override
    public String implementation() {
        return "pyconc-reference " + version();
    }

    static String version() {
        String v = ReferenceAdapter.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** Python 3.14. */
    @Override
    public PyVersion pythonVersion() {
        return PYTHON_VERSION;
    }

    /**
     * REAL_THREADS, STACK_SIZE, MAIN_THREAD when made by {@link #withMainThread()}, and NATIVE_THREAD_ID where {@code /proc/thread-self} gives the OS thread
     * id; for multiprocessing START_METHOD_SPAWN (its only start method: a child is a fresh JVM), AF_UNIX and
     * SEM_GETVALUE (POSIX named semaphores on Linux). Never SUBPROCESS_CREDENTIALS or SUBPROCESS_UMASK: children start through posix_spawn, which cannot
     * change user, groups or umask (see {@link dev.pyconc.reference.subprocess}).
     */
    @Override
    public Set<Feature> features() {
        return features;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("java.version", System.getProperty("java.version", "?"),
                "java.vm.name", System.getProperty("java.vm.name", "?"));
    }

    /** Every module of {@link PyModule}. */
    @Override
    public Set<PyModule> modules() {
        return modules.modules();
    }

    @Override
    public Object module(PyModule m) {
        return modules.module(m);
    }

    @Override
    public Builtins builtins() {
        return builtins;
    }

    @Override
    public Sys sys() {
        return sys;
    }

    /**
     * Runs {@code body} on the adapter's main thread (see {@link #withMainThread()}), or right here when called
     * on the main thread.
     *
     * @throws UnsupportedOperationException if the adapter was made by the constructor
     * @throws IllegalStateException if another body is running in the main thread, or the caller was
     *     interrupted while it waited (the body goes on)
     */
    @Override
    public <T> T runInMainThread(Supplier<T> body) {
        if (mainThread == null) {
            return Adapter.super.runInMainThread(body);
        }
        return mainThread.run(body);
    }

    /**
     * After each case: puts back the module-wide settings a case may have changed and not restored (on a
     * failure path), {@code threading.excepthook}, {@code sys.unraisablehook}, {@code stack_size} and the trace and profile hooks, so that
     * one case cannot affect the next; and kills and reaps the children the case's {@code subprocess} left
     * running (their process groups when they lead one), closing their pipes and the fds its {@code os}
     * functions left open; and stops any asyncio loop the case left running (one whose body hung past the
     * case's time), joining its task threads.
     */
    @Override
    public void endCase() {
        subprocess.cleanUp();
        multiprocessing.cleanUp();
        threading.setExcepthook(threading.defaultExcepthook());
        thread.setUnraisableHook(null);
        threading.stackSize(0);
        threading.settrace(null);
        threading.setprofile(null);
        threading.dropPendingSignal();
        asyncio.endCase(java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
    }

    /**
     * One line per Thread object in {@code threading.enumerate()}, with its Java thread's state; then each running
     * asyncio loop with its live tasks (name, coroutine, body thread and its stack).
     */
    @Override
    public String dumpThreads() {
        StringBuilder sb = new StringBuilder(asyncio.dumpTasks());
        for (var t : threading.enumerate()) {
            Thread j = ((RefThread) t).javaThread();
            sb.append(t).append(" on Java thread ").append(j == null ? "-" : "\"" + j.getName() + "\" " + j.getState())
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * Whether {@code thread} is inside a blocking call of this adapter (a contended acquire, a wait, a join) and
     * parked there, or inside a call of its {@code subprocess} or {@code multiprocessing} that may block (a pipe
     * or connection read or write, a poll, a wait for a child, a semaphore acquire; marked with
     * {@link SysCalls}) and asleep in the kernel: only such calls mark a thread, so a thread waiting on anything else is not
     * reported.
     */
    @Override
    public boolean isBlocked(Thread thread) {
        if (SysCalls.isBlocked(thread)) {
            // in a subprocess or multiprocessing call that may block (read, write, poll, waitpid,
            // sem_timedwait, a queue's or pool's wait), asleep in the kernel
            return true;
        }
        if (!threading.isWaiting(thread)) {
            return false;
        }
        Thread.State s = thread.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
    }

    /**
     * Closes the adapter (idempotent): threads started through it that are still blocked in one of its calls
     * get RuntimeError there, so that they can end; children its {@code subprocess} started that still run are
     * killed and reaped, and their pipes closed.
     */
    @Override
    public void close() {
        if (ctx.closed()) {
            return;
        }
        ctx.close();
        subprocess.cleanUp();
        multiprocessing.cleanUp();
        for (Thread t : threading.liveStartedThreads()) {
            t.interrupt();
        }
        if (mainThread != null) {
            mainThread.stop();
        }
    }

    /**
     * The Java thread of {@link #withMainThread()}: it creates the adapter, then takes bodies from a queue and
     * runs them; after each it drops a SIGINT the body did not receive (and the interrupt that announced it).
     */
    private static final class MainThread {
        private static final long STOP_WAIT_MILLIS = 10_000;
        private final BlockingQueue<Runnable> bodies = new LinkedBlockingQueue<>();
        private final AtomicBoolean busy = new AtomicBoolean();
        private volatile boolean stopped;
        private Thread thread;

        ReferenceAdapter start() {
            CompletableFuture<ReferenceAdapter> made = new CompletableFuture<>();
            thread = new Thread(() -> {
                ReferenceAdapter a;
                try {
                    a = new ReferenceAdapter(this);
                } catch (Throwable t) {
                    made.completeExceptionally(t);
                    return;
                }
                made.complete(a);
                serve(a);
            }, "pyconc-reference-main");
            thread.setDaemon(true);
            thread.start();
            return made.join();
        }

        private void serve(ReferenceAdapter a) {
            while (!stopped) {
                Runnable body;
                try {
                    body = bodies.take();
                } catch (InterruptedException e) {
                    a.threading.dropPendingSignal(); // a SIGINT while no body runs: nobody to receive it
                    continue;
                }
                body.run();
                a.threading.dropPendingSignal();
                Thread.interrupted();
            }
        }

        <T> T run(Supplier<T> body) {
            if (Thread.currentThread() == thread) {
                return body.get();
            }
            if (stopped) {
                throw new IllegalStateException("the adapter is closed");
            }
            if (!busy.compareAndSet(false, true)) {
                throw new IllegalStateException("another body is running in the main thread");
            }
            try {
                FutureTask<T> task = new FutureTask<>(body::get);
                bodies.add(task);
                try {
                    return task.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the main thread ran a body (it goes on)", e);
                }
            } finally {
                busy.set(false);
            }
        }

        /** Ends the thread: a body still blocked in the adapter gets RuntimeError (the adapter is closed). */
        void stop() {
            stopped = true;
            bodies.add(() -> {});
            thread.interrupt();
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
