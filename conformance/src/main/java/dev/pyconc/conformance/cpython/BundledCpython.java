package dev.pyconc.conformance.cpython;

import dev.pyconc.conformance.BuildDir;
import dev.pyconc.spi.AdapterUnavailableException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPythons pyconc takes from Maven Central (org.bytedeco:cpython), selected by name with option
 * {@code python} ({@code --python}): {@value #V314} (the default, a dependency of pyconc) and {@value #V313}.
 * JavaCPP's {@code Loader} unpacks either into its cache ({@code ~/.javacpp/cache/}) on first use and returns the
 * interpreter's path.
 *
 * <p>CPython 3.13.5 was built with JavaCPP 1.5.12 and pyconc depends on 1.5.13 (one version per artifact), so the
 * build copies the 3.13 jars and their JavaCPP into {@code conformance/target/cpython-3.13} (or the folder named by
 * {@code -Dpyconc.cpython313Dir}) and they are loaded there with a class loader of their own.
 */
public final class BundledCpython {
    /** The name of CPython 3.14 from org.bytedeco:cpython 3.14.3-1.5.13 (the default). */
    public static final String V314 = "cpython-3.14";
    /** The name of CPython 3.13 from org.bytedeco:cpython 3.13.5-1.5.12. */
    public static final String V313 = "cpython-3.13";
    /** The names, for help texts. */
    public static final List<String> NAMES = List.of(V314, V313);
    static final String DIR_PROPERTY = "pyconc.cpython313Dir";

    private static volatile String python313;

    private BundledCpython() {}

    /** The interpreter path for one of {@link #NAMES}; empty for any other value (a path or a command). */
    public static Optional<String> executable(String name) {
        if (V314.equals(name)) {
            return Optional.of(python314());
        }
        if (V313.equals(name)) {
            return Optional.of(python313());
        }
        return Optional.empty();
    }

    /**
     * Why {@code name} (one of {@link #NAMES}) cannot be had without unpacking anything, or empty when it is
     * there (for {@code pyconc matrix}, which lists unavailable implementations before running).
     */
    public static Optional<String> missing(String name) {
        if (V313.equals(name) && BuildDir.find(DIR_PROPERTY, "cpython-3.13").isEmpty()) {
            return Optional.of("CPython 3.13 jars not found in " + BuildDir.describe(DIR_PROPERTY, "cpython-3.13")
                    + " (the build copies them there: ./mvnw -DskipTests package)");
        }
        return Optional.empty();
    }

    /** The python3.14 executable of org.bytedeco:cpython, unpacked by JavaCPP. */
    static String python314() {
        try {
            String path = org.bytedeco.javacpp.Loader.load(org.bytedeco.cpython.python.class);
            if (path == null || path.isBlank()) {
                throw new AdapterUnavailableException("cpython adapter: org.bytedeco:cpython gave no python executable");
            }
            return path;
        } catch (AdapterUnavailableException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new AdapterUnavailableException("cpython adapter: cannot unpack CPython from org.bytedeco:cpython ("
                    + e + "); set -Dpyconc.python=/path/to/python3", e);
        }
    }

    /** The python3.13 executable of org.bytedeco:cpython 3.13.5-1.5.12, unpacked by its own JavaCPP. */
    static synchronized String python313() {
        if (python313 != null) {
            return python313;
        }
        missing(V313).ifPresent(why -> {
            throw new AdapterUnavailableException("cpython adapter: " + why);
        });
        Path dir = BuildDir.find(DIR_PROPERTY, "cpython-3.13").orElseThrow();
        URL[] jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().map(BundledCpython::url)
                    .toArray(URL[]::new);
        } catch (IOException e) {
            throw new AdapterUnavailableException("cpython adapter: cannot list " + dir + ": " + e.getMessage(), e);
        }
        // Parent: the platform loader, so that this JavaCPP and these presets never meet pyconc's own 1.5.13.
        // The loader stays open: JavaCPP has loaded native code through it.
        URLClassLoader cl = new URLClassLoader("cpython-3.13", jars, ClassLoader.getPlatformClassLoader());
        try {
            Class<?> loader = Class.forName("org.bytedeco.javacpp.Loader", true, cl);
            Class<?> presets = Class.forName("org.bytedeco.cpython.python", false, cl);
            Object path = loader.getMethod("load", Class.class).invoke(null, presets);
            if (!(path instanceof String s) || s.isBlank()) {
                throw new AdapterUnavailableException("cpython adapter: org.bytedeco:cpython 3.13 gave no python executable");
            }
            python313 = s;
            return s;
        } catch (InvocationTargetException e) {
            throw new AdapterUnavailableException("cpython adapter: cannot unpack CPython 3.13 from " + dir + " ("
                    + e.getCause() + ")", e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            if (e instanceof AdapterUnavailableException a) {
                throw a;
            }
            throw new AdapterUnavailableException("cpython adapter: cannot unpack CPython 3.13 from " + dir + " (" + e + ")", e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
