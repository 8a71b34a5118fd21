package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.support.ModuleTable;
import java.util.Set;
import java.util.stream.Collectors;

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
            /** Only the modules every adapter must provide. */
            @Override
            public Set<PyModule> modules() {
                return PyModule.all().stream().filter(PyModule::required).collect(Collectors.toUnmodifiableSet());
            }

            @Override
            public Object module(PyModule m) {
                if (!m.required()) {
                    throw ModuleTable.notProvided(name(), m);
                }
                return super.module(m);
            }
        };
    }
}
