package dev.pyconc.conformance.graalpy;

import dev.pyconc.conformance.cpython.CpythonAdapter;
import dev.pyconc.conformance.cpython.CpythonAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import java.util.Optional;

/**
 * Provides the {@code graalpy} adapter: GraalPy (org.graalvm.polyglot:python from Maven Central, nothing installed
 * by hand) driven over pipes by the cpython adapter's bridge, the same agent script and the same session, under
 * the launcher {@link GraalpyLauncher} writes.
 *
 * <p>Why a launcher rather than a polyglot {@code Context} in pyconc's JVM: the agent speaks over pipes, so a
 * separate process needs no second bridge; GraalPy then gets a JVM of its own (Java 24+ for its native POSIX
 * backend, while pyconc runs on 17), a crash or hang of GraalPy cannot take the runner down, and its process
 * pools start workers through {@code sys.executable} as they would from an installed graalpy.
 *
 * <p>Options ({@code -Dpyconc.NAME}): {@code graalpyJava} (a JDK folder or java executable to run GraalPy on),
 * {@code probeTimeout} (as for cpython). GraalPy starts in seconds: the agent's hello may take up to 60 s.
 */
public final class GraalpyAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "graalpy";
    }

    @Override
    public String description() {
        return "GraalPy from org.graalvm.polyglot:python (Maven Central), run as a launcher on a JDK (24+ preferred) "
                + "and driven over pipes like cpython; options graalpyJava=JDK, probeTimeout=SECONDS";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new CpythonAdapter(GraalpyLauncher.create(config), CpythonAdapterProvider.probeSeconds(config));
    }

    /** Why the adapter cannot run on this machine, or empty when it can (nothing is started to find out). */
    public static Optional<String> missing(AdapterConfig config) {
        return GraalpyLauncher.missing(config);
    }
}
