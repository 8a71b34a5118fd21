package dev.pyconc.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pyconc.spi.PyModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded catalog: every behaviour, in file order, by id. */
public final class Catalog {
    /** Classpath folder of the catalog files. */
    public static final String ROOT = "dev/pyconc/catalog/";

    private static volatile Catalog standard;

    private final Map<String, Behaviour> byId;

    private Catalog(Map<String, Behaviour> byId) {
        this.byId = byId;
    }

    /** The catalog shipped in the spec jar (loaded once). */
    public static Catalog standard() {
        Catalog c = standard;
        if (c == null) {
            synchronized (Catalog.class) {
                c = standard;
                if (c == null) {
                    c = load(Catalog.class.getClassLoader());
                    standard = c;
                }
            }
        }
        return c;
    }

    /**
     * Loads the catalog file of every {@link PyModule} row ({@link PyModule#catalogFile()}, in registry order)
     * from {@link #ROOT}.
     *
     * @throws IllegalStateException on a missing file, a duplicate id, an invalid entry or an entry in another
     *     module's file
     */
    public static Catalog load(ClassLoader loader) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Behaviour> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (PyModule module : PyModule.all()) {
            String file = module.catalogFile();
            try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IllegalStateException("catalog file of module " + module.pythonName() + " is missing: " + ROOT + file);
                }
                List<Behaviour> entries = yaml.readValue(in, new TypeReference<List<Behaviour>>() {});
                if (entries == null) {
                    continue;
                }
                for (Behaviour b : entries) {
                    List<String> own = b.problems();
                    problems.addAll(own.stream().map(p -> file + ": " + p).toList());
                    if (own.isEmpty() && !module.pythonName().equals(b.module())) {
                        problems.add(file + ": " + b.id() + " is in module " + b.module() + ", not "
                                + module.pythonName() + ": it belongs in " + PyModule.byPythonName(b.module())
                                        .map(PyModule::catalogFile).orElse("?"));
                    }
                    if (b.id() != null && byId.putIfAbsent(b.id(), b) != null) {
                        problems.add(file + ": duplicate id " + b.id());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read catalog file " + file + ": " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid catalog:\n  " + String.join("\n  ", problems));
        }
        return new Catalog(Map.copyOf(byId).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(byId));
    }

    public Collection<Behaviour> entries() {
        return byId.values();
    }

    public Optional<Behaviour> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The entry with this id. @throws IllegalArgumentException if there is none */
    public Behaviour get(String id) {
        Behaviour b = byId.get(id);
        if (b == null) {
            throw new IllegalArgumentException("no catalog entry with id " + id);
        }
        return b;
    }

    public int size() {
        return byId.size();
    }
}
