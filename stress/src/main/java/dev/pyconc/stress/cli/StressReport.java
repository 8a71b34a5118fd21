package dev.pyconc.stress.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A stress run's report: {@code summary.json} (Jackson) and Allure 2 results (allure-java-commons), labelled
 * like the conformance results ({@code parentSuite} = the Python module) so both can share one Allure report.
 *
 * @param run what ran, where and how
 * @param tests every test's result
 */
@JsonPropertyOrder({"run", "tests"})
public record StressReport(Run run, List<StressTestResult> tests) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The run.
     *
     * @param adapter the adapter's name
     * @param profile quick, default or tough
     * @param testRegex the {@code --test} filter, or null
     * @param tools the tools run (jcstress, lincheck)
     * @param jvm Java runtime name and version
     * @param os operating system and processors
     * @param startedAtMillis start, epoch milliseconds
     * @param durationSeconds wall time of the whole run
     * @param jcstressExitCode the jcstress JVM's exit code, or null when it did not run
     * @param passed true when nothing failed
     */
    @JsonPropertyOrder({"adapter", "profile", "testRegex", "tools", "jvm", "os", "startedAtMillis", "durationSeconds",
            "jcstressExitCode", "passed"})
    public record Run(String adapter, String profile, String testRegex, List<String> tools, String jvm, String os,
            long startedAtMillis, double durationSeconds, Integer jcstressExitCode, boolean passed) {}

    /** Writes {@code summary.json} into {@code dir}. */
    public void writeJson(Path file) {
        try {
            Files.createDirectories(file.getParent());
            MAPPER.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes one Allure result per test into {@code dir}, after removing an earlier run's results there. */
    public void writeAllure(Path dir, Path outDir) {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*-result.json")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
            FileSystemResultsWriter writer = new FileSystemResultsWriter(dir);
            for (StressTestResult t : tests) {
                writer.write(toAllure(t, outDir));
            }
            Files.writeString(dir.resolve("environment.properties"),
                    "adapter=" + run.adapter() + "\nstress.profile=" + run.profile() + "\njvm=" + run.jvm()
                            + "\nos=" + run.os() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure results to " + dir + ": " + e.getMessage(), e);
        }
    }

    private TestResult toAllure(StressTestResult t, Path outDir) throws IOException {
        String module = t.primitive().contains(".") ? t.primitive().substring(0, t.primitive().indexOf('.')) : "stress";
        List<Label> labels = new ArrayList<>();
        labels.add(label("parentSuite", module));
        labels.add(label("module", module));
        labels.add(label("epic", module));
        labels.add(label("suite", "stress: " + t.tool()));
        labels.add(label("feature", t.primitive()));
        labels.add(label("tag", "stress"));
        labels.add(label("tag", t.tool()));
        labels.add(label("framework", t.tool()));
        labels.add(label("language", "java"));
        StringBuilder description = new StringBuilder();
        for (StressTestResult.Outcome o : t.outcomes()) {
            description.append("- ").append(o.result()).append(": ").append(o.samples()).append(' ')
                    .append(o.expect()).append(" (").append(o.description()).append(")\n");
        }
        long stop = run.startedAtMillis() + Math.round(run.durationSeconds() * 1000);
        long duration = t.durationSeconds() == null ? 0 : Math.round(t.durationSeconds() * 1000);
        TestResult r = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setHistoryId(md5(run.adapter() + "\n" + run.profile() + "\n" + t.test()))
                .setTestCaseId(md5(t.test()))
                .setFullName(t.test())
                .setName(t.tool() + ": " + t.test().substring(t.test().lastIndexOf('.') + 1))
                .setDescription(description.toString())
                .setLabels(labels)
                .setParameters(List.of(new Parameter().setName("adapter").setValue(run.adapter()),
                        new Parameter().setName("profile").setValue(run.profile())))
                .setStatus(t.passed() ? Status.PASSED : t.forbiddenSeen() ? Status.FAILED : Status.BROKEN)
                .setStage(Stage.FINISHED)
                .setStart(stop - duration)
                .setStop(stop);
        if (!t.passed()) {
            String trace = null;
            if (t.traceFile() != null) {
                trace = Files.readString(outDir.resolve(t.traceFile()), StandardCharsets.UTF_8);
            }
            r.setStatusDetails(new StatusDetails().setMessage(t.status() + (t.message() == null ? "" : ": " + t.message()))
                    .setTrace(trace));
        }
        return r;
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
