package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import java.util.List;
import java.util.Map;

/**
 * Broken adapter {@code broken-context-copy}: the reference, except that {@code Context.copy()} returns the
 * context itself.
 *
 * <p><b>Why it matters.</b> A context's values live in an immutable snapshot, which makes a copy cheap: share
 * the snapshot. The trap is to share the Context object instead, reasoning "it is immutable anyway": the
 * snapshot is, but the Context is not, since {@code set()} inside {@code run()} replaces its snapshot. The copy
 * then holds the right values at first, so every case that only reads a fresh copy passes; only a case that
 * changes the original or the copy afterwards sees the change leak across.
 */
public class ContextCopyAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-context-copy";
    }

    @Override
    public String description() {
        return "self-check: the reference with contextvars.Context.copy() returning the context itself";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "Context.copy() returns the same context", config) {
            private final ContextVarsModule selfCopy = new SelfCopyModule(reference.module(ContextVarsModule.class));

            @Override
            public Object module(PyModule m) {
                return m == PyModule.CONTEXTVARS ? selfCopy : super.module(m);
            }
        };
    }

    /** Hands out contexts whose copy() is themselves; everything else is the reference's. */
    private record SelfCopyModule(ContextVarsModule delegate) implements ContextVarsModule {
        @Override
        public ContextVar contextVar(String name) {
            return delegate.contextVar(name);
        }

        @Override
        public ContextVar contextVar(String name, Object defaultValue) {
            return delegate.contextVar(name, defaultValue);
        }

        @Override
        public Context copyContext() {
            return new SelfCopyContext(delegate.copyContext());
        }

        @Override
        public Context context() {
            return new SelfCopyContext(delegate.context());
        }

        @Override
        public Object missing() {
            return delegate.missing();
        }

        @Override
        public boolean threadInheritContext() {
            return delegate.threadInheritContext();
        }
    }

    private record SelfCopyContext(Context delegate) implements Context {
        /** The bug: no new context, the same one. */
        @Override
        public Context copy() {
            return this;
        }

        @Override
        public Object run(PyCallable callable, List<Object> args, Map<String, Object> kwargs) {
            return delegate.run(callable, args, kwargs);
        }

        @Override
        public boolean contains(ContextVar var) {
            return delegate.contains(var);
        }

        @Override
        public Object getItem(ContextVar var) {
            return delegate.getItem(var);
        }

        @Override
        public Object get(ContextVar var) {
            return delegate.get(var);
        }

        @Override
        public Object get(ContextVar var, Object defaultValue) {
            return delegate.get(var, defaultValue);
        }

        @Override
        public List<ContextVar> iterate() {
            return delegate.iterate();
        }

        @Override
        public long len() {
            return delegate.len();
        }

        @Override
        public List<ContextVar> keys() {
            return delegate.keys();
        }

        @Override
        public List<Object> values() {
            return delegate.values();
        }

        @Override
        public List<Map.Entry<ContextVar, Object>> items() {
            return delegate.items();
        }
    }
}
