package dev.pyconc.spi;

import java.util.Map;
import java.util.Set;

/**
 * One implementation of Python's concurrency API, as seen by pyconc's cases.
 *
 * <p>An adapter is created once per run by its {@link AdapterProvider}, used by every case of the run
 * (possibly from many Java threads at once), and closed at the end of the run.
 */
public interface Adapter extends AutoCloseable {
    /** The short name the provider was found by, e.g. {@code reference} or {@code cpython}. */
    String name();

    /** What is under test, e.g. {@code "CPython 3.14.3 (/path/to/python3.14)"}. */
    String implementation();

    /** The Python version whose documented behaviour this adapter claims to implement. */
    PyVersion pythonVersion();

    /**
     * The optional features this adapter supports. A case whose behaviours need a missing feature is
     * reported NOT_APPLICABLE with the feature's name.
     */
    Set<Feature> features();

    /**
     * Whether this adapter has {@code feature}. The default asks {@link #features()}; an adapter that must
     * try a feature out to know (start a process pool, say) may override it to find out one feature at a
     * time, when a case first needs it. A feature that cannot be confirmed within a bounded time is absent.
     */
    default boolean hasFeature(Feature feature) {
        return features().contains(feature);
    }

    /** Free-form facts for the results file (interpreter path, process id, ...); may be empty. */
    default Map<String, String> details() {
        return Map.of();
    }

    /**
     * The Python modules this adapter provides, rows of the {@link PyModule} registry. Every adapter must
     * provide the {@linkplain PyModule#required() required} ones, {@code threading} and {@code queue} (the
     * default); a case checking a behaviour of a module not in this set, or taking that module's interface as a
     * parameter, is reported NOT_APPLICABLE with that reason.
     */
    default Set<PyModule> modules() {
        return Set.of(PyModule.THREADING, PyModule.QUEUE);
    }

    /**
     * The implementation of module {@code m}: an instance of {@code m.api()} (e.g. a {@code ThreadingModule}
     * for {@link PyModule#THREADING}).
     *
     * @throws UnsupportedOperationException if {@link #modules()} does not list {@code m} (see
     *     {@link dev.pyconc.spi.support.ModuleTable}, which keeps the modules of an adapter and says so)
     */
    Object module(PyModule m);

    /**
     * The implementation of the module whose SPI interface is {@code api}, typed:
     * {@code adapter.module(ThreadingModule.class)}.
     *
     * @throws IllegalArgumentException if {@code api} is the interface of no {@link PyModule}
     * @throws UnsupportedOperationException if the adapter does not provide that module
     */
    default <T> T module(Class<T> api) {
        PyModule m = PyModule.byApi(api).orElseThrow(() -> new IllegalArgumentException(
                api.getName() + " is the interface of no module in " + PyModule.class.getName()));
        return api.cast(module(m));
    }

    /**
     * Python's type questions ({@code isinstance}, {@code type(obj).__mro__}) about objects this adapter
     * returned and plain values.
     *
     * @throws UnsupportedOperationException if the adapter does not implement them (the default)
     */
    default Builtins builtins() {
        throw new UnsupportedOperationException("adapter '" + name() + "' does not implement builtins()");
    }

    /**
     * The parts of Python's {@code sys} module that let cases observe the implementation (its
     * {@code sys.stderr}).
     *
     * @throws UnsupportedOperationException if the adapter does not implement them (the default)
     */
    default Sys sys() {
        throw new UnsupportedOperationException("adapter '" + name() + "' does not implement sys()");
    }

    /**
     * Runs {@code body} so that the SPI calls it makes are carried out in the interpreter's main thread (the
     * thread {@code threading.main_thread()} names, where Python runs signal handlers and so where
     * {@code KeyboardInterrupt} shows up), and returns its result; the caller waits for it. Only one body runs
     * in the main thread at a time; the body must not hand its work to other Java threads and expect them in
     * the main thread too. An interrupt the body did not receive before it ended (one from
     * {@code _thread.interrupt_main()}) is dropped at the end of the case.
     *
     * @param body Java code whose adapter calls run in the main thread; its unchecked exceptions (Python
     *     exceptions included) come out of this method unchanged
     * @return what {@code body} returned
     * @throws UnsupportedOperationException if the adapter lacks {@link Feature#MAIN_THREAD} (the default)
     * @throws IllegalStateException if another body is running in the main thread
     */
    default <T> T runInMainThread(java.util.function.Supplier<T> body) {
        throw new UnsupportedOperationException("adapter '" + name() + "' cannot run code in the main thread");
    }

    /**
     * Called on the case's thread before each case; the adapter may prepare per-case state.
     *
     * @param caseId the case's unique id, e.g. {@code dev.pyconc.spec.cases.threading.LockCases#releaseFromOtherThread}
     */
    default void beginCase(String caseId) {}

    /**
     * Called on the case's thread after each case, even when it failed; the adapter releases what the case
     * left behind (handles, partner threads).
     */
    default void endCase() {}

    /**
     * Whether {@code thread}, a Java thread that called into this adapter, is now waiting inside a blocking
     * call (a lock acquire, a wait, a blocking get: the SPI methods marked {@link Blocking}). Cases use it only to poll, never as proof of order: an
     * adapter that cannot tell may return {@code true} as soon as the call has been entered.
     */
    boolean isBlocked(Thread thread);

    /**
     * Text describing every thread on the implementation's side (for a hung case); empty if the adapter
     * has nothing beyond the JVM's own thread dump.
     */
    default String dumpThreads() {
        return "";
    }

    /** Ends the run: stops processes and threads the adapter started. Must not throw. */
    @Override
    void close();
}
