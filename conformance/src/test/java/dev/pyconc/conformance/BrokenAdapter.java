package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;

/**
 * Base of the self-check's broken adapters: the reference adapter with one piece replaced by a plausible but
 * wrong implementation. Everything else, including the Python version and features claimed, is the
 * reference's, so that any case that stops passing is due to the one broken piece.
 *
 * <p>{@link #isBlocked} also reports threads waiting inside the broken piece (the reference cannot see them),
 * so that cases which prove "blocked" by polling the adapter see the same thing they would see on a correct
 * implementation; the broken piece is then judged on its behaviour alone.
 */
abstract class BrokenAdapter implements Adapter {
    protected final Adapter reference;
    private final String name;
    private final String bug;
    private final Set<Thread> waitingInBrokenCode = ConcurrentHashMap.newKeySet();

    BrokenAdapter(String name, String bug, AdapterConfig config) {
        this.reference = Adapters.provider("reference").create(config);
        this.name = name;
        this.bug = bug;
    }

    /** Runs a call that may block, marking the current thread as inside it for {@link #isBlocked}. */
    protected <T> T blocking(Callable<T> call) {
        Thread me = Thread.currentThread();
        waitingInBrokenCode.add(me);
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            waitingInBrokenCode.remove(me);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String implementation() {
        return reference.implementation() + ", except: " + bug;
    }

    @Override
    public PyVersion pythonVersion() {
        return reference.pythonVersion();
    }

    @Override
    public Set<Feature> features() {
        return reference.features();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("broken", bug);
    }

    /**
     * The reference's answers to Python's type questions, asked about {@link #sameClassAs} of each object, so
     * that a broken piece has the Python class of the piece it replaces.
     */
    @Override
    public Builtins builtins() {
        Builtins b = reference.builtins();
        return new Builtins() {
            @Override
            public boolean isinstance(Object obj, String className) {
                return b.isinstance(sameClassAs(obj), className);
            }

            @Override
            public boolean isClass(String name) {
                return b.isClass(name);
            }

            @Override
            public List<String> typeMro(Object obj) {
                return b.typeMro(sameClassAs(obj));
            }

            @Override
            public boolean hasattr(Object obj, String name) {
                return b.hasattr(sameClassAs(obj), name);
            }

            @Override
            public void setattr(Object obj, String name, Object value) {
                b.setattr(sameClassAs(obj), name, value);
            }
        };
    }

    @Override
    public dev.pyconc.spi.Sys sys() {
        return reference.sys();
    }

    /**
     * For {@link #builtins()}: a reference object of the Python class that {@code obj}, a broken piece, poses
     * as (the object it wraps, or a new one of that class); the default is {@code obj} itself.
     */
    protected Object sameClassAs(Object obj) {
        return obj;
    }

    /** The reference's modules; a subclass that drops or adds one overrides this too. */
    @Override
    public Set<PyModule> modules() {
        return reference.modules();
    }

    /**
     * The reference's implementation of {@code m}. A subclass replaces one module by overriding this:
     * {@code m == PyModule.QUEUE ? broken : super.module(m)}.
     */
    @Override
    public Object module(PyModule m) {
        return reference.module(m);
    }

    @Override
    public <T> T runInMainThread(java.util.function.Supplier<T> body) {
        return reference.runInMainThread(body);
    }

    @Override
    public void beginCase(String caseId) {
        reference.beginCase(caseId);
    }

    @Override
    public void endCase() {
        reference.endCase();
    }

    @Override
    public boolean isBlocked(Thread thread) {
        if (waitingInBrokenCode.contains(thread)) {
            Thread.State s = thread.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED) {
                return true;
            }
        }
        return reference.isBlocked(thread);
    }

    @Override
    public String dumpThreads() {
        return reference.dumpThreads();
    }

    @Override
    public void close() {
        reference.close();
    }
}
