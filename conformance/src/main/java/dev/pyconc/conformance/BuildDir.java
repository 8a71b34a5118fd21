package dev.pyconc.conformance;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The conformance module's build folder ({@code conformance/target}), where the build puts what pyconc runs
 * but does not load itself: GraalPy's jars ({@code graalpy/lib}) and CPython 3.13 ({@code cpython-3.13}).
 * Found beside pyconc's own code: {@code target/pyconc.jar} or, in the build's tests, {@code target/classes}.
 */
public final class BuildDir {
    private BuildDir() {}

    /**
     * The folder {@code sub} of the build folder, or of {@code System.getProperty(property)} when that is set.
     *
     * @return the folder, if it exists
     */
    public static Optional<Path> find(String property, String sub) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        return target().map(t -> t.resolve(sub)).filter(Files::isDirectory);
    }

    /** Where {@link #find} looks for {@code sub} by default, for messages. */
    public static String describe(String property, String sub) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return given + " (-D" + property + ")";
        }
        return target().map(t -> t.resolve(sub).toString()).orElse("conformance/target/" + sub);
    }

    /** The build folder: the parent of the jar or class folder this class was loaded from. */
    public static Optional<Path> target() {
        try {
            var src = BuildDir.class.getProtectionDomain().getCodeSource();
            if (src == null || src.getLocation() == null) {
                return Optional.empty();
            }
            Path p = Path.of(src.getLocation().toURI()).toAbsolutePath();
            return Optional.ofNullable(p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
