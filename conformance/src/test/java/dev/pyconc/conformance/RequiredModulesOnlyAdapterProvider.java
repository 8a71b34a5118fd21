package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import java.util.Set;

/**
 * Test adapter {@code required-modules-only}: the reference, but providing only the two modules every adapter
 * must ({@code threading} and {@code queue}), as a minimal third-party adapter would. Not broken: the cases of
 * the other modules must be reported NOT_APPLICABLE, never ERROR.
 */
public class RequiredModulesOnlyAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "required-modules-only";
    }

    @Override
    public String description() {
        return "runner test: the reference providing only threading and queue";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "provides only threading and queue (not a bug)", config) {
            @Override
            public Set<String> modules() {
                return Set.of("threading", "queue");
            }

            @Override
            public dev.pyconc.spi.futures.FuturesModule concurrentFutures() {
                throw new UnsupportedOperationException("required-modules-only has no concurrent.futures");
            }

            @Override
            public dev.pyconc.spi.sched.SchedModule sched() {
                throw new UnsupportedOperationException("required-modules-only has no sched");
            }

            @Override
            public dev.pyconc.spi.thread.ThreadModule thread() {
                throw new UnsupportedOperationException("required-modules-only has no _thread");
            }

            @Override
            public dev.pyconc.spi.contextvars.ContextVarsModule contextvars() {
                throw new UnsupportedOperationException("required-modules-only has no contextvars");
            }
        };
    }
}
