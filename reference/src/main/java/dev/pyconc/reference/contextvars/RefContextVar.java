package dev.pyconc.reference.contextvars;

import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.Token;
import dev.pyconc.spi.exceptions.LookupError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;

/**
 * {@code contextvars.ContextVar}: a key of the contexts' maps, compared by identity. Its value is looked up in
 * the calling thread's current context.
 */
final class RefContextVar implements ContextVar {
    private final RefContextVarsModule module;
    private final String name;
    private final boolean hasDefault;
    private final Object defaultValue;

    RefContextVar(RefContextVarsModule module, String name, boolean hasDefault, Object defaultValue) {
        this.module = module;
        this.name = name;
        this.hasDefault = hasDefault;
        this.defaultValue = defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    /** The value in the current context, else the variable's default; LookupError if neither. */
    @Override
    public Object get() {
        Object v = module.current().snapshot().get(this, RefContextVarsModule.MISSING);
        if (v != RefContextVarsModule.MISSING) {
            return v;
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new LookupError(toString());
    }

    /** The value in the current context, else {@code defaultValue}. */
    @Override
    public Object get(Object defaultValue) {
        Object v = module.current().snapshot().get(this, RefContextVarsModule.MISSING);
        return v != RefContextVarsModule.MISSING ? v : defaultValue;
    }

    /** Records {@code value} in the current context; the token remembers the old value and this context. */
    @Override
    public Token set(Object value) {
        RefPyContext ctx = module.current();
        Snapshot s = ctx.snapshot();
        Object old = s.get(this, RefContextVarsModule.MISSING);
        ctx.replace(s.with(this, value));
        return new RefToken(ctx, this, old);
    }

    /**
     * Puts back the value from before the token's {@code set}, checking as CPython does, in this order: the token
     * was not used (RuntimeError), was made by this variable (ValueError), in the current context (ValueError).
     */
    @Override
    public void reset(Token token) {
        if (!(token instanceof RefToken t)) {
            throw new dev.pyconc.spi.exceptions.TypeError("expected an instance of Token, got " + token);
        }
        if (t.used()) {
            throw new RuntimeError(t + " has already been used once");
        }
        if (t.var() != this) {
            throw new ValueError(t + " was created by a different ContextVar");
        }
        RefPyContext ctx = module.current();
        if (t.context() != ctx) {
            throw new ValueError(t + " was created in a different Context");
        }
        t.markUsed();
        Snapshot s = ctx.snapshot();
        ctx.replace(t.oldValue() == RefContextVarsModule.MISSING ? s.without(this) : s.with(this, t.oldValue()));
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (hasDefault ? " default=" + defaultValue : "") + " at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
