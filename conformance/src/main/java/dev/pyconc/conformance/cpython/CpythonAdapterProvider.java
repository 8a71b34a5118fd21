package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;

/**
 * Provides the {@code cpython} adapter. Option {@code python} (system property {@code pyconc.python}, or
 * {@code --python}): the interpreter, a path or a command on PATH, or one of the CPythons from Maven Central,
 * {@code cpython-3.14} (the default) or {@code cpython-3.13} (see {@link BundledCpython}), unpacked by JavaCPP
 * into its cache on first use. Option {@code startMethod} ({@code pyconc.startMethod}): the start method the
 * {@code multiprocessing} module's calls use (default forkserver where the platform has it, else spawn).
 */
public final class CpythonAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "cpython";
    }

    @Override
    public String description() {
        return "a real Python interpreter driven over pipes (default: CPython 3.14 from org.bytedeco:cpython; "
                + "options python=PATH|cpython-3.14|cpython-3.13, probeTimeout=SECONDS for trying out a pool feature, "
                + "startMethod=spawn|forkserver|fork for multiprocessing, default forkserver where available)";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        String given = config.get("python").orElse(BundledCpython.V314);
        String python = BundledCpython.executable(given).orElse(given);
        return new CpythonAdapter(Interpreter.of(python), probeSeconds(config), config.get("startMethod").orElse(null));
    }

    /**
     * The bound of a pool feature's probe: option {@code probeTimeout}, else {@link CpythonAdapter#PROBE_SECONDS}
     * times the timing factor (a slow implementation starts its pools slowly too).
     */
    public static double probeSeconds(AdapterConfig config) {
        return config.get("probeTimeout").map(Double::parseDouble)
                .orElse(CpythonAdapter.PROBE_SECONDS * dev.pyconc.spec.harness.Timing.factor());
    }

    /** The python3.14 executable of org.bytedeco:cpython, unpacked by JavaCPP. */
    static String bundledPython() {
        return BundledCpython.python314();
    }
}
