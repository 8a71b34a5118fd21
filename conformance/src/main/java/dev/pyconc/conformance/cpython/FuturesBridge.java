package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.futures.FuturesModule;
import java.util.function.Supplier;

/** The {@code concurrent.futures} module of the agent's interpreter, and proxies of its objects (work in progress). */
final class FuturesBridge {
    private FuturesBridge() {}

    /** A proxy for a handle of one of this module's kinds, or null if {@code kind} is not one of them. */
    static Object proxy(Session s, long hid, String kind) {
        return null;
    }

    /** The module. */
    static FuturesModule module(Supplier<Session> session) {
        return null; // TODO
    }
}
