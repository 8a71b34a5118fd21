package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.AdapterUnavailableException;

/**
 * Provides the {@code cpython} adapter. Option {@code python} (system property {@code pyconc.python}): the
 * interpreter, a path or a command on PATH; default: CPython 3.14 from Maven Central (org.bytedeco:cpython),
 * unpacked by JavaCPP into its cache on first use.
 */
public final class CpythonAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "cpython";
    }

    @Override
    public String description() {
        return "a real Python interpreter driven over pipes (default: CPython 3.14 from org.bytedeco:cpython; "
                + "options python=PATH, probeTimeout=SECONDS for trying out a pool feature)";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        String python = config.get("python").orElseGet(CpythonAdapterProvider::bundledPython);
        // A slow implementation (one run with a larger timing factor) starts its pools slowly too.
        double probeSeconds = config.get("probeTimeout").map(Double::parseDouble)
                .orElse(CpythonAdapter.PROBE_SECONDS * dev.pyconc.spec.harness.Timing.factor());
        return new CpythonAdapter(python, probeSeconds);
    }

    /** The python3.14 executable of org.bytedeco:cpython, unpacked by JavaCPP. */
    static String bundledPython() {
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
}
