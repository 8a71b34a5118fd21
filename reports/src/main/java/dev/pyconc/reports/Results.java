package dev.pyconc.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.reports.stress.StressReport;
import dev.pyconc.reports.stress.StressTestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run and its results in the one model ({@link RunRecord}, {@link ResultRecord}), read from a conformance
 * results file ({@value #FORMAT}) or a stress {@code summary.json}.
 *
 * @param run the run
 * @param results its results, in the order they were written
 * @param stress for a stress run, its summary as written (jcstress outcomes per test); null otherwise
 * @param source the file read, or null
 */
public record Results(RunRecord run, List<ResultRecord> results, StressReport stress, Path source) {
    /** The conformance results format this reads (written by the runner's {@code RunReport}). */
    public static final String FORMAT = "pyconc-results/1";

    public Results {
        results = List.copyOf(results);
    }

    /**
     * Reads a results file: a conformance {@code results.json}, or a stress {@code summary.json}. A folder stands
     * for the {@code results.json} or {@code summary.json} in it.
     */
    public static Results read(Path path) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = Files.isRegularFile(path.resolve("results.json")) ? path.resolve("results.json") : path.resolve("summary.json");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no results file at " + path + " (expected a results.json or summary.json)");
        }
        JsonNode root = Json.tree(file);
        if (root.path("format").asText("").equals(FORMAT)) {
            return ofConformance(root, file);
        }
        if (root.has("run") && root.has("tests")) {
            try {
                StressReport s = Json.mapper().treeToValue(root, StressReport.class);
                return ofStress(s, file.toAbsolutePath().getParent(), file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " as a stress summary: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(file + " is neither pyconc results (format " + FORMAT
                + ") nor a stress summary (run, tests)");
    }

    /** The environment key that says whether the run was {@code --strict} about its expectations. */
    public static final String STRICT = "expectations.strict";

    /** The expectations note of a result with an {@code expectation} object (see {@link ResultRecord#expectationNote}). */
    static String expectationNote(String status, JsonNode e) {
        List<String> expected = new ArrayList<>();
        e.path("statuses").forEach(x -> expected.add(x.asText()));
        return ResultRecord.expectationNote("XFAIL".equals(status), expected, text(e, "reason"), text(e, "outcome"));
    }

    /**
     * The results of a conformance results tree (format {@value #FORMAT}). Statuses are kept as written, so a
     * newer runner's words (XFAIL, XPASS) come through.
     */
    public static Results ofConformance(JsonNode root, Path source) {
        JsonNode r = root.path("run");
        Map<String, Integer> counts = new LinkedHashMap<>();
        r.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("adapter", text(r, "adapter"));
        env.put("implementation", text(r, "implementation"));
        env.put("python.version", text(r, "pythonVersion"));
        List<String> features = new ArrayList<>();
        r.path("features").forEach(f -> features.add(f.asText()));
        env.put("features", String.join(",", features));
        env.put("jvm", text(r, "jvm"));
        env.put("os", text(r, "os"));
        env.put("suite.commit", text(r, "suiteCommit"));
        JsonNode ex = root.path("expectations"); // top level, beside run and cases
        if (ex.isObject()) {
            env.put("expectations", text(ex, "source"));
            env.put(STRICT, String.valueOf(ex.path("strict").asBoolean(false)));
        }
        RunRecord run = new RunRecord("conformance", text(r, "adapter"), text(r, "implementation"),
                text(r, "pythonVersion"), text(r, "startedAt"), text(r, "suiteCommit"), text(r, "profile"),
                r.path("durationSeconds").asDouble(), counts, Map.of("adapter", String.valueOf(text(r, "adapter"))), env);
        List<ResultRecord> out = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            String id = text(c, "id");
            String cls = id != null && id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
            String simple = cls == null ? null : cls.substring(cls.lastIndexOf('.') + 1);
            List<String> behaviours = new ArrayList<>();
            c.path("behaviours").forEach(b -> behaviours.add(b.asText()));
            String trace = text(c, "trace");
            String dump = text(c, "threadDump");
            if (dump != null) {
                trace = (trace == null ? "" : trace + "\n") + dump;
            }
            String status = text(c, "status");
            JsonNode e = c.path("expectation");
            String note = e.isObject() ? expectationNote(status, e) : null;
            out.add(new ResultRecord(id, text(c, "name"), text(c, "module"), simple, behaviours, null,
                    note == null ? List.of() : List.of(status), c.path("implementationDetail").asBoolean(false), status,
                    text(c, "message"), trace, null, c.path("startedAtMillis").asLong(),
                    c.path("durationSeconds").asDouble(), note));
        }
        return new Results(run, out, null, source);
    }

    /**
     * The results of a stress run: PASS, FAIL (a forbidden jcstress outcome or a non-linearizable run) or ERROR
     * (anything else that did not pass), the tool's own verdict leading the message. Lincheck traces are read
     * from {@code outDir} when they are there.
     */
    public static Results ofStress(StressReport s, Path outDir, Path source) {
        StressReport.Run r = s.run();
        long stop = r.startedAtMillis() + Math.round(r.durationSeconds() * 1000);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<ResultRecord> out = new ArrayList<>();
        for (StressTestResult t : s.tests()) {
            String status = t.passed() ? "PASS" : t.forbiddenSeen() ? "FAIL" : "ERROR";
            counts.merge(status, 1, Integer::sum);
            String module = t.primitive().contains(".") ? t.primitive().substring(0, t.primitive().indexOf('.')) : "stress";
            StringBuilder description = new StringBuilder();
            for (StressTestResult.Outcome o : t.outcomes()) {
                description.append("- ").append(o.result()).append(": ").append(o.samples()).append(' ')
                        .append(o.expect()).append(" (").append(o.description()).append(")\n");
            }
            String trace = null;
            if (!t.passed() && t.traceFile() != null && outDir != null && Files.isRegularFile(outDir.resolve(t.traceFile()))) {
                try {
                    trace = Files.readString(outDir.resolve(t.traceFile()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + outDir.resolve(t.traceFile()) + ": " + e.getMessage(), e);
                }
            }
            long duration = t.durationSeconds() == null ? 0 : Math.round(t.durationSeconds() * 1000);
            out.add(new ResultRecord(t.test(), t.tool() + ": " + t.test().substring(t.test().lastIndexOf('.') + 1), module,
                    "stress: " + t.tool(), List.of(), t.primitive(), List.of("stress", t.tool()), false, status,
                    t.passed() ? null : t.status() + (t.message() == null ? "" : ": " + t.message()), trace,
                    description.toString(), stop - duration, duration / 1000.0));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("adapter", r.adapter());
        params.put("profile", r.profile());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("adapter", r.adapter());
        env.put("stress.profile", r.profile());
        env.put("jvm", r.jvm());
        env.put("os", r.os());
        RunRecord run = new RunRecord("stress", r.adapter(), null, null,
                java.time.Instant.ofEpochMilli(r.startedAtMillis()).toString(), null, r.profile(), r.durationSeconds(),
                counts, params, env);
        return new Results(run, out, s, source);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
