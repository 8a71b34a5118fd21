package dev.pyconc.spi.support;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyModule;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The modules one adapter provides, each with its implementation: what {@link Adapter#modules()} and
 * {@link Adapter#module(PyModule)} answer. Built once, in the adapter's constructor; checked there, so that a
 * wrong wiring fails at once rather than in a case.
 */
public final class ModuleTable {
    private final String adapter;
    private final Map<PyModule, Object> modules;

    /**
     * A table for the adapter named {@code adapterName}.
     *
     * @param modules the implementation of each module the adapter provides
     * @throws IllegalArgumentException if a required module is missing or an implementation is not an
     *     instance of its module's {@link PyModule#api()}
     */
    public ModuleTable(String adapterName, Map<PyModule, ?> modules) {
        this.adapter = Objects.requireNonNull(adapterName, "adapterName");
        EnumMap<PyModule, Object> m = new EnumMap<>(PyModule.class);
        for (Map.Entry<PyModule, ?> e : modules.entrySet()) {
            PyModule module = Objects.requireNonNull(e.getKey(), "module");
            Object impl = e.getValue();
            if (!module.api().isInstance(impl)) {
                throw new IllegalArgumentException("adapter '" + adapterName + "': the implementation of "
                        + module.pythonName() + " must be a " + module.api().getName() + ", not " + impl);
            }
            m.put(module, impl);
        }
        for (PyModule required : PyModule.all()) {
            if (required.required() && !m.containsKey(required)) {
                throw new IllegalArgumentException("adapter '" + adapterName + "' must provide "
                        + required.pythonName());
            }
        }
        this.modules = Collections.unmodifiableMap(m);
    }

    /** The modules provided, in registry order: the answer to {@link Adapter#modules()}. */
    public Set<PyModule> modules() {
        return modules.keySet();
    }

    /**
     * The implementation of {@code m}: the answer to {@link Adapter#module(PyModule)}.
     *
     * @throws UnsupportedOperationException if the table does not have {@code m}
     */
    public Object module(PyModule m) {
        Object impl = modules.get(m);
        if (impl == null) {
            throw notProvided(adapter, m);
        }
        return impl;
    }

    /** The exception {@link Adapter#module(PyModule)} throws when adapter {@code adapterName} lacks {@code m}. */
    public static UnsupportedOperationException notProvided(String adapterName, PyModule m) {
        return new UnsupportedOperationException("adapter '" + adapterName + "' does not provide " + m.pythonName());
    }
}
