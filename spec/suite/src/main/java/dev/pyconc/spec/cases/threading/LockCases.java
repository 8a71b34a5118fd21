package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code threading.Lock}: the shared {@link ThreadLockContract} (and {@link LockContract}) bound to {@code threading.Lock}, plus the
 * cases only {@code threading}'s docs promise (literal ids).
 */
@PyCase
@Binding(name = "lock", api = "threading.Lock")
class LockCases extends ThreadLockContract {

    @Override
    protected Lock newLock(Adapter adapter) {
        return adapter.module(ThreadingModule.class).lock();
    }

    @Override
    protected double timeoutMax(Adapter adapter) {
        return adapter.module(ThreadingModule.class).timeoutMax();
    }

    /** A NaN timeout raises ValueError. */
    @Test
    @Checks("threading.Lock.acquire/nan-timeout-raises-valueerror")
    void nanTimeoutRaises(ThreadingModule threading) {
        Lock lock = threading.lock();
        assertThrows(ValueError.class, () -> lock.acquire(true, Double.NaN));
        assertFalse(lock.locked());
    }

}
