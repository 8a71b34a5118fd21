package dev.pyconc.reference.contextvars;

import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;

/** The reference {@code contextvars} (work in progress). */
public final class RefContextVarsModule implements ContextVarsModule {
    @Override
    public ContextVar contextVar(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public ContextVar contextVar(String name, Object defaultValue) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Context copyContext() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Context context() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Object missing() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public boolean threadInheritContext() {
        throw new UnsupportedOperationException("TODO");
    }
}
