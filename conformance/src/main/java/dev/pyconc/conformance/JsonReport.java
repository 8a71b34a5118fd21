package dev.pyconc.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyconc.reports.Json;
import dev.pyconc.reports.Results;
import java.nio.file.Path;

/**
 * Writes and reads a run's results as JSON (format {@value RunReport#FORMAT}) with the reports module's mapper,
 * and hands a run to the reports module's writers in its one result model.
 */
public final class JsonReport {
    private JsonReport() {}

    /** The shared mapper (pretty-printing). */
    public static ObjectMapper mapper() {
        return Json.mapper();
    }

    /** Writes {@code report} to {@code file}, creating its folder. */
    public static void write(RunReport report, Path file) {
        Json.write(report, file);
    }

    /** Reads a results file written by {@link #write}. */
    public static RunReport read(Path file) {
        return Json.read(file, RunReport.class);
    }

    /**
     * {@code report} in the reports module's model, read from its JSON tree so that the results file and the
     * run in memory go through the same reader ({@link Results#ofConformance}).
     */
    public static Results toResults(RunReport report) {
        return Results.ofConformance(Json.mapper().valueToTree(report), null);
    }
}
