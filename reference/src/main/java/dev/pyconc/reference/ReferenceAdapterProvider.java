package dev.pyconc.reference;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;

/** Provides the {@code reference} adapter ({@link ReferenceAdapter}); it takes no options. */
public final class ReferenceAdapterProvider implements AdapterProvider {
    /** The adapter's name. */
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pyconc's Java implementation of Python 3.14's " + String.join(", ", PyModule.pythonNames());
    }

    /**
     * A new {@link ReferenceAdapter} with a main thread of its own ({@link ReferenceAdapter#withMainThread()}), so
     * that cases can run code in Python's main thread.
     */
    @Override
    public Adapter create(AdapterConfig config) {
        return ReferenceAdapter.withMainThread();
    }
}
