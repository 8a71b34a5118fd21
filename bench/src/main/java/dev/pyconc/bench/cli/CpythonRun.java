package dev.pyconc.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times the rows' operations on a Python with the bench's script ({@code dev/pyconc/bench/cpython_bench.py}), run
 * as a child process ({@code python -E -s}) with a deadline. The full run takes the best of 5 {@code timeit}
 * repeats of about 1 s each per operation; {@code quick}, one repeat of about 0.1 s.
 */
final class CpythonRun {
    static final String SCRIPT = "/dev/pyconc/bench/cpython_bench.py";
    /** Full run: best of this many repeats. */
    static final int REPEAT = 5;
    /** Full run: seconds one repeat takes, about. */
    static final double TARGET_SECONDS = 1.0;
    static final double QUICK_TARGET_SECONDS = 0.1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the script said.
     *
     * @param version the Python's version (e.g. {@code 3.14.3}), with its implementation's name
     * @param executable its {@code sys.executable}
     * @param nsPerOp per row id, the best repeat in nanoseconds per operation
     * @param repeats how many repeats each operation was timed
     * @param targetSeconds about how long each repeat took
     * @param raw the script's JSON, as it printed it
     */
    record Outcome(String version, String executable, Map<String, Double> nsPerOp, int repeats, double targetSeconds,
            String raw) {}

    private CpythonRun() {}

    /** The deadline for timing {@code ops} operations. */
    static Duration deadline(int ops, boolean quick) {
        return Duration.ofSeconds(60 + (quick ? 10L : 30L) * ops);
    }

    /**
     * Runs the script on {@code python} for row ids {@code ids}.
     *
     * @throws IllegalStateException if the script cannot be started, fails, prints no JSON or passes its deadline
     *     (the child is killed then)
     */
    static Outcome run(String python, List<String> ids, boolean quick) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pyconc-bench-");
        try {
            Path script = dir.resolve("cpython_bench.py");
            try (InputStream in = CpythonRun.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + SCRIPT + " is missing from the class path");
                }
                Files.copy(in, script);
            }
            int repeats = quick ? 1 : REPEAT;
            double target = quick ? QUICK_TARGET_SECONDS : TARGET_SECONDS;
            List<String> cmd = new ArrayList<>(List.of(python, "-E", "-s", script.toString(),
                    "--repeat", Integer.toString(repeats), "--target-seconds", Double.toString(target)));
            cmd.addAll(ids);
            Path stdout = dir.resolve("stdout");
            Path stderr = dir.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + python + ": " + e.getMessage(), e);
            }
            Duration deadline = deadline(ids.size(), quick);
            if (!p.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(python + " did not finish timing within " + deadline.toSeconds()
                        + " s (killed)" + tail(stderr));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException(python + " exited with status " + p.exitValue() + tail(stderr));
            }
            JsonNode root;
            try {
                root = JSON.readTree(out);
            } catch (IOException e) {
                throw new IllegalStateException(python + " printed no JSON: " + abbreviate(out), e);
            }
            Map<String, Double> nsPerOp = new LinkedHashMap<>();
            root.path("results").fields().forEachRemaining(e -> nsPerOp.put(e.getKey(), e.getValue().path("ns_per_op").asDouble()));
            return new Outcome(root.path("implementation").asText("Python") + " " + root.path("version").asText("?"),
                    root.path("executable").asText(python), nsPerOp, repeats, target, out);
        } finally {
            deleteTree(dir);
        }
    }

    private static String tail(Path stderr) {
        try {
            String s = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8).strip() : "";
            return s.isEmpty() ? "" : ": " + abbreviate(s.substring(Math.max(0, s.length() - 400)));
        } catch (IOException e) {
            return "";
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s*\\R\\s*", " | ");
        return one.length() <= 400 ? one : one.substring(0, 400) + "...";
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
