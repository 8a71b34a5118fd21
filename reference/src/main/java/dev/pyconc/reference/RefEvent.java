package dev.pyconc.reference;

import dev.pyconc.spi.threading.Event;

/** {@code threading.Event} as CPython writes it: a flag guarded by a {@link RefCondition} over a Lock. */
final class RefEvent implements Event {
    private final RefCondition cond;
    private volatile boolean flag;

    RefEvent(RefContext ctx) {
        this.cond = new RefCondition(ctx, new PrimitiveLock(ctx));
    }

    @Override
    public boolean isSet() {
        return flag;
    }

    /** {@code isSet()}: CPython's alias calls {@code is_set()} after a DeprecationWarning (no warnings here). */
    @Override
    public boolean isSetAlias() {
        return isSet();
    }

    @Override
    public void set() {
        try (var held = cond.enter()) {
            flag = true;
            cond.signalAll();
        }
    }

    @Override
    public void clear() {
        try (var held = cond.enter()) {
            flag = false;
        }
    }

    @Override
    public boolean await() {
        return await(null);
    }

    @Override
    public boolean await(Double timeout) {
        try (var held = cond.enter()) {
            boolean signaled = flag;
            if (!signaled) {
                signaled = cond.await(timeout);
            }
            return signaled;
        }
    }

    @Override
    public String toString() {
        return "<threading.Event: " + (flag ? "set" : "unset") + ">";
    }
}
