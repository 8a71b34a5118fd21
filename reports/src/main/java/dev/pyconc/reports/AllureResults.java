package dev.pyconc.reports;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes results as Allure 2 results (one {@code *-result.json} per result) with allure-java-commons, for
 * {@code allure generate}; conformance and stress results share the labels, so both go into one report.
 *
 * <ul>
 *   <li>labels: {@code parentSuite}/{@code epic}/{@code module} = the Python module, {@code suite} = the case
 *       class (or {@code stress: <tool>}), {@code testClass}/{@code testMethod}/{@code package} for a case,
 *       {@code feature} = each behaviour's dotted API (or the stress test's API), {@code story} and
 *       {@code behaviour} = each behaviour id, {@code tag} = the catalog tags and the result's own;</li>
 *   <li>one link per behaviour to its documentation anchor;</li>
 *   <li>status: see {@link #status(String)}; the reason, led by pyconc's status, in the status details;</li>
 *   <li>the run's {@link RunRecord#parameters() parameters} (the adapter, a stress profile) as Allure
 *       parameters, so runs of several adapters can share a report.</li>
 * </ul>
 */
public final class AllureResults {
    private AllureResults() {}

    /**
     * Writes every result into {@code dir}, after removing the {@code *-result.json} files of an earlier run
     * there, plus an {@code environment.properties} from the run's environment.
     */
    public static void write(Results results, Path dir) {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*-result.json")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
            FileSystemResultsWriter writer = new FileSystemResultsWriter(dir);
            for (ResultRecord r : results.results()) {
                writer.write(toAllure(results.run(), r));
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("environment.properties"), StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> e : results.run().environment().entrySet()) {
                    w.write(prop(e.getKey(), e.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure results to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String prop(String k, String v) {
        String value = v == null ? "" : v.replace("\\", "\\\\").replace("\n", "\\n");
        return k + "=" + value + "\n";
    }

    /** The Allure result of one result. */
    public static TestResult toAllure(RunRecord run, ResultRecord c) {
        List<Label> labels = new ArrayList<>();
        labels.add(label("parentSuite", c.module()));
        labels.add(label("module", c.module()));
        labels.add(label("epic", c.module()));
        labels.add(label("suite", c.suite()));
        if (c.id().contains("#")) {
            String className = c.id().substring(0, c.id().indexOf('#'));
            labels.add(label("testClass", className));
            labels.add(label("testMethod", c.id().substring(c.id().indexOf('#') + 1)));
            labels.add(label("package", className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : ""));
        }
        labels.add(label("framework", "pyconc"));
        labels.add(label("language", "java"));
        List<Link> links = new ArrayList<>();
        Set<String> features = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        StringBuilder description = new StringBuilder();
        if (c.api() != null) {
            features.add(c.api());
        }
        for (String id : c.behaviours()) {
            labels.add(label("behaviour", id));
            labels.add(label("story", id));
            Optional<Behaviour> b = Catalog.standard().find(id);
            if (b.isPresent()) {
                features.add(b.get().api());
                tags.addAll(b.get().tags());
                links.add(new Link().setName(id).setUrl(b.get().doc()).setType("link"));
                description.append("- ").append(id).append(": ").append(b.get().summary()).append('\n');
            }
        }
        tags.addAll(c.tags());
        if (c.description() != null) {
            description.append(c.description());
        }
        features.forEach(f -> labels.add(label("feature", f)));
        tags.forEach(t -> labels.add(label("tag", t)));
        List<Parameter> parameters = new ArrayList<>();
        StringBuilder history = new StringBuilder();
        for (Map.Entry<String, String> p : run.parameters().entrySet()) {
            parameters.add(new Parameter().setName(p.getKey()).setValue(p.getValue()));
            history.append(p.getValue()).append('\n');
        }
        TestResult r = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(md5(history + c.id()))
                .setTestCaseId(md5(c.id()))
                .setFullName(c.id())
                .setName(c.name())
                .setDescription(description.toString())
                .setLabels(labels)
                .setLinks(links)
                .setParameters(parameters)
                .setStatus("XPASS".equals(c.status()) && "true".equals(run.environment().get(Results.STRICT))
                        ? Status.FAILED : status(c.status()))
                .setStage(Stage.FINISHED)
                .setStart(c.startedAtMillis())
                .setStop(c.startedAtMillis() + Math.round(c.durationSeconds() * 1000));
        if (!"PASS".equals(c.status())) {
            String msg = c.status() + (c.expectation() == null ? "" : " (" + c.expectation() + ")")
                    + (c.message() == null ? "" : ": " + c.message());
            r.setStatusDetails(new StatusDetails().setMessage(msg).setTrace(c.trace()));
        }
        return r;
    }

    /**
     * pyconc's status word to Allure's: PASS passed; FAIL failed; ERROR and TIMEOUT broken; NOT_APPLICABLE,
     * SKIPPED skipped; XFAIL (a failure the implementation's expectations list) skipped; XPASS (a listed
     * failure that now passes) passed (failed instead when the run was {@code --strict}, see
     * {@link #toAllure}); any other word null, which Allure shows as unknown.
     */
    public static Status status(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "PASS", "XPASS" -> Status.PASSED;
            case "FAIL" -> Status.FAILED;
            case "ERROR", "TIMEOUT" -> Status.BROKEN;
            case "NOT_APPLICABLE", "N/A", "SKIPPED", "SKIP", "XFAIL" -> Status.SKIPPED;
            default -> null;
        };
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    /** The hex MD5 of {@code s}, as Allure's history and test case ids. */
    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
