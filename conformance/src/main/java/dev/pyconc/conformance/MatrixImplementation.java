package dev.pyconc.conformance;

import dev.pyconc.conformance.cpython.BundledCpython;
import dev.pyconc.conformance.graalpy.GraalpyAdapterProvider;
import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One implementation of {@code pyconc matrix}: a name, the adapter and interpreter that run it, the timing factor
 * it needs by default, and how to tell without starting it whether it is on this machine.
 *
 * @param name the implementation's name in the matrix and its results file ({@code <name>.json})
 * @param adapter the adapter to run
 * @param python the {@code --python} value, or null
 * @param timingFactor the timing factor used unless {@code --timing-factor} is given
 * @param missing why it cannot run here, or empty
 */
record MatrixImplementation(String name, String adapter, String python, double timingFactor,
        Supplier<Optional<String>> missing) {
    /** GraalPy's default factor: its process pools start each worker as a new JVM (tens of seconds on 2 cores). */
    static final double GRAALPY_TIMING_FACTOR = 6;

    /**
     * Every implementation pyconc knows, in matrix order: the reference, CPython 3.14 and 3.13 from Maven
     * Central, the machine's python3, PyPy (pypy3), GraalPy, then every other adapter found with ServiceLoader.
     */
    static List<MatrixImplementation> all() {
        List<MatrixImplementation> out = new ArrayList<>();
        out.add(new MatrixImplementation("reference", "reference", null, 1, Optional::empty));
        out.add(new MatrixImplementation(BundledCpython.V314, "cpython", BundledCpython.V314, 1,
                () -> BundledCpython.missing(BundledCpython.V314)));
        out.add(new MatrixImplementation(BundledCpython.V313, "cpython", BundledCpython.V313, 1,
                () -> BundledCpython.missing(BundledCpython.V313)));
        out.add(new MatrixImplementation("python3", "cpython", "python3", 1, () -> onPath("python3", "")));
        out.add(new MatrixImplementation("pypy3", "cpython", "pypy3", 1,
                () -> onPath("pypy3", " (Debian: apt-get install pypy3)")));
        out.add(new MatrixImplementation("graalpy", "graalpy", null, GRAALPY_TIMING_FACTOR,
                () -> GraalpyAdapterProvider.missing(AdapterConfig.fromSystemProperties())));
        Set<String> known = Set.of("reference", "cpython", "graalpy");
        for (AdapterProvider p : Adapters.providers()) {
            if (!known.contains(p.name()) && out.stream().noneMatch(i -> i.name().equals(p.name()))) {
                out.add(new MatrixImplementation(p.name(), p.name(), null, 1, Optional::empty));
            }
        }
        return out;
    }

    /** Whether the implementation runs in the runner's JVM (no interpreter process). */
    boolean inJvm() {
        return !adapter.equals("cpython") && !adapter.equals("graalpy");
    }

    private static Optional<String> onPath(String command, String hint) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(command + " not on PATH" + hint);
    }
}
