package dev.pyconc.spec.harness;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.AdapterUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link AdapterProvider}s with {@link ServiceLoader}. */
public final class Adapters {
    /** The adapter used when none is named. */
    public static final String DEFAULT = "reference";

    private Adapters() {}

    /** Every provider on the class path, in ServiceLoader order. */
    public static List<AdapterProvider> providers() {
        List<AdapterProvider> out = new ArrayList<>();
        ServiceLoader.load(AdapterProvider.class).forEach(out::add);
        return out;
    }

    /**
     * The provider with this name.
     *
     * @throws AdapterUnavailableException naming the known adapters if there is none
     */
    public static AdapterProvider provider(String name) {
        List<AdapterProvider> all = providers();
        for (AdapterProvider p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AdapterUnavailableException("unknown adapter '" + name + "'; known: "
                + (all.isEmpty() ? "none on the class path" : String.join(", ", all.stream().map(AdapterProvider::name).sorted().toList())));
    }

    /** Creates the named adapter with options from the system properties. */
    public static Adapter create(String name) {
        return provider(name).create(AdapterConfig.fromSystemProperties());
    }
}
