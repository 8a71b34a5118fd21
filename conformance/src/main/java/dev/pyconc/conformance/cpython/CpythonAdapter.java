package dev.pyconc.conformance.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.AdapterUnavailableException;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyVersion;
import dev.pyconc.spi.support.ModuleTable;
import dev.pyconc.spi.threading.ThreadingModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code cpython} adapter, and the {@code graalpy} adapter on the same bridge: every SPI call runs in a child
 * Python process (see the package docs), started with an {@link Interpreter}'s command.
 *
 * <p>If the process dies, the calls in flight and every later call of that case fail with
 * {@link PythonBridgeException} naming the exit status and the tail of stderr; {@link #beginCase} then starts
 * a new process for the next case and counts the restart in {@link #details()}.
 */
public final class CpythonAdapter implements Adapter {
    private final Interpreter interpreter;
    /** The interpreter command as one line, for messages. */
    private final String python;
    private final Path agentDir;
    private final Path agent;
    /** multiprocessing's start method for the module's calls (option {@code startMethod}), null for the default. */
    private final String startMethod;
    private final Object lock = new Object();
    /** Whether a case has begun and not yet ended ({@link #beginCase} waits for the end of the previous one). */
    private boolean caseOpen;
    private final Object caseMonitor = new Object();
    private volatile Session session;
    private int generation;
    private int restarts;
    private int leftBlocked;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final PyVersion version;
    private final String implementation;
    /** The features the agent's hello reported (cheap to find out). */
    private final Set<Feature> cheapFeatures;
    /** The features that must be tried out (a pool runs a call), by outcome once tried: present or not. */
    private final Map<Feature, Boolean> probed = new java.util.concurrent.ConcurrentHashMap<>();
    /** Features tried out by running a pool in the agent, lazily, when a case first needs one. */
    static final Set<Feature> PROBED_FEATURES = Set.of(Feature.PROCESS_POOL, Feature.INTERPRETER_POOL,
            Feature.START_METHOD_SPAWN, Feature.START_METHOD_FORKSERVER, Feature.START_METHOD_FORK);
    /** The Python modules written beside the agent script, which multiprocessing's children import by name. */
    static final List<String> AGENT_MODULES = List.of("pyconc_mp_routines.py");
    /**
     * Default seconds a probe's pool call may take in Python, scaled by the timing factor; the Java side gives
     * up {@code Timing.LONG} later (option {@code probeTimeout} sets the seconds themselves).
     */
    static final double PROBE_SECONDS = 25;
    private final double probeSeconds;
    private final Map<String, String> info = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The module object of each bridge ({@link Proxies#BRIDGES}); the agent's {@code hello} says which it imported. */
    private final Map<PyModule, Object> bridges = bridgeModules();
    private final ThreadingModule threading = (ThreadingModule) bridges.get(PyModule.THREADING);
    private final ModuleTable modules;
    private final Builtins builtins = new SysBridge.BuiltinsImpl(this::session);
    private final dev.pyconc.spi.Sys sys = new SysBridge.SysImpl(this::session);

    /**
     * Starts the agent under {@code python}; a feature probe's pool call may take {@code probeSeconds}.
     *
     * @throws AdapterUnavailableException if the interpreter cannot be started or does not answer
     */
    public CpythonAdapter(String python, double probeSeconds) {
        this(Interpreter.of(python), probeSeconds);
    }

    /**
     * Starts the agent under the interpreter's command, as an adapter of the interpreter's name; a feature
     * probe's pool call may take {@code probeSeconds}.
     *
     * @throws AdapterUnavailableException if the interpreter cannot be started or does not answer (its cleanup
     *     has then run)
     */
    public CpythonAdapter(Interpreter interpreter, double probeSeconds) {
        this(interpreter, probeSeconds, null);
    }

    /**
     * As {@link #CpythonAdapter(Interpreter, double)}, with the start method that the {@code multiprocessing}
     * module's calls use ({@code 'spawn'}, {@code 'forkserver'}, {@code 'fork'}), or null for forkserver where
     * the platform has it, else spawn.
     *
     * @throws AdapterUnavailableException as there, and when the start method is not available
     */
    public CpythonAdapter(Interpreter interpreter, double probeSeconds, String startMethod) {
        this.interpreter = interpreter;
        this.startMethod = startMethod;
        this.python = interpreter.display();
        this.probeSeconds = probeSeconds;
        try {
            agentDir = Files.createTempDirectory("pyconc-agent");
            agent = agentDir.resolve("pyconc_agent.py");
            try (InputStream in = CpythonAdapter.class.getResourceAsStream("agent.py")) {
                if (in == null) {
                    throw new AdapterUnavailableException(name() + " adapter: agent.py missing from the class path");
                }
                Files.copy(in, agent);
            }
            agentDir.toFile().deleteOnExit(); // deleted in reverse order: the files first, then their directory
            agent.toFile().deleteOnExit();
            for (String m : AGENT_MODULES) {
                try (InputStream in = CpythonAdapter.class.getResourceAsStream(m)) {
                    if (in == null) {
                        throw new AdapterUnavailableException(name() + " adapter: " + m + " missing from the class path");
                    }
                    Files.copy(in, agentDir.resolve(m));
                }
                agentDir.resolve(m).toFile().deleteOnExit();
            }
        } catch (IOException e) {
            interpreter.cleanup().run();
            throw new AdapterUnavailableException(name() + " adapter: cannot write the agent script: " + e.getMessage(), e);
        }
        JsonNode hello;
        long startedAt = System.nanoTime();
        try {
            hello = start();
        } catch (RuntimeException e) {
            deleteAgent();
            interpreter.cleanup().run();
            throw e;
        }
        JsonNode v = hello.path("version");
        version = new PyVersion(v.get(0).asInt(), v.get(1).asInt(), v.get(2).asInt());
        String impl = hello.path("implementation").asText("python");
        String implName = switch (impl) {
            case "cpython" -> "CPython";
            case "pypy" -> "PyPy";
            case "graalpy" -> "GraalPy";
            default -> impl;
        };
        String exe = hello.path("executable").asText(python);
        implementation = implName + " " + version + " (" + exe + ")";
        EnumSet<Feature> fs = EnumSet.noneOf(Feature.class);
        for (JsonNode f : hello.path("features")) {
            try {
                fs.add(Feature.valueOf(f.asText()));
            } catch (IllegalArgumentException ignored) {
                // a feature this SPI does not know
            }
        }
        cheapFeatures = Collections.unmodifiableSet(fs);
        Map<PyModule, Object> imported = new EnumMap<>(PyModule.class);
        for (JsonNode name : hello.path("modules")) {
            PyModule.byPythonName(name.asText()).filter(bridges::containsKey)
                    .ifPresent(m -> imported.put(m, bridges.get(m)));
        }
        try {
            modules = new ModuleTable(name(), imported);
        } catch (IllegalArgumentException e) {
            close();
            throw new AdapterUnavailableException(name() + " adapter: interpreter '" + python + "' cannot be driven: "
                    + e.getMessage(), e);
        }
        info.put("python", python);
        info.putAll(interpreter.details());
        info.put("executable", exe);
        info.put("sys.version", hello.path("full_version").asText());
        // From starting the interpreter to the agent's hello (its imports done): GraalPy takes seconds.
        info.put("startupSeconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedAt) / 1e9));
        info.put("roundTripMedianMicros", measureRoundTrip());
    }

    /**
     * The median time of a trivial call (threading.get_ident) from Java to Python and back, in microseconds,
     * after as many calls to warm up.
     */
    private String measureRoundTrip() {
        try {
            int n = 300;
            for (int i = 0; i < n; i++) {
                threading.getIdent();
            }
            long[] ns = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                threading.getIdent();
                ns[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(ns);
            return String.format(java.util.Locale.ROOT, "%.1f", ns[n / 2] / 1e3);
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        } finally {
            try {
                session.endCase();
            } catch (RuntimeException ignored) {
                // reported by the first case
            }
        }
    }

    private Map<PyModule, Object> bridgeModules() {
        Map<PyModule, Object> m = new EnumMap<>(PyModule.class);
        for (Proxies.Bridge b : Proxies.BRIDGES) {
            m.put(b.module(), b.factory().apply(this::session));
        }
        return Collections.unmodifiableMap(m);
    }

    private JsonNode start() {
        Session s;
        int gen;
        synchronized (lock) {
            gen = ++generation;
        }
        try {
            s = new Session(interpreter.command(), agent, gen);
        } catch (IOException e) {
            throw new AdapterUnavailableException(name() + " adapter: cannot start Python interpreter '" + python + "': "
                    + oneLine(e.getMessage()), e);
        }
        ObjectNode wanted = Session.JSON.createObjectNode();
        for (PyModule m : PyModule.all()) {
            if (bridges.containsKey(m)) {
                wanted.put(m.pythonName(), Session.handle(m));
            }
        }
        try {
            ObjectNode msg = Session.JSON.createObjectNode();
            msg.set("modules", wanted);
            msg.set("kinds", Proxies.kindTable(bridges.keySet()));
            if (startMethod != null) {
                msg.put("mp_start_method", startMethod);
            }
            JsonNode hello = s.control("hello", msg, 60);
            session = s;
            return hello;
        } catch (RuntimeException e) {
            s.close();
            String tail = s.stderrTail();
            String last = tail.isBlank() ? "" : tail.substring(tail.lastIndexOf('\n') + 1);
            throw new AdapterUnavailableException(name() + " adapter: interpreter '" + python
                    + "' did not start the agent" + (last.isBlank() ? ": " + oneLine(e.getMessage()) : ": " + oneLine(last)), e);
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    Session session() {
        return session;
    }

    /**
     * The bridge's pipe floor, for the bench: one JSON line to the agent and back with a hand-off to another
     * thread on each side (the agent's reader to its echo thread; this side's reader thread to the caller), and
     * nothing else: no value encoded, no Python code run. A call cannot cost less than that.
     *
     * @throws PythonBridgeException if the agent is gone, or the echo does not come back within {@code timeoutSeconds}
     */
    public void echo(double timeoutSeconds) {
        if (!session.echo(timeoutSeconds, false)) {
            throw new PythonBridgeException("the Python agent did not echo within " + timeoutSeconds + " s");
        }
    }

    /**
     * As {@link #echo}, but the agent's reader thread writes the line back itself: a line each way and one
     * hand-off (this side's reader thread to the caller). Less than any call can do, since a call must run on
     * the caller's partner, not on the reader; the bench shows it beside the floor for comparison.
     *
     * @throws PythonBridgeException as {@link #echo} does
     */
    public void echoByReader(double timeoutSeconds) {
        if (!session.echo(timeoutSeconds, true)) {
            throw new PythonBridgeException("the Python agent did not echo within " + timeoutSeconds + " s");
        }
    }

    @Override
    public String name() {
        return interpreter.adapterName();
    }

    @Override
    public String implementation() {
        return implementation;
    }

    @Override
    public PyVersion pythonVersion() {
        return version;
    }

    /** The hello's features and every pool feature, each tried out once (see {@link #hasFeature}). */
    @Override
    public Set<Feature> features() {
        EnumSet<Feature> all = cheapFeatures.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(cheapFeatures);
        for (Feature f : PROBED_FEATURES) {
            if (hasFeature(f)) {
                all.add(f);
            }
        }
        return Collections.unmodifiableSet(all);
    }

    /**
     * The hello's answer, or for PROCESS_POOL and INTERPRETER_POOL the outcome of running one call in such a
     * pool in the agent, tried once, the first time a case asks. A probe that fails, or does not answer within
     * its bound (the implementation under test may be broken so that pools hang), means the feature is absent;
     * the reason goes into {@link #details()} and the cases go on.
     */
    @Override
    public boolean hasFeature(Feature feature) {
        if (!PROBED_FEATURES.contains(feature)) {
            return cheapFeatures.contains(feature);
        }
        return probed.computeIfAbsent(feature, this::probe);
    }

    private boolean probe(Feature feature) {
        long t0 = System.nanoTime();
        String outcome;
        boolean ok = false;
        try {
            ObjectNode msg = Session.JSON.createObjectNode().put("feature", feature.name()).put("timeout", probeSeconds);
            JsonNode v = session.control("probe", msg, probeSeconds + Timing.LONG);
            ok = v.path("ok").asBoolean(false);
            outcome = ok ? "present" : "absent: " + v.path("why").asText("?");
        } catch (PythonBridgeException e) {
            outcome = "absent: the probe failed: " + oneLine(e.getMessage());
        }
        String took = String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9);
        info.put("probe." + feature.name(), outcome + took);
        return ok;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> m;
        synchronized (info) {
            m = new LinkedHashMap<>(info);
        }
        Session s = session;
        m.put("pid", Long.toString(s.pid()));
        m.put("agent", agent.toString());
        m.put("restarts", Integer.toString(restarts));
        m.put("partnersLeftBlocked", Integer.toString(leftBlocked));
        if (!notes.isEmpty()) {
            m.put("notes", String.join("; ", notes));
        }
        return m;
    }

    /**
     * The modules of {@link PyModule} that have a bridge here and that the interpreter could import (at the
     * first {@code hello}): a module an older Python lacks is not provided, and its cases are NOT_APPLICABLE.
     */
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
    public dev.pyconc.spi.Sys sys() {
        return sys;
    }

    /**
     * Restarts the agent if it died during an earlier case, and says so on stderr. Waits first (for at most
     * {@code Timing.LONG}) until the previous case has ended: a case cut at its deadline ends late, on its own
     * interrupted thread, while the harness goes on to the next case, and its end (closing a loop it left running,
     * forgetting its handles) must not fall inside the next one.
     */
    @Override
    public void beginCase(String caseId) {
        synchronized (caseMonitor) {
            long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
            while (caseOpen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String note = caseId + " began before the previous case had ended";
                    notes.add(note);
                    System.err.println("[pyconc " + name() + "] " + note);
                    break;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(caseMonitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            caseOpen = true;
        }
        Session s = session;
        if (s.dead()) {
            String why = s.deathReason();
            try {
                start();
                restarts++;
                String note = "restarted the Python agent before " + caseId + " (previous one: "
                        + oneLine(why) + ")";
                notes.add(note);
                System.err.println("[pyconc " + name() + "] " + note);
            } catch (AdapterUnavailableException e) {
                throw new PythonBridgeException("the Python agent died and could not be restarted: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Releases the case's handles and stops the partner threads that are idle; a partner still inside a
     * call (blocked) is left alone and counted.
     */
    @Override
    public void endCase() {
        try {
            endCase0();
        } finally {
            synchronized (caseMonitor) {
                caseOpen = false;
                caseMonitor.notifyAll();
            }
        }
    }

    private void endCase0() {
        Session s = session;
        if (s.dead()) {
            return;
        }
        // A case cut at its deadline ends on its interrupted thread: the hygiene below still waits for the agent.
        boolean interrupted = Thread.interrupted();
        int left;
        try {
            String aio = AsyncioBridge.endCase(s); // an asyncio.run the case left running: closed before the partners stop
            if (aio != null) {
                notes.add(aio);
                System.err.println("[pyconc " + name() + "] " + aio);
            }
            left = s.endCase();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (left > 0) {
            leftBlocked += left;
            String note = left + " Python partner thread(s) left blocked in a call at the end of a case";
            notes.add(note);
            System.err.println("[pyconc " + name() + "] " + note);
        }
    }

    @Override
    public boolean isBlocked(Thread thread) {
        return session.isBlocked(thread);
    }

    /**
     * Runs {@code body} with its calls carried out by the agent's main thread, which serves them between
     * protocol messages (its reader is another thread); needs {@link Feature#MAIN_THREAD}, which the agent
     * reports.
     */
    @Override
    public <T> T runInMainThread(java.util.function.Supplier<T> body) {
        if (!hasFeature(Feature.MAIN_THREAD)) {
            return dev.pyconc.spi.Adapter.super.runInMainThread(body);
        }
        return session.runInMainThread(body);
    }

    @Override
    public String dumpThreads() {
        Session s = session;
        if (s.dead()) {
            return s.deathReason();
        }
        try {
            return s.dumpThreads();
        } catch (RuntimeException e) {
            return "(Python thread dump failed: " + e.getMessage() + ")";
        }
    }

    /**
     * Calls {@code module.function(*args)} on the calling thread's partner: an escape hatch for tests of the
     * bridge itself (e.g. {@code os._exit}), not part of the SPI.
     */
    public Object callFunction(String module, String function, Object... args) {
        return session.call(Session.handle(PyModule.THREADING), "$modcall", true, module, function, List.of(args));
    }

    @Override
    public void close() {
        try {
            Session s = session;
            if (s != null) {
                s.close();
            }
        } catch (RuntimeException e) {
            // never throw
        }
        deleteAgent();
        interpreter.cleanup().run();
    }

    private void deleteAgent() {
        try {
            Files.deleteIfExists(agent);
            for (String m : AGENT_MODULES) {
                Files.deleteIfExists(agentDir.resolve(m));
            }
            // the __pycache__ a child may have written for the modules (-E ignores PYTHONDONTWRITEBYTECODE)
            Path cache = agentDir.resolve("__pycache__");
            if (Files.isDirectory(cache)) {
                try (var files = Files.list(cache)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(cache);
            }
            Files.deleteIfExists(agentDir);
        } catch (IOException | RuntimeException e) {
            // leave it to deleteOnExit
        }
    }

    @Override
    public String toString() {
        return name() + " adapter: " + implementation;
    }
}
