package dev.pyconc.spec.cases.multiprocessing;

import dev.pyconc.spec.cases.threading.EventContract;
import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.threading.Event;

/**
 * The Event contract ({@link EventContract}) on {@code multiprocessing.Event()} of the module's default context,
 * used by threads of this process. Every case here also checks {@code multiprocessing.Event/clone-of-threading-event}
 * (class-level {@link Checks}), the docs' promise that makes the contract apply; {@link EventCases} checks the
 * same flag across processes.
 */
@PyCase
@Binding(name = "event", api = "multiprocessing.Event")
@Checks("multiprocessing.Event/clone-of-threading-event")
class MultiprocessingEventCases extends EventContract {

    @Override
    protected Event newEvent(Adapter adapter) {
        return adapter.module(MultiprocessingModule.class).event();
    }
}
