package dev.pyconc.spec.harness;

import dev.pyconc.spi.Adapter;

/**
 * A second implementation in the same case, for interop cases that run one program through the adapter under
 * test and through another and compare what both saw (bytes, return codes). A case asks for it as a parameter;
 * the run names it with the configuration parameter or system property {@value PyconcExtension#PEER_KEY}
 * (an adapter name, e.g. {@code cpython} or {@code reference}). With no peer configured, or a peer that lacks
 * the module a case needs, the case is NOT_APPLICABLE with that reason. The peer is created once per run,
 * closed when the run ends, and told when each case that uses it begins and ends.
 */
public final class Peer {
    private final Adapter adapter;

    Peer(Adapter adapter) {
        this.adapter = adapter;
    }

    /** The peer adapter. */
    public Adapter adapter() {
        return adapter;
    }

    /** The peer's implementation of a module: {@code peer.module(SubprocessModule.class)}. */
    public <T> T module(Class<T> api) {
        return adapter.module(api);
    }

    /** The peer's name and implementation, for messages: {@code cpython (CPython 3.14.3 ...)}. */
    @Override
    public String toString() {
        return adapter.name() + " (" + adapter.implementation() + ")";
    }
}
