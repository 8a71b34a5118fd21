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

    /**
     * CPython's {@code Event.wait}. Fast path: a set flag is returned at once without taking the condition's lock.
     * CPython reads the flag under that lock, but nothing else ever holds the lock for longer than a
     * {@code set()} or {@code clear()} takes, and the flag is volatile, so the answer is one the locked read could
     * have given (the timeout is not looked at either way when the flag is set).
     */
    @Override
    public boolean await(Double timeout) {
        if (flag) {
            return true;
        }
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
