package dev.pyconc.reference;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyVersion;
import dev.pyconc.spi.support.ModuleTable;
import dev.pyconc.spi.Sys;
import dev.pyconc.reference.contextvars.RefContextVarsModule;
import dev.pyconc.reference.futures.RefFuturesModule;
import dev.pyconc.reference.sched.RefSchedModule;
import dev.pyconc.reference.thread.RefThreadModule;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The reference adapter: Python 3.14's documented behaviour of every module of {@link PyModule} implemented
 * in Java (see the package documentation for the design).
 *
 * <p>The Java thread that creates it stands for Python's main thread ({@code main_thread()}). Threads started
 * through its {@code threading.Thread} are Java daemon threads, whatever their Python daemon flag.
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
    private final ModuleTable modules;

    /** Creates the adapter; the calling Java thread becomes {@code threading.main_thread()}. */
    public ReferenceAdapter() {
        this.threading = new RefThreading(ctx);
        this.sys = new RefSys(threading);
        this.queue = new RefQueueModule(ctx);
        this.thread = new RefThreadModule(threading, threading::stackSizeForNewThread);
        this.modules = new ModuleTable(ReferenceAdapterProvider.NAME, Map.of(
                PyModule.THREADING, threading,
                PyModule.QUEUE, queue,
                PyModule.CONCURRENT_FUTURES, new RefFuturesModule(threading),
                PyModule.SCHED, new RefSchedModule(threading),
                PyModule.THREAD, thread,
                PyModule.CONTEXTVARS, new RefContextVarsModule()));
        EnumSet<Feature> f = EnumSet.of(Feature.REAL_THREADS, Feature.STACK_SIZE);
        if (threading.nativeIdsSupported()) {
            f.add(Feature.NATIVE_THREAD_ID);
        }
        if (RefThreading.readOsThreadName() != null) {
            f.add(Feature.OS_THREAD_NAME);
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

    /** REAL_THREADS, STACK_SIZE, and NATIVE_THREAD_ID where {@code /proc/thread-self} gives the OS thread id. */
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
     * After each case: puts back the module-wide settings a case may have changed and not restored (on a
     * failure path), {@code threading.excepthook}, {@code sys.unraisablehook}, {@code stack_size} and the trace and profile hooks, so that
     * one case cannot affect the next.
     */
    @Override
    public void endCase() {
        threading.setExcepthook(threading.defaultExcepthook());
        thread.setUnraisableHook(null);
        threading.stackSize(0);
        threading.settrace(null);
        threading.setprofile(null);
    }

    /** One line per Thread object in {@code threading.enumerate()}, with its Java thread's state. */
    @Override
    public String dumpThreads() {
        StringBuilder sb = new StringBuilder();
        for (var t : threading.enumerate()) {
            Thread j = ((RefThread) t).javaThread();
            sb.append(t).append(" on Java thread ").append(j == null ? "-" : "\"" + j.getName() + "\" " + j.getState())
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * Whether {@code thread} is inside a blocking call of this adapter (a contended acquire, a wait, a join) and
     * parked there: only such calls mark a thread, so a thread waiting on anything else is not reported.
     */
    @Override
    public boolean isBlocked(Thread thread) {
        if (!threading.isWaiting(thread)) {
            return false;
        }
        Thread.State s = thread.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
    }

    /**
     * Closes the adapter (idempotent): threads started through it that are still blocked in one of its calls
     * get RuntimeError there, so that they can end.
     */
    @Override
    public void close() {
        if (ctx.closed()) {
            return;
        }
        ctx.close();
        for (Thread t : threading.liveStartedThreads()) {
            t.interrupt();
        }
    }
}
