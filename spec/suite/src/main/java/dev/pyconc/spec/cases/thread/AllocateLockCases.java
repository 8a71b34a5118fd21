package dev.pyconc.spec.cases.thread;

import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spec.cases.threading.ThreadLockContract;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.threading.Lock;

/** The lock contract on locks made by {@code _thread.allocate_lock()}; results name {@code _thread.lock...} ids. */
@PyCase
@Binding(name = "lock", api = "_thread.lock")
class AllocateLockCases extends ThreadLockContract {

    @Override
    protected Lock newLock(Adapter adapter) {
        return adapter.module(ThreadModule.class).allocateLock();
    }

    @Override
    protected double timeoutMax(Adapter adapter) {
        return adapter.module(ThreadModule.class).timeoutMax();
    }
}
