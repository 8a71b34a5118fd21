package dev.pyconc.spec.cases.multiprocessing;

import dev.pyconc.spec.cases.threading.LockContract;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.threading.Lock;

/**
 * The lock contract ({@link LockContract}) on {@code multiprocessing.Lock()} of the module's default context, used
 * by threads of this process: the docs make it a close analog of {@code threading.Lock}, so every shared case
 * applies; where they differ (errors, negative and None timeouts) {@link LockCases} checks multiprocessing's own
 * rules with literal ids, and across processes.
 *
 * <p>Every case here also checks {@code multiprocessing.Lock.locked/reflects-state} (class-level {@link Checks}):
 * the contract observes the lock through {@code locked()}, which multiprocessing's Lock has only since 3.14, so on
 * older Pythons the whole binding is NOT_APPLICABLE with that reason.
 */
@PyCase
@Binding(name = "lock", api = "multiprocessing.Lock")
@Checks("multiprocessing.Lock.locked/reflects-state")
class MultiprocessingLockCases extends LockContract {

    @Override
    protected Lock newLock(Adapter adapter) {
        return adapter.module(MultiprocessingModule.class).lock();
    }
}
