package dev.pyconc.reference.contextvars;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.RuntimeError;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code contextvars.Context}: a snapshot of values that only the thread which has entered the context (or, for
 * a thread's base context, that thread) replaces; any thread may read it. Entering pushes it on the calling
 * thread's stack (it remembers the context below it), exiting pops it; a context is in at most one stack at a
 * time (an {@link AtomicBoolean} guards that).
 */
final class RefPyContext implements Context {
    private final RefContextVarsModule module;
    private final AtomicBoolean entered = new AtomicBoolean();
    private volatile Snapshot snapshot;
    private RefPyContext previous; // written and read only by the thread that has entered this context

    RefPyContext(RefContextVarsModule module, Snapshot snapshot) {
        this.module = module;
        this.snapshot = snapshot;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    void replace(Snapshot s) {
        snapshot = s;
    }

    /**
     * Enters this context in the calling thread, calls the callable, and exits again however the callable ends.
     *
     * @throws RuntimeError if this context is already entered, in this thread or another
     */
    @Override
    public Object run(PyCallable callable, List<Object> args, Map<String, Object> kwargs) {
        if (!entered.compareAndSet(false, true)) {
            throw new RuntimeError("cannot enter context: " + this + " is already entered");
        }
        previous = module.current();
        module.setCurrent(this);
        try {
            return callable.call(args == null ? List.of() : args, kwargs == null ? Map.of() : kwargs);
        } finally {
            module.setCurrent(previous);
            previous = null;
            entered.set(false);
        }
    }

    /** A new context sharing this one's snapshot. */
    @Override
    public Context copy() {
        return new RefPyContext(module, snapshot);
    }

    @Override
    public boolean contains(ContextVar var) {
        return var instanceof RefContextVar v && snapshot.contains(v);
    }

    @Override
    public Object getItem(ContextVar var) {
        Object v = var instanceof RefContextVar r ? snapshot.get(r, RefContextVarsModule.MISSING)
                : RefContextVarsModule.MISSING;
        if (v == RefContextVarsModule.MISSING) {
            throw new KeyError(String.valueOf(var));
        }
        return v;
    }

    @Override
    public Object get(ContextVar var) {
        return get(var, null);
    }

    @Override
    public Object get(ContextVar var, Object defaultValue) {
        return var instanceof RefContextVar r ? snapshot.get(r, defaultValue) : defaultValue;
    }

    @Override
    public List<ContextVar> iterate() {
        return keys();
    }

    @Override
    public long len() {
        return snapshot.entries().size();
    }

    @Override
    public List<ContextVar> keys() {
        return new ArrayList<>(snapshot.entries().keySet());
    }

    @Override
    public List<Object> values() {
        return new ArrayList<>(snapshot.entries().values());
    }

    @Override
    public List<Map.Entry<ContextVar, Object>> items() {
        List<Map.Entry<ContextVar, Object>> out = new ArrayList<>();
        for (Map.Entry<RefContextVar, Object> e : snapshot.entries().entrySet()) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "<Context object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
