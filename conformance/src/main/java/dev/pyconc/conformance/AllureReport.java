package dev.pyconc.conformance;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a run's results as Allure 2 results (one {@code *-result.json} per case) with allure-java-commons,
 * for {@code allure generate} / {@code allure serve}.
 *
 * <ul>
 *   <li>labels: {@code parentSuite}/{@code epic}/{@code module} = the Python module, {@code suite}/{@code testClass}
 *       = the case class, {@code testMethod}, {@code feature} = each behaviour's dotted API, {@code story} and
 *       {@code behaviour} = each behaviour id, {@code tag} = the catalog tags;</li>
 *   <li>one link per behaviour to its documentation anchor;</li>
 *   <li>status: PASS passed, FAIL failed, ERROR and TIMEOUT broken, NOT_APPLICABLE and SKIPPED skipped, with
 *       the reason (prefixed by the pyconc status) in the status details; XFAIL (an expected failure) skipped and
 *       XPASS (an unexpected pass) passed, or failed under {@code --strict}, each with the expectation's reason
 *       and a {@code tag} label {@code XFAIL} or {@code XPASS};</li>
 *   <li>the adapter as the parameter {@code adapter}, so runs of several adapters can share a report.</li>
 * </ul>
 */
public final class AllureReport {
    private AllureReport() {}

    /**
     * Writes every result of {@code report} into {@code dir}, after removing the {@code *-result.json} files
     * of an earlier run there, plus an {@code environment.properties} describing the run.
     */
    public static void write(RunReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*-result.json")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
            FileSystemResultsWriter writer = new FileSystemResultsWriter(dir);
            for (CaseResult c : report.cases()) {
                writer.write(toAllure(report.run(), c, report.strict()));
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("environment.properties"), StandardCharsets.UTF_8)) {
                RunInfo r = report.run();
                w.write(prop("adapter", r.adapter()));
                w.write(prop("implementation", r.implementation()));
                w.write(prop("python.version", r.pythonVersion()));
                w.write(prop("features", String.join(",", r.features())));
                w.write(prop("jvm", r.jvm()));
                w.write(prop("os", r.os()));
                w.write(prop("suite.commit", r.suiteCommit()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure results to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String prop(String k, String v) {
        String value = v == null ? "" : v.replace("\\", "\\\\").replace("\n", "\\n");
        return k + "=" + value + "\n";
    }

    /** The Allure result of one case of a run without {@code --strict}. */
    static TestResult toAllure(RunInfo run, CaseResult c) {
        return toAllure(run, c, false);
    }

    /** The Allure result of one case; {@code strict}: an XPASS is failed. */
    static TestResult toAllure(RunInfo run, CaseResult c, boolean strict) {
        List<Label> labels = new ArrayList<>();
        String className = c.id().contains("#") ? c.id().substring(0, c.id().indexOf('#')) : c.id();
        String simpleClass = className.substring(className.lastIndexOf('.') + 1);
        String method = c.id().contains("#") ? c.id().substring(c.id().indexOf('#') + 1) : c.name();
        labels.add(label("parentSuite", c.module()));
        labels.add(label("module", c.module()));
        labels.add(label("epic", c.module()));
        labels.add(label("suite", simpleClass));
        labels.add(label("testClass", className));
        labels.add(label("testMethod", method));
        labels.add(label("package", className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : ""));
        labels.add(label("framework", "pyconc"));
        labels.add(label("language", "java"));
        List<Link> links = new ArrayList<>();
        Set<String> features = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        StringBuilder description = new StringBuilder();
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
        features.forEach(f -> labels.add(label("feature", f)));
        tags.forEach(t -> labels.add(label("tag", t)));
        if (c.status() == Status.XFAIL || c.status() == Status.XPASS) {
            labels.add(label("tag", c.status().label()));
        }
        TestResult r = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(md5(run.adapter() + "\n" + c.id()))
                .setTestCaseId(md5(c.id()))
                .setFullName(c.id())
                .setName(c.name())
                .setDescription(description.toString())
                .setLabels(labels)
                .setLinks(links)
                .setParameters(List.of(new Parameter().setName("adapter").setValue(run.adapter())))
                .setStatus(c.status() == Status.XPASS && strict ? io.qameta.allure.model.Status.FAILED : status(c.status()))
                .setStage(Stage.FINISHED)
                .setStart(c.startedAtMillis())
                .setStop(c.startedAtMillis() + Math.round(c.durationSeconds() * 1000));
        if (c.status() != Status.PASS) {
            String msg = c.status().name() + (c.expectation() == null ? "" : " (" + c.expectationNote() + ")")
                    + (c.message() == null ? "" : ": " + c.message());
            String trace = c.trace();
            if (c.threadDump() != null) {
                trace = (trace == null ? "" : trace + "\n") + c.threadDump();
            }
            r.setStatusDetails(new StatusDetails().setMessage(msg).setTrace(trace));
        }
        return r;
    }

    /** pyconc status to Allure status (an XPASS is failed instead under {@code --strict}). */
    static io.qameta.allure.model.Status status(Status s) {
        return switch (s) {
            case PASS -> io.qameta.allure.model.Status.PASSED;
            case FAIL -> io.qameta.allure.model.Status.FAILED;
            case ERROR, TIMEOUT -> io.qameta.allure.model.Status.BROKEN;
            case XPASS -> io.qameta.allure.model.Status.PASSED;
            case XFAIL, NOT_APPLICABLE, SKIPPED -> io.qameta.allure.model.Status.SKIPPED;
        };
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
