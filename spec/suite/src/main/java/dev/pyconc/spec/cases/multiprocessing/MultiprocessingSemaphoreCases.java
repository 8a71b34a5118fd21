package dev.pyconc.spec.cases.multiprocessing;

import dev.pyconc.spec.cases.threading.SemaphoreContract;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.threading.Semaphore;

/**
 * The semaphore contract ({@link SemaphoreContract}) on {@code multiprocessing.Semaphore} of the module's default
 * context, used by threads of this process. Every case here also checks
 * {@code multiprocessing.Semaphore/counter-like-threading} (class-level {@link Checks}), the docs' promise that
 * makes the contract apply; {@link SemaphoreCases} checks the units across processes and what is its own.
 */
@PyCase
@Binding(name = "semaphore", api = "multiprocessing.Semaphore")
@Checks("multiprocessing.Semaphore/counter-like-threading")
class MultiprocessingSemaphoreCases extends SemaphoreContract {

    @Override
    protected Semaphore newSemaphore(Adapter adapter) {
        return adapter.module(MultiprocessingModule.class).semaphore();
    }

    @Override
    protected Semaphore newSemaphore(Adapter adapter, long value) {
        return adapter.module(MultiprocessingModule.class).semaphore(value);
    }
}
