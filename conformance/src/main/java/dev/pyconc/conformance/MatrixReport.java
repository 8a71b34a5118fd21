package dev.pyconc.conformance;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * INTEGRATION HOOK (issue 10, sections 2 and 3): what {@code pyconc matrix} does with its results files once every
 * implementation has run. The one place to wire the report builder of the {@code reports} module, e.g.
 * {@code (results, outDir, out) -> HtmlReport.write(results, outDir)}: replace {@link #BUILDER}.
 */
@FunctionalInterface
public interface MatrixReport {
    /**
     * Builds the report of these results files (one {@code results.json} per implementation, in matrix order)
     * into {@code outDir}; says where on {@code out}.
     */
    void write(List<Path> results, Path outDir, PrintWriter out) throws java.io.IOException;

    /** Until the reports module is wired: lists the results files a report would be built from. */
    MatrixReport PRINT_PATHS = (results, outDir, out) -> {
        out.println("matrix: no report builder wired yet (MatrixReport.BUILDER); results files:");
        for (Path p : results) {
            out.println("  " + p);
        }
    };

    /** The builder {@code pyconc matrix} calls. */
    MatrixReport BUILDER = PRINT_PATHS;
}
