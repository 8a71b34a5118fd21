package dev.pyconc.spec.cases.thread;

import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spec.cases.threading.ThreadLockContract;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.threading.Lock;

/**
 * The lock contract on locks made by calling {@code _thread.LockType()}, which Python allows since 3.13.
 *
 * <p>Every case here also checks {@code _thread.LockType/callable-makes-new-lock} (class-level
 * {@link Checks}): the lock behaviours themselves are as old as {@code _thread}, so their entries carry no
 * 3.13 bound; it is this binding's constructor that is new, and that entry's {@code since: "3.13"} makes the
 * whole binding NOT_APPLICABLE, with that reason, on older Pythons (where {@code LockType()} raises
 * TypeError).
 */
@PyCase
@Binding(name = "lock", api = "_thread.lock")
@Checks("_thread.LockType/callable-makes-new-lock")
class LockTypeCases extends ThreadLockContract {

    @Override
    protected Lock newLock(Adapter adapter) {
        return adapter.module(ThreadModule.class).lockType();
    }

    @Override
    protected double timeoutMax(Adapter adapter) {
        return adapter.module(ThreadModule.class).timeoutMax();
    }
}
