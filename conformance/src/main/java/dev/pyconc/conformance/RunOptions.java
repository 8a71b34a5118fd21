package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 * @param profile which cases to judge: {@link Profile#DOCS} leaves out the implementation-detail cases at
 *     discovery, {@link Profile#CPYTHON} runs them too and reports them apart
 * @param expectations the implementation's known failures (listed failures become XFAIL, listed passes XPASS);
 *     null for none
 * @param strict with {@code expectations}: an XPASS or an entry that matches no case of the run fails the run
 */
public record RunOptions(String adapter, List<String> modules, List<String> ids, Path resultsDir, Path jsonFile,
        Profile profile, Expectations expectations, boolean strict) {
    public RunOptions {
        modules = modules == null ? List.of() : List.copyOf(modules);
        ids = ids == null ? List.of() : List.copyOf(ids);
        profile = Objects.requireNonNullElse(profile, Profile.DOCS);
    }

    /** The options without an expectations file. */
    public RunOptions(String adapter, List<String> modules, List<String> ids, Path resultsDir, Path jsonFile,
            Profile profile) {
        this(adapter, modules, ids, resultsDir, jsonFile, profile, null, false);
    }

    /** The options in the default profile, {@link Profile#DOCS}. */
    public RunOptions(String adapter, List<String> modules, List<String> ids, Path resultsDir, Path jsonFile) {
        this(adapter, modules, ids, resultsDir, jsonFile, Profile.DOCS);
    }

    /** Every documented case on {@code adapter}, writing nothing. */
    public static RunOptions of(String adapter) {
        return new RunOptions(adapter, List.of(), List.of(), null, null);
    }

    /** The default results folder of an adapter: {@code results/<adapter>}. */
    public static Path defaultResultsDir(String adapter) {
        return Path.of("results", adapter);
    }

    public RunOptions withModules(List<String> m) {
        return new RunOptions(adapter, m, ids, resultsDir, jsonFile, profile, expectations, strict);
    }

    public RunOptions withIds(List<String> i) {
        return new RunOptions(adapter, modules, i, resultsDir, jsonFile, profile, expectations, strict);
    }

    public RunOptions withResults(Path dir, Path json) {
        return new RunOptions(adapter, modules, ids, dir, json, profile, expectations, strict);
    }

    public RunOptions withProfile(Profile p) {
        return new RunOptions(adapter, modules, ids, resultsDir, jsonFile, p, expectations, strict);
    }

    /** With an expectations file (null for none) and, when {@code strict}, XPASS and unused entries failing the run. */
    public RunOptions withExpectations(Expectations e, boolean strictly) {
        return new RunOptions(adapter, modules, ids, resultsDir, jsonFile, profile, e, strictly);
    }
}
