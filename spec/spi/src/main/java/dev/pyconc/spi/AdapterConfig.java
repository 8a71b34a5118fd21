package dev.pyconc.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Options for creating an adapter, e.g. {@code python} (interpreter path for the {@code cpython} adapter).
 * Read from system properties {@code pyconc.<option>} when not given explicitly.
 */
public final class AdapterConfig {
    private final Map<String, String> options;

    public AdapterConfig(Map<String, String> options) {
        this.options = new TreeMap<>(options);
    }

    /** The options given as system properties named {@code pyconc.*}, prefix removed. */
    public static AdapterConfig fromSystemProperties() {
        Map<String, String> m = new TreeMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("pyconc.")) {
                m.put(key.substring("pyconc.".length()), System.getProperty(key));
            }
        }
        return new AdapterConfig(m);
    }

    /** The option's value, if set and not blank. */
    public Optional<String> get(String option) {
        String v = options.get(option);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(options);
    }
}
