package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.sched.SchedModule;
import java.util.function.Supplier;

/** The {@code sched} module of the agent's interpreter, and proxies of its objects (work in progress). */
final class SchedBridge {
    private SchedBridge() {}

    /** A proxy for a handle of one of this module's kinds, or null if {@code kind} is not one of them. */
    static Object proxy(Session s, long hid, String kind) {
        return null;
    }

    /** The module. */
    static SchedModule module(Supplier<Session> session) {
        return null; // TODO
    }
}
