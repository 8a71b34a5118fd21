package dev.pyconc.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run and where to write the results.
 *
 * @param adapter the adapter's name ({@code reference}, {@code cpython}, or any provider on the class path)
 * @param modules Python modules to keep, by their Python names (those of {@link dev.pyconc.spi.PyModule});
 *     empty for all
 * @param ids globs on behaviour ids or case ids to keep; empty for all
 * @param resultsDir folder for the JUnit XML ({@code junit/}) and Allure results ({@code allure-results/});
 *     null to write neither
 * @param jsonFile the JSON results file; null to write none
 */
public record RunOptions(String adapter, List<String> modules, List<String> ids, Path resultsDir, Path jsonFile) {
    public RunOptions {
        modules = modules == null ? List.of() : List.copyOf(modules);
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    /** Every case on {@code adapter}, writing nothing. */
    public static RunOptions of(String adapter) {
        return new RunOptions(adapter, List.of(), List.of(), null, null);
    }

    /** The default results folder of an adapter: {@code results/<adapter>}. */
    public static Path defaultResultsDir(String adapter) {
        return Path.of("results", adapter);
    }

    public RunOptions withModules(List<String> m) {
        return new RunOptions(adapter, m, ids, resultsDir, jsonFile);
    }

    public RunOptions withIds(List<String> i) {
        return new RunOptions(adapter, modules, i, resultsDir, jsonFile);
    }

    public RunOptions withResults(Path dir, Path json) {
        return new RunOptions(adapter, modules, ids, dir, json);
    }
}
