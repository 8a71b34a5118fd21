package dev.pyconc.bench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH on the benchmarks the rows name, in this JVM's class path, and keeps their scores. The full run takes
 * each benchmark's own annotations (3 x 1 s warm-up, 5 x 1 s measurement, 1 fork); {@code quick} makes it a smoke:
 * no warm-up, one short measurement iteration, no fork.
 */
final class JmhRun {
    /** Quick mode's one measurement iteration. */
    static final TimeValue QUICK_ITERATION = TimeValue.milliseconds(200);

    /**
     * One benchmark's result.
     *
     * @param nsPerOp the average time per operation, in nanoseconds; for a benchmark that samples each
     *     operation's time ({@code Mode.SampleTime}, e.g. the bridge's round trip) the median of the samples
     * @param errorNs the half-width of JMH's 99.9% confidence interval, in nanoseconds; null with too few
     *     iterations to have one, and for a median
     * @param bestNsPerOp the fastest measurement iteration's average time per operation, in nanoseconds
     * @param unit the unit JMH reported the score in (e.g. {@code us/op})
     * @param params what JMH ran (iterations, forks, JVM)
     */
    record Score(double nsPerOp, Double errorNs, double bestNsPerOp, String unit, BenchmarkParams params) {}

    private JmhRun() {}

    /**
     * Runs {@code benchmarks} (full names, class and method) and returns their scores by name; a benchmark that
     * failed (its stack trace is in JMH's output) is missing. JMH's human-readable output goes to {@code log},
     * its JSON results to {@code json}.
     */
    static Map<String, Score> run(Set<String> benchmarks, boolean quick, Path json, PrintStream log) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(false);
        for (String name : benchmarks) {
            b.include("^" + Pattern.quote(name) + "$");
        }
        if (quick) {
            b.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(QUICK_ITERATION);
        }
        Runner runner = new Runner(b.build(), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL));
        Collection<RunResult> results = runner.run();
        Map<String, Score> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            double scale = nanosPer(primary.getScoreUnit());
            double error = primary.getScoreError();
            boolean median = r.getParams().getMode() == Mode.SampleTime;
            out.put(r.getParams().getBenchmark(), new Score(
                    (median ? primary.getStatistics().getPercentile(50) : primary.getScore()) * scale,
                    !median && Double.isFinite(error) ? error * scale : null, primary.getStatistics().getMin() * scale,
                    primary.getScoreUnit(), r.getParams()));
        }
        return out;
    }

    /**
     * Why each failed benchmark failed, read from JMH's human-readable output: the first line after an iteration's
     * {@code <failure>} (the exception and its message), by benchmark name. A benchmark that did not fail is missing.
     */
    static Map<String, String> failures(Path log) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String benchmark = null;
        boolean failure = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("# Benchmark: ")) {
                benchmark = line.substring("# Benchmark: ".length()).strip();
                failure = false;
            } else if (line.strip().endsWith("<failure>")) {
                failure = true;
            } else if (failure && !line.isBlank()) {
                if (benchmark != null) {
                    out.putIfAbsent(benchmark, line.strip());
                }
                failure = false;
            }
        }
        return out;
    }

    /** Nanoseconds in the time part of a JMH average-time unit ({@code ns/op}, {@code us/op}, ...). */
    static double nanosPer(String unit) {
        String time = unit.substring(0, unit.indexOf('/'));
        return switch (time) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalStateException("not an average-time unit: " + unit);
        };
    }
}
