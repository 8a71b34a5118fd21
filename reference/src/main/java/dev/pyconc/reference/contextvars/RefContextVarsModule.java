package dev.pyconc.reference.contextvars;

import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;

/**
 * The reference {@code contextvars}, following CPython's {@code Python/context.c}: each Java thread has a current
 * context (the top of its stack of entered contexts, linked through each context's previous one); a context
 * holds an immutable snapshot of its values, so {@code copy_context()} shares the snapshot in O(1) and a
 * {@code set} replaces it with a new one; a {@code Token} remembers its variable, the context it was made in, the
 * old value, and whether it was used.
 *
 * <p>A thread that has not entered any context works in its own base context, made empty on first use (as
 * CPython makes a thread's context on first use). {@code sys.flags.thread_inherit_context} is False, as on
 * CPython's default (GIL) build.
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html">contextvars</a>
 */
public final class RefContextVarsModule implements ContextVarsModule {
    /** The marker of {@code Token.MISSING}. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<Token.MISSING>";
        }
    };

    /** Each thread's current context; null until the thread first needs one. */
    private final ThreadLocal<RefPyContext> current = new ThreadLocal<>();

    /** Creates the module; no thread has a context yet. */
    public RefContextVarsModule() {}

    /** The calling thread's current context, creating its empty base context on first use. */
    RefPyContext current() {
        RefPyContext c = current.get();
        if (c == null) {
            c = new RefPyContext(this, Snapshot.EMPTY);
            current.set(c);
        }
        return c;
    }

    /** Makes {@code c} the calling thread's current context (entering or exiting a context). */
    void setCurrent(RefPyContext c) {
        current.set(c);
    }

    /** {@code ContextVar(name)}: a variable without a default. */
    @Override
    public ContextVar contextVar(String name) {
        return new RefContextVar(this, name, false, null);
    }

    /** {@code ContextVar(name, default=defaultValue)}; null is a default of None. */
    @Override
    public ContextVar contextVar(String name, Object defaultValue) {
        return new RefContextVar(this, name, true, defaultValue);
    }

    /** {@code copy_context()}: a new context sharing the current context's snapshot (O(1)). */
    @Override
    public Context copyContext() {
        return new RefPyContext(this, current().snapshot());
    }

    /** {@code Context()}: a new empty context. */
    @Override
    public Context context() {
        return new RefPyContext(this, Snapshot.EMPTY);
    }

    /** {@code Token.MISSING}, a single marker object. */
    @Override
    public Object missing() {
        return MISSING;
    }

    /** False: new threads without a {@code context} argument start in an empty context. */
    @Override
    public boolean threadInheritContext() {
        return false;
    }
}
