package dev.pyconc.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
     * Loads {@code index.txt} and every file it lists from {@link #ROOT}.
     *
     * @throws IllegalStateException on a missing file, a duplicate id or an invalid entry
     */
    public static Catalog load(ClassLoader loader) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Behaviour> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String file : readIndex(loader)) {
            try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IllegalStateException("catalog file listed in index.txt is missing: " + ROOT + file);
                }
                List<Behaviour> entries = yaml.readValue(in, new TypeReference<List<Behaviour>>() {});
                if (entries == null) {
                    continue;
                }
                for (Behaviour b : entries) {
                    problems.addAll(b.problems().stream().map(p -> file + ": " + p).toList());
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

    private static List<String> readIndex(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("no " + ROOT + "index.txt on the classpath");
            }
            List<String> files = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        files.add(line);
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
