package dev.pyconc.spec.harness;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterFailure;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit extension behind {@link PyCase}.
 *
 * <ul>
 *   <li>Selects the adapter once per launcher run: configuration parameter, then system property
 *       {@code pyconc.adapter}, default {@value Adapters#DEFAULT}; closes it when the run ends.</li>
 *   <li>Disables a case as {@value #NOT_APPLICABLE} (with the reason) when a behaviour it checks does not
 *       apply to the adapter's Python version or needs a feature the adapter lacks.</li>
 *   <li>Disables a case as {@value #SKIPPED} when it checks an implementation detail of CPython and the
 *       {@link Profile} (configuration parameter or system property {@value Profile#KEY}) is not
 *       {@code cpython}.</li>
 *   <li>Gives interop cases a {@link Peer}, the adapter named by {@value #PEER_KEY}, created once per run;
 *       without one such a case is {@value #NOT_APPLICABLE}.</li>
 *   <li>Runs each case on its own thread with a {@link Timing#CASE} deadline; a case past it fails with
 *       {@link CaseTimeoutError} holding the Java and the adapter's thread dumps, and the run goes on.</li>
 *   <li>Reports a case that met an {@link AdapterFailure} anywhere (even wrapped by an assertion) as failing
 *       with that adapter failure, so that it is an ERROR, never a FAIL of the implementation.</li>
 * </ul>
 */
public final class PyconcExtension implements ExecutionCondition, ParameterResolver, InvocationInterceptor {
    /** Prefix of the reason of a case disabled because it does not apply to the adapter. */
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE: ";
    /** Prefix of the reason of a case that was deliberately not run. */
    public static final String SKIPPED = "SKIPPED: ";
    /** System property: a regex; only cases whose id ({@code Class#method}) it finds are run, for development. */
    public static final String ONLY_KEY = "pyconc.only";
    /** Configuration parameter / system property naming the adapter. */
    public static final String ADAPTER_KEY = "pyconc.adapter";
    /** Configuration parameter / system property naming the {@link Peer} adapter of interop cases; unset: none. */
    public static final String PEER_KEY = "pyconc.peer";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PyconcExtension.class);

    /**
     * Configuration parameter: the key of an adapter lent with {@link #lend(Adapter)}; when set, the run uses
     * that instance (and leaves closing it to its owner) instead of creating one by name.
     */
    public static final String ADAPTER_INSTANCE_KEY = "pyconc.adapter.instance";

    private static final Map<String, Adapter> LENT = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Lends an adapter created by a runner to the runs that name the returned key in
     * {@link #ADAPTER_INSTANCE_KEY}, so that the runner can report on the very instance the cases used.
     * The caller keeps ownership: it closes the adapter and calls {@link #unlend(String)}.
     */
    public static String lend(Adapter adapter) {
        String key = java.util.UUID.randomUUID().toString();
        LENT.put(key, java.util.Objects.requireNonNull(adapter, "adapter"));
        return key;
    }

    /** Ends a loan made with {@link #lend(Adapter)}. */
    public static void unlend(String key) {
        LENT.remove(key);
    }

    /** Holds the run's adapter, or why it could not be created; closes an adapter it created with the run. */
    private static final class AdapterHolder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Adapter adapter;
        final RuntimeException failure;
        private final boolean owned;
        private final AtomicBoolean closed = new AtomicBoolean();

        AdapterHolder(Adapter adapter, RuntimeException failure, boolean owned) {
            this.adapter = adapter;
            this.failure = failure;
            this.owned = owned;
        }

        @Override
        public void close() {
            if (owned && adapter != null && closed.compareAndSet(false, true)) {
                adapter.close();
            }
        }
    }

    /** The peer of the run ({@value #PEER_KEY}), created on first use; null when none is configured. */
    private static final class PeerHolder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Peer peer;
        final RuntimeException failure;
        final String name;

        PeerHolder(String name, Peer peer, RuntimeException failure) {
            this.name = name;
            this.peer = peer;
            this.failure = failure;
        }

        @Override
        public void close() {
            if (peer != null) {
                peer.adapter().close();
            }
        }
    }

    private static PeerHolder peerHolder(ExtensionContext ctx) {
        return ctx.getRoot().getStore(NS).getOrComputeIfAbsent(PeerHolder.class, k -> {
            String name = ctx.getConfigurationParameter(PEER_KEY).orElse(System.getProperty(PEER_KEY, ""));
            if (name.isBlank()) {
                return new PeerHolder(null, null, null);
            }
            try {
                return new PeerHolder(name, new Peer(Adapters.create(name)), null);
            } catch (RuntimeException e) {
                return new PeerHolder(name, null, e);
            }
        }, PeerHolder.class);
    }

    /**
     * The peer of the run this context belongs to.
     *
     * @throws AdapterFailure if none is configured or it could not be created (a case reaching this despite
     *     the execution condition is an ERROR, not a FAIL)
     */
    public static Peer peer(ExtensionContext ctx) {
        PeerHolder h = peerHolder(ctx);
        if (h.failure != null) {
            throw new AdapterFailure("peer adapter '" + h.name + "' could not be created: " + h.failure.getMessage(),
                    h.failure);
        }
        if (h.peer == null) {
            throw new AdapterFailure("no peer adapter configured (" + PEER_KEY + ")", null);
        }
        return h.peer;
    }

    private static boolean usesPeer(Method m) {
        return java.util.Arrays.asList(m.getParameterTypes()).contains(Peer.class);
    }

    /** The adapter of the run this context belongs to. @throws RuntimeException if it could not be created */
    public static Adapter adapter(ExtensionContext ctx) {
        AdapterHolder h = ctx.getRoot().getStore(NS).getOrComputeIfAbsent(AdapterHolder.class, k -> {
            Optional<String> lent = ctx.getConfigurationParameter(ADAPTER_INSTANCE_KEY);
            if (lent.isPresent()) {
                Adapter a = LENT.get(lent.get());
                return a != null ? new AdapterHolder(a, null, false) : new AdapterHolder(null,
                        new IllegalStateException("no adapter lent under " + ADAPTER_INSTANCE_KEY + "=" + lent.get()), false);
            }
            String name = ctx.getConfigurationParameter(ADAPTER_KEY)
                    .orElse(System.getProperty(ADAPTER_KEY, Adapters.DEFAULT));
            try {
                return new AdapterHolder(Adapters.create(name), null, true);
            } catch (RuntimeException e) {
                return new AdapterHolder(null, e, true);
            }
        }, AdapterHolder.class);
        if (h.failure != null) {
            throw h.failure;
        }
        return h.adapter;
    }

    /**
     * The behaviour ids a case method checks when run as a case of {@code testClass} (which declares or
     * inherits it): the ids of its {@link Checks}, then those of any {@link Checks} on {@code testClass} and its
     * superclasses, with each {@code {name}} replaced by the api of the nearest {@link Binding} of that name.
     * Empty if the method has no {@link Checks}. A placeholder left unbound stays as written (an unknown id).
     */
    public static List<String> checks(Class<?> testClass, Method m) {
        Checks c = m.getAnnotation(Checks.class);
        if (c == null) {
            return List.of();
        }
        List<String> raw = new ArrayList<>(List.of(c.value()));
        Map<String, String> bound = new java.util.HashMap<>();
        for (Class<?> k = testClass; k != null && k != Object.class; k = k.getSuperclass()) {
            Checks onClass = k.getDeclaredAnnotation(Checks.class);
            if (onClass != null) {
                raw.addAll(List.of(onClass.value()));
            }
            Binding b = k.getDeclaredAnnotation(Binding.class);
            if (b != null) {
                bound.putIfAbsent(b.name(), b.api());
            }
        }
        List<String> out = new ArrayList<>();
        for (String id : raw) {
            for (Map.Entry<String, String> e : bound.entrySet()) {
                id = id.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext ctx) {
        Optional<Method> m = ctx.getTestMethod();
        if (m.isEmpty()) {
            return ConditionEvaluationResult.enabled("case class");
        }
        String only = System.getProperty(ONLY_KEY);
        if (only != null && !only.isBlank()
                && !java.util.regex.Pattern.compile(only).matcher(caseId(ctx)).find()) {
            return ConditionEvaluationResult.disabled(SKIPPED + "not selected by -D" + ONLY_KEY + "=" + only);
        }
        Profile profile = Profile.of(ctx::getConfigurationParameter);
        if (!profile.runs(Profile.isDetail(ctx.getRequiredTestClass(), m.get()))) {
            return ConditionEvaluationResult.disabled(SKIPPED + "checks an implementation detail of CPython, not a "
                    + "documented promise; profile " + profile.label() + " leaves it out (run with "
                    + Profile.KEY + "=" + Profile.CPYTHON.label() + ")");
        }
        Adapter adapter;
        try {
            adapter = adapter(ctx);
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.enabled("adapter unavailable; the case reports it");
        }
        if (usesPeer(m.get())) {
            PeerHolder ph = peerHolder(ctx);
            if (ph.name == null) {
                return ConditionEvaluationResult.disabled(NOT_APPLICABLE + "an interop case needs a second "
                        + "implementation and no peer adapter is configured (set " + PEER_KEY + "=cpython, or "
                        + PEER_KEY + "=reference when cpython is under test)");
            }
            if (ph.peer != null) {
                Optional<PyModule> needed = java.util.Arrays.stream(m.get().getParameterTypes())
                        .map(PyModule::byApi).flatMap(Optional::stream).findFirst();
                if (needed.isPresent() && !ph.peer.adapter().modules().contains(needed.get())) {
                    return ConditionEvaluationResult.disabled(NOT_APPLICABLE + "the peer adapter '" + ph.name
                            + "' does not provide " + needed.get().pythonName());
                }
            }
        }
        for (Class<?> type : m.get().getParameterTypes()) {
            Optional<PyModule> module = PyModule.byApi(type);
            if (module.isPresent() && !adapter.modules().contains(module.get())) {
                return ConditionEvaluationResult.disabled(NOT_APPLICABLE + "the case uses module "
                        + notProvided(adapter, module.get()));
            }
        }
        for (String id : checks(ctx.getRequiredTestClass(), m.get())) {
            Optional<Behaviour> b = Catalog.standard().find(id);
            if (b.isEmpty()) {
                continue; // reported as an error by the interceptor
            }
            // the catalog admits only apis of registry modules, so the module is there
            PyModule module = PyModule.byPythonName(b.get().module()).orElseThrow();
            if (!adapter.modules().contains(module)) {
                return ConditionEvaluationResult.disabled(NOT_APPLICABLE + id + " is in module "
                        + notProvided(adapter, module));
            }
            if (!b.get().appliesTo(adapter.pythonVersion())) {
                return ConditionEvaluationResult.disabled(NOT_APPLICABLE + id + " applies to Python "
                        + range(b.get()) + "; adapter '" + adapter.name() + "' claims " + adapter.pythonVersion().feature());
            }
            for (Feature f : b.get().requires()) {
                if (!adapter.hasFeature(f)) {
                    return ConditionEvaluationResult.disabled(NOT_APPLICABLE + id + " needs feature " + f
                            + " (" + f.why() + "); adapter '" + adapter.name() + "' lacks it");
                }
            }
            for (Feature f : b.get().lacks()) {
                if (adapter.hasFeature(f)) {
                    return ConditionEvaluationResult.disabled(NOT_APPLICABLE + id + " is about implementations"
                            + " without feature " + f + " (" + f.why() + "); adapter '" + adapter.name() + "' has it");
                }
            }
        }
        return ConditionEvaluationResult.enabled("applies");
    }

    /**
     * {@code contextvars (new in Python 3.7), which adapter 'x' does not provide (it provides threading, queue)}:
     * the module, its first version when the adapter claims an older one, and the adapter's modules in registry
     * order.
     */
    private static String notProvided(Adapter adapter, PyModule m) {
        String newer = adapter.pythonVersion().atLeast(m.since()) ? ""
                : " (new in Python " + m.since().feature() + ")";
        return m.pythonName() + newer + ", which adapter '" + adapter.name() + "' does not provide (it provides "
                + String.join(", ", PyModule.all().stream().filter(adapter.modules()::contains)
                        .map(PyModule::pythonName).toList()) + ")";
    }

    private static String range(Behaviour b) {
        return (b.since() == null ? "3.0" : b.since()) + (b.until() == null ? "+" : ".." + b.until());
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        return t == Adapter.class || t == Harness.class || t == Peer.class || PyModule.byApi(t).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        Adapter a;
        try {
            a = adapter(ec);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("adapter unavailable: " + e.getMessage(), e);
        }
        if (t == Adapter.class) {
            return a;
        } else if (t == Peer.class) {
            return peer(ec);
        } else if (t == Harness.class) {
            return harness(ec, a);
        }
        return a.module(t);
    }

    private static Harness harness(ExtensionContext ec, Adapter a) {
        return ec.getStore(NS).getOrComputeIfAbsent(Harness.class,
                k -> new Harness(a, caseId(ec), ec::publishReportEntry), Harness.class);
    }

    /** {@code fully.qualified.Class#method} plus the display name for parameterized invocations. */
    public static String caseId(ExtensionContext ec) {
        String base = ec.getRequiredTestClass().getName() + "#" + ec.getRequiredTestMethod().getName();
        return ec.getParent().flatMap(ExtensionContext::getTestMethod).isPresent() ? base + ec.getDisplayName() : base;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ic,
            ExtensionContext ec) throws Throwable {
        runCase(invocation, ic.getExecutable(), ec);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ic,
            ExtensionContext ec) throws Throwable {
        runCase(invocation, ic.getExecutable(), ec);
    }

    private void runCase(Invocation<Void> invocation, Method method, ExtensionContext ec) throws Throwable {
        Adapter adapter = adapter(ec);
        List<String> ids = checks(ec.getRequiredTestClass(), method);
        if (ids.isEmpty()) {
            throw new IllegalStateException("case " + method + " names no behaviour: add @Checks");
        }
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            Optional<Behaviour> b = Catalog.standard().find(id);
            if (b.isEmpty()) {
                unknown.add(id);
            } else if (!b.get().testable()) {
                throw new IllegalStateException("case checks " + id + ", which the catalog marks untestable");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("case names behaviours not in the catalog: " + unknown);
        }
        ec.publishReportEntry(Map.of("behaviours", String.join(" ", ids)));
        Harness harness = harness(ec, adapter);
        String caseId = caseId(ec);
        Adapter peer = usesPeer(method) ? peer(ec).adapter() : null;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caseThread = new Thread(() -> {
            Throwable primary = null;
            try {
                adapter.beginCase(caseId);
                if (peer != null) {
                    peer.beginCase(caseId);
                }
                try {
                    invocation.proceed();
                } catch (Throwable t) {
                    primary = t;
                }
                try {
                    harness.close(primary);
                } catch (Throwable t) {
                    primary = t;
                }
            } catch (Throwable t) {
                primary = t;
            } finally {
                if (peer != null) {
                    try {
                        peer.endCase();
                    } catch (Throwable t) {
                        if (primary == null) {
                            primary = t;
                        } else {
                            primary.addSuppressed(t);
                        }
                    }
                }
                try {
                    adapter.endCase();
                } catch (Throwable t) {
                    if (primary == null) {
                        primary = t;
                    } else {
                        primary.addSuppressed(t);
                    }
                }
                failure.set(primary);
            }
        }, "pyconc-case " + caseId);
        caseThread.setDaemon(true);
        caseThread.start();
        caseThread.join(TimeUnit.NANOSECONDS.toMillis(Timing.nanos(Timing.CASE)) + 1);
        if (caseThread.isAlive()) {
            String dump = "Java threads:\n" + ThreadDumps.all();
            try {
                String other = adapter.dumpThreads();
                if (other != null && !other.isBlank()) {
                    dump += "\n" + adapter.name() + " threads:\n" + other;
                }
            } catch (RuntimeException e) {
                dump += "\n(" + adapter.name() + " thread dump failed: " + e + ")";
            }
            caseThread.interrupt();
            throw new CaseTimeoutError("case did not finish within " + Timing.CASE + " s\n" + dump);
        }
        Throwable t = failure.get();
        if (t != null) {
            throw asAdapterFailure(t);
        }
    }

    /**
     * {@code t}, or the {@link AdapterFailure} inside it (with {@code t} added as suppressed): a case that met a
     * failure of the adapter itself is an ERROR of the adapter, even where an assertion wrapped it (an
     * {@code assertThrows} that got a bridge exception instead of the Python one it expected) or a helper
     * thread recorded it.
     */
    static Throwable asAdapterFailure(Throwable t) {
        AdapterFailure f = AdapterFailure.findIn(t);
        if (f == null || f == t) {
            return t;
        }
        f.addSuppressed(t);
        return f;
    }
}
