package dev.pyconc.spi;

import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import dev.pyconc.spi.subprocess.SubprocessModule;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Optional;

/**
 * The registry of the Python modules pyconc covers: the one list every other part derives from (the cases'
 * parameters, the catalog files, the adapters, the command line's help and {@code --module} check, the
 * cpython agent).
 *
 * <p>Each row names a Python module ({@link #pythonName()}), its Java-safe {@link #key()} (by convention the
 * SPI package {@code dev.pyconc.spi.<key>}, the cases package {@code dev.pyconc.spec.cases.<key>} and the
 * catalog file {@code <key>.yaml}), the SPI interface an adapter implements for it ({@link #api()}), the first
 * Python version that has it ({@link #since()}) and whether every adapter must provide it
 * ({@link #required()}). Rows are in the order the catalog is loaded and modules are listed.
 *
 * <p>Adding a module: one row here plus that module's own files (see CONTRIBUTING.md, "Adding a module").
 */
public enum PyModule {
    /**
     * {@code threading}: threads, locks, conditions, semaphores, events, timers, barriers, thread-local data.
     *
     * @see <a href="https://docs.python.org/3/library/threading.html">threading</a>
     */
    THREADING("threading", "threading", ThreadingModule.class, "3.0", true),
    /**
     * {@code queue}: the synchronized FIFO, LIFO and priority queues and {@code SimpleQueue}.
     *
     * @see <a href="https://docs.python.org/3/library/queue.html">queue</a>
     */
    QUEUE("queue", "queue", QueueModule.class, "3.0", true),
    /**
     * {@code concurrent.futures}: futures, executors, {@code wait} and {@code as_completed} (added in 3.2).
     *
     * @see <a href="https://docs.python.org/3/library/concurrent.futures.html">concurrent.futures</a>
     */
    CONCURRENT_FUTURES("concurrent.futures", "futures", FuturesModule.class, "3.2", false),
    /**
     * {@code sched}: the general-purpose event scheduler.
     *
     * @see <a href="https://docs.python.org/3/library/sched.html">sched</a>
     */
    SCHED("sched", "sched", SchedModule.class, "3.0", false),
    /**
     * {@code _thread}: the low-level threads and lock objects {@code threading} is built on.
     *
     * @see <a href="https://docs.python.org/3/library/_thread.html">_thread</a>
     */
    THREAD("_thread", "thread", ThreadModule.class, "3.0", false),
    /**
     * {@code contextvars}: context variables and the contexts that hold their values (added in 3.7).
     *
     * @see <a href="https://docs.python.org/3/library/contextvars.html">contextvars</a>
     */
    CONTEXTVARS("contextvars", "contextvars", ContextVarsModule.class, "3.7", false),
    /**
     * {@code subprocess}: starting child processes, talking to them through pipes, and collecting their exit
     * status (POSIX).
     *
     * @see <a href="https://docs.python.org/3/library/subprocess.html">subprocess</a>
     */
    SUBPROCESS("subprocess", "subprocess", SubprocessModule.class, "3.0", false),
    /**
     * {@code multiprocessing}: processes, contexts and start methods, pipes and queues across processes, the
     * process-shared locks, pools, {@code multiprocessing.dummy} and {@code multiprocessing.connection}
     * (added in 2.6; POSIX here).
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.html">multiprocessing</a>
     */
    MULTIPROCESSING("multiprocessing", "multiprocessing", MultiprocessingModule.class, "3.0", false),
    /**
     * {@code multiprocessing.shared_memory}: named shared memory blocks and ShareableList (added in 3.8).
     *
     * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
     */
    SHARED_MEMORY("multiprocessing.shared_memory", "shared_memory", SharedMemoryModule.class, "3.8", false),
    /**
     * {@code asyncio}, the part of it this chapter covers: the synchronization primitives (Lock, Event,
     * Condition, Semaphore, BoundedSemaphore, Barrier) and the queues, with {@code asyncio.run}, tasks,
     * {@code wait_for}, {@code timeout} and {@code gather} to drive them (added in 3.4).
     *
     * @see <a href="https://docs.python.org/3/library/asyncio-sync.html">asyncio synchronization primitives</a>
     * @see <a href="https://docs.python.org/3/library/asyncio-queue.html">asyncio queues</a>
     */
    ASYNCIO("asyncio", "asyncio", AsyncioModule.class, "3.4", false);

    private static final List<PyModule> ALL = List.of(values());

    private final String pythonName;
    private final String key;
    private final Class<?> api;
    private final PyVersion since;
    private final boolean required;

    PyModule(String pythonName, String key, Class<?> api, String since, boolean required) {
        this.pythonName = pythonName;
        this.key = key;
        this.api = api;
        this.since = PyVersion.parse(since);
        this.required = required;
    }

    /** The module's name in Python, as imported: {@code concurrent.futures}, {@code _thread}. */
    public String pythonName() {
        return pythonName;
    }

    /**
     * The Java-safe name: the last part of the SPI and cases packages and the catalog file's base name
     * ({@code futures} for {@code concurrent.futures}, {@code thread} for {@code _thread}).
     */
    public String key() {
        return key;
    }

    /** The SPI interface an adapter implements for this module, e.g. {@code FuturesModule.class}. */
    public Class<?> api() {
        return api;
    }

    /** The first Python version that has the module ({@code 3.0} for those older than Python 3). */
    public PyVersion since() {
        return since;
    }

    /** Whether every adapter must provide the module ({@code threading} and {@code queue}). */
    public boolean required() {
        return required;
    }

    /** The catalog file of the module's documented behaviours: {@code <key>.yaml}. */
    public String catalogFile() {
        return key + ".yaml";
    }

    /** Every row, in registry order. */
    public static List<PyModule> all() {
        return ALL;
    }

    /** The Python names of every row, in registry order: {@code threading, queue, concurrent.futures, ...}. */
    public static List<String> pythonNames() {
        return ALL.stream().map(PyModule::pythonName).toList();
    }

    /** The row whose {@link #pythonName()} is {@code name}. */
    public static Optional<PyModule> byPythonName(String name) {
        return ALL.stream().filter(m -> m.pythonName.equals(name)).findFirst();
    }

    /** The row whose {@link #key()} is {@code key}. */
    public static Optional<PyModule> byKey(String key) {
        return ALL.stream().filter(m -> m.key.equals(key)).findFirst();
    }

    /** The row whose {@link #api()} is {@code api}. */
    public static Optional<PyModule> byApi(Class<?> api) {
        return ALL.stream().filter(m -> m.api == api).findFirst();
    }

    /**
     * The module a dotted Python name belongs to: the row with the longest {@link #pythonName()} that is
     * {@code dottedApi} or a dotted prefix of it ({@code concurrent.futures.Future.result} gives
     * {@link #CONCURRENT_FUTURES}); empty for a name outside the registry.
     */
    public static Optional<PyModule> ofApi(String dottedApi) {
        if (dottedApi == null) {
            return Optional.empty();
        }
        PyModule best = null;
        for (PyModule m : ALL) {
            if ((dottedApi.equals(m.pythonName) || dottedApi.startsWith(m.pythonName + "."))
                    && (best == null || m.pythonName.length() > best.pythonName.length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@link #pythonName()}. */
    @Override
    public String toString() {
        return pythonName;
    }
}
