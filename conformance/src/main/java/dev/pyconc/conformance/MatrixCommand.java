package dev.pyconc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyconc.reports.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pyconc matrix}: runs the cases against every implementation available here, each as {@code pyconc run} in
 * a JVM of its own (so each has its own interpreter, timing factor and system properties, and two can run at
 * once), one results file each, each with the expectations file pyconc ships for it (if any), then writes the HTML
 * report of them all ({@link HtmlReport}).
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Runs the cases against every implementation available on this machine (reference, cpython-3.14, "
                + "cpython-3.13, python3, pypy3, graalpy, and any other adapter on the class path), one after another "
                + "or --jobs at a time, each in its own JVM; then builds the report from the results files.",
                "Writes <results-dir>/<impl>.json, <results-dir>/<impl>.log (the run's output) and "
                        + "<results-dir>/<impl>/ (JUnit XML, Allure results) per implementation.",
                "Exit code 0 when every implementation that is available ran with no FAIL, ERROR or TIMEOUT; 1 otherwise."})
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--impl", paramLabel = "NAME",
            description = "Only this implementation (reference, cpython-3.14, cpython-3.13, python3, pypy3, graalpy, "
                    + "or another adapter's name); repeatable. Default: all.")
    List<String> impls = new ArrayList<>();

    @Option(names = {"-m", "--module"}, paramLabel = "M", completionCandidates = ModuleNames.class,
            description = "Only cases of this Python module (${COMPLETION-CANDIDATES}); repeatable.")
    List<String> modules = new ArrayList<>();

    @Option(names = "--id", paramLabel = "GLOB", description = "Only cases whose behaviour id or case id matches; repeatable.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "P", defaultValue = "docs",
            description = "docs (default) or cpython, as for run.")
    String profile;

    @Option(names = "--timing-factor", paramLabel = "F",
            description = "Timing factor for every implementation. Default: 1, and "
                    + "6 for graalpy (its process pools start a JVM per worker).")
    Double timingFactor;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results/matrix",
            description = "Folder for the results. Default: ${DEFAULT-VALUE}.")
    Path resultsDir;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Folder for the report. Default: <results-dir>/report.")
    Path reportDir;

    @Option(names = "--no-expectations",
            description = "Run every implementation without its bundled expectations file (its known failures then fail).")
    boolean noExpectations;

    @Option(names = "--strict", description = "Passed on to each run that has an expectations file: an XPASS or an "
            + "unused entry fails it.")
    boolean strict;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Implementations run at once (default ${DEFAULT-VALUE}: the longest, graalpy, beside the "
                    + "others in turn); 1 runs them one after another.")
    int jobs;

    /** The outcome of one implementation's run. */
    record Outcome(MatrixImplementation impl, Path json, JsonNode run, String problem, double seconds, int exitCode) {
        boolean produced() {
            return run != null;
        }

        /**
         * The run succeeded as {@code run} judges it (exit code 0): no failure its expectations do not list and,
         * with {@code --strict}, no XPASS and no unused entry.
         */
        boolean conforms() {
            return run != null && exitCode == 0;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (timingFactor != null && (!(timingFactor > 0) || timingFactor.isInfinite())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timing-factor must be a positive number: " + timingFactor);
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be 1 or more: " + jobs);
        }
        if (!profile.equals("docs") && !profile.equals("cpython")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile must be docs or cpython: " + profile);
        }
        ConformanceRunner.checkModules(modules);
        List<MatrixImplementation> all = MatrixImplementation.all();
        List<String> names = all.stream().map(MatrixImplementation::name).toList();
        for (String i : impls) {
            if (!names.contains(i)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown implementation '" + i + "' for --impl; known: " + String.join(", ", names));
            }
        }
        List<MatrixImplementation> selected = all.stream().filter(i -> impls.isEmpty() || impls.contains(i.name())).toList();
        List<MatrixImplementation> runnable = new ArrayList<>();
        for (MatrixImplementation i : selected) {
            var why = i.missing().get();
            if (why.isPresent()) {
                out.println(String.format(Locale.ROOT, "matrix: %-13s unavailable, skipped: %s", i.name(), why.get()));
            } else {
                runnable.add(i);
            }
        }
        if (runnable.isEmpty()) {
            throw new ConformanceException("no implementation available to run");
        }
        Files.createDirectories(resultsDir);
        int n = Math.min(jobs, runnable.size());
        out.println("matrix: running " + String.join(", ", runnable.stream().map(MatrixImplementation::name).toList())
                + (n > 1 ? " (" + n + " at a time)" : " (one at a time)") + "; each run's output in " + resultsDir
                + "/<impl>.log");
        out.flush();
        // With two or more at a time the longest (an interpreter process, not the reference) starts first.
        List<MatrixImplementation> order = new ArrayList<>(runnable);
        if (n > 1) {
            order.sort((a, b) -> Boolean.compare(!a.name().equals("graalpy"), !b.name().equals("graalpy")));
        }
        Thread cleanup = new Thread(MatrixCommand::endChildren, "pyconc-matrix-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (MatrixImplementation i : order) {
                futures.add(pool.submit(() -> {
                    Outcome o = runOne(i);
                    synchronized (out) {
                        out.println(line(o));
                        out.flush();
                    }
                    return o;
                }));
            }
            for (Future<Outcome> f : futures) {
                Outcome o = f.get();
                outcomes.put(o.impl().name(), o);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        List<Path> results = new ArrayList<>();
        for (MatrixImplementation i : runnable) {
            Outcome o = outcomes.get(i.name());
            if (o != null && o.produced()) {
                results.add(o.json());
            }
        }
        out.println(String.format(Locale.ROOT, "matrix: %d of %d implementations produced results in %.1f s",
                results.size(), runnable.size(), (System.nanoTime() - t0) / 1e9));
        out.flush();
        if (!results.isEmpty()) {
            Path index = HtmlReport.write(results, reportDir != null ? reportDir : resultsDir.resolve("report"));
            out.println("matrix: report " + index);
            out.flush();
        }
        boolean ok = runnable.stream().map(i -> outcomes.get(i.name())).allMatch(o -> o != null && o.conforms());
        return ok ? 0 : Main.EXIT_FAILURE;
    }

    /** Runs {@code pyconc run} for one implementation in a JVM of its own and reads its results file. */
    private Outcome runOne(MatrixImplementation impl) {
        Path json = resultsDir.resolve(impl.name() + ".json");
        Path log = resultsDir.resolve(impl.name() + ".log");
        long t0 = System.nanoTime();
        int exit;
        try {
            Files.deleteIfExists(json);
            Process p = new ProcessBuilder(command(impl, json)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            exit = p.waitFor();
        } catch (IOException e) {
            return new Outcome(impl, json, null, "cannot start its run: " + e.getMessage(), seconds(t0), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(impl, json, null, "interrupted", seconds(t0), -1);
        }
        double took = seconds(t0);
        if (!Files.isRegularFile(json)) {
            return new Outcome(impl, json, null, lastError(log), took, exit);
        }
        try {
            return new Outcome(impl, json, JsonReport.mapper().readTree(json.toFile()).path("run"), null, took, exit);
        } catch (IOException e) {
            return new Outcome(impl, json, null, "unreadable results " + json + ": " + e.getMessage(), took, exit);
        }
    }

    private List<String> command(MatrixImplementation impl, Path json) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // pyconc's own options given to this JVM (-Dpyconc.seed, -Dpyconc.graalpyJava, ...) go on, except those
        // the matrix sets per implementation.
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("pyconc.") && !key.equals("pyconc.python") && !key.equals("pyconc.timing.factor")) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--adapter", impl.adapter(),
                "--results-dir", resultsDir.resolve(impl.name()).toString(),
                "--results", json.toString(),
                "--profile", profile,
                "--timing-factor", Double.toString(timingFactor != null ? timingFactor : impl.timingFactor())));
        if (impl.python() != null) {
            cmd.addAll(List.of("--python", impl.python()));
        }
        if (!noExpectations && Expectations.BUNDLED.contains(impl.name())) {
            cmd.addAll(List.of("--expectations", impl.name()));
            if (strict) {
                cmd.add("--strict");
            }
        }
        modules.forEach(m -> cmd.addAll(List.of("--module", m)));
        ids.forEach(i -> cmd.addAll(List.of("--id", i)));
        return cmd;
    }

    /** The one-line error a run printed before it could write results (e.g. a missing interpreter). */
    private static String lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("pyconc: ")) {
                    return lines.get(i).substring("pyconc: ".length());
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        } catch (IOException | UncheckedIOException e) {
            return "no results and no log (" + e.getMessage() + ")";
        }
    }

    /** The progress line of a finished implementation. */
    static String line(Outcome o) {
        if (!o.produced()) {
            return String.format(Locale.ROOT, "matrix: %-13s NO RESULTS in %.1f s: %s", o.impl().name(), o.seconds(),
                    o.problem());
        }
        JsonNode c = o.run().path("counts");
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) {
            int k = c.path(s.name()).asInt();
            if (k > 0) {
                parts.add(k + " " + s.label());
            }
        }
        String impl = o.run().path("implementation").asText();
        int paren = impl.indexOf(" (");
        return String.format(Locale.ROOT, "matrix: %-13s %-8s %s: %s in %.1f s (factor %s) -> %s", o.impl().name(),
                o.conforms() ? "CONFORMS" : "DIFFERS", paren > 0 ? impl.substring(0, paren) : impl,
                parts.isEmpty() ? "no cases" : String.join(", ", parts), o.seconds(),
                o.run().path("timingFactor").asText(), o.json());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * On an interrupted matrix (Ctrl-C): ends every process this JVM started, with their children (a run's agent,
     * its pool workers), so that nothing outlives it.
     */
    private static void endChildren() {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
