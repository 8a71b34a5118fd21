package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.thread.ThreadModule;
import java.util.function.Supplier;

/** The {@code _thread} module of the agent's interpreter, and proxies of its objects (work in progress). */
final class ThreadBridge {
    private ThreadBridge() {}

    /** A proxy for a handle of one of this module's kinds, or null if {@code kind} is not one of them. */
    static Object proxy(Session s, long hid, String kind) {
        return null;
    }

    /** The module. */
    static ThreadModule module(Supplier<Session> session) {
        return null; // TODO
    }
}
