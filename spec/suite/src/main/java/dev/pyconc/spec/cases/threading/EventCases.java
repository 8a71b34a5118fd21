package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spec.harness.Binding;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ThreadingModule;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.Event}: the shared {@link EventContract} bound to it, plus its TIMEOUT_MAX bound. */
@PyCase
@Binding(name = "event", api = "threading.Event")
class EventCases extends EventContract {

    @Override
    protected Event newEvent(Adapter adapter) {
        return adapter.module(ThreadingModule.class).event();
    }

    /** On a clear Event, a timeout above TIMEOUT_MAX raises OverflowError. */
    @Test
    @Checks("threading.Event.wait/timeout-above-max-raises-overflowerror")
    void waitTimeoutAboveMaxRaises(ThreadingModule threading) {
        Event e = threading.event();
        assertThrows(OverflowError.class, () -> e.await(threading.timeoutMax() * 2));
        assertThrows(OverflowError.class, () -> e.await(Double.POSITIVE_INFINITY));
    }
}
