package dev.pyconc.reference.contextvars;

import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.Token;

/** {@code contextvars.Token}: made by one {@code set}, usable by one {@code reset}; a context manager (3.14). */
final class RefToken implements Token {
    private final RefPyContext context;
    private final RefContextVar var;
    private final Object oldValue;
    private volatile boolean used;

    RefToken(RefPyContext context, RefContextVar var, Object oldValue) {
        this.context = context;
        this.var = var;
        this.oldValue = oldValue;
    }

    @Override
    public ContextVar var() {
        return var;
    }

    @Override
    public Object oldValue() {
        return oldValue;
    }

    RefPyContext context() {
        return context;
    }

    boolean used() {
        return used;
    }

    void markUsed() {
        used = true;
    }

    /** {@code __enter__} returns the token and does nothing else; {@code __exit__} is {@code var.reset(token)}. */
    @Override
    public Held enter() {
        return Held.of(() -> var.reset(this));
    }

    @Override
    public String toString() {
        return "<Token" + (used ? " used" : "") + " var=" + var + " at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
