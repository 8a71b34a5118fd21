package dev.pyconc.bench.cli;

import dev.pyconc.bench.BenchRow;
import dev.pyconc.bench.BenchRows;
import dev.pyconc.conformance.cpython.BundledCpython;
import dev.pyconc.spi.AdapterUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import dev.pyconc.reports.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pyconc bench}: times each row of {@link BenchRows} three ways in one sitting (the reference and its Java
 * counterpart with JMH, average time per operation; CPython with the bench's {@code timeit} script, the best
 * repeat) and writes, under the output folder, {@code summary.md} (the table, with the date and the machine),
 * {@code summary.json} (the same, times in nanoseconds per operation), {@code jmh.json} (JMH's own results),
 * {@code jmh.log} (its output) and {@code cpython.json} (the script's output). It prints the table too.
 *
 * <p>Exit codes: 0 every cell measured, 1 a cell has no time (a benchmark failed, CPython could not be run) or
 * no row matched, 2 bad usage. Problems are one line on standard error.
 */
@Command(name = "pyconc bench", mixinStandardHelpOptions = true, versionProvider = BenchMain.Version.class,
        description = "Benchmark the reference implementation beside its Java counterparts and CPython.")
public final class BenchMain implements Callable<Integer> {
    /** The files a run writes in its output folder (a rerun replaces them). */
    static final List<String> OUTPUTS = List.of("summary.md", "summary.json", "jmh.json", "jmh.log", "cpython.json");

    @Option(names = "--quick",
            description = "A smoke: one short iteration of each benchmark, no warm-up, no fork; one short CPython repeat.")
    boolean quick;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Only rows whose id, Python or Java operation, or benchmark name this regex finds.")
    String include;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = BundledCpython.V314,
            description = "The Python of the CPython column: a path, a command on PATH, cpython-3.14 or cpython-3.13 "
                    + "(from Maven Central; default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-python", description = "Leave the CPython column out.")
    boolean noPython;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/bench",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with these streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new BenchMain());
        return CommandLines.execute(cl, "pyconc bench", java.util.List.of(IllegalArgumentException.class,
                UncheckedIOException.class, IllegalStateException.class), out, err, args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        Pattern pattern = null;
        if (include != null) {
            try {
                pattern = Pattern.compile(include);
            } catch (PatternSyntaxException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--include: not a regex: " + ex.getDescription());
            }
        }
        List<BenchRow> rows = BenchRows.select(pattern);
        if (rows.isEmpty()) {
            e.println("pyconc bench: error: no row matched --include " + include);
            return 1;
        }
        Path dir = out.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        for (String f : OUTPUTS) {
            Files.deleteIfExists(dir.resolve(f));
        }
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadAtStart = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (loadAtStart != null && Double.parseDouble(loadAtStart.split(" ")[0]) >= cores) {
            e.println("pyconc bench: warning: load average " + loadAtStart + " on " + cores
                    + " cores: other work shares the processors, the times will be noisy");
            e.flush();
        }

        Set<String> benchmarks = new LinkedHashSet<>();
        rows.forEach(r -> {
            benchmarks.add(r.reference());
            benchmarks.add(r.java());
        });
        o.println("pyconc bench: JMH, " + benchmarks.size() + " benchmarks for " + rows.size() + " rows"
                + (quick ? " (quick: one short iteration each, no fork)" : ""));
        o.flush();
        Map<String, JmhRun.Score> scores;
        try (OutputStream file = Files.newOutputStream(dir.resolve("jmh.log"));
                PrintStream log = new PrintStream(new TeeOutputStream(file, o), true, StandardCharsets.UTF_8)) {
            scores = JmhRun.run(benchmarks, quick, dir.resolve("jmh.json"), log);
        }
        Map<String, String> failures = JmhRun.failures(dir.resolve("jmh.log"));

        CpythonRun.Outcome py = null;
        String pyProblem = noPython ? "not run (--no-python)" : null;
        String pyPath = null;
        if (!noPython) {
            try {
                pyPath = BundledCpython.executable(python).orElse(python);
                List<String> ids = rows.stream().filter(r -> r.noCpython() == null).map(BenchRow::id).toList();
                o.println("pyconc bench: CPython, " + ids.size() + " operations with " + pyPath
                        + " (deadline " + CpythonRun.deadline(ids.size(), quick).toSeconds() + " s)");
                o.flush();
                py = CpythonRun.run(pyPath, ids, quick);
                Files.writeString(dir.resolve("cpython.json"), py.raw() + "\n", StandardCharsets.UTF_8);
            } catch (AdapterUnavailableException | IllegalStateException | IOException ex) {
                pyProblem = "not run: " + ex.getMessage();
                e.println("pyconc bench: CPython " + pyProblem);
                e.flush();
            }
        }

        List<Summary.Row> table = new ArrayList<>();
        for (BenchRow r : rows) {
            JmhRun.Score ref = scores.get(r.reference());
            JmhRun.Score java = scores.get(r.java());
            Summary.Cell pyCell;
            if (r.noCpython() != null) {
                pyCell = Summary.Cell.missing(r.operation(), "CPython's column does not apply: " + r.noCpython());
            } else if (py == null) {
                pyCell = Summary.Cell.missing(r.operation(), pyProblem);
            } else if (py.nsPerOp().containsKey(r.id())) {
                double ns = py.nsPerOp().get(r.id());
                pyCell = new Summary.Cell(r.operation(), ns, null, ns, null);
            } else {
                pyCell = Summary.Cell.missing(r.operation(), "the CPython script does not time " + r.id());
            }
            String unit = ref != null ? ref.unit() : java != null ? java.unit() : null;
            table.add(Summary.Row.of(r.id(), r.operation(), r.javaOperation(), unit, cell(r.reference(), ref, failures),
                    cell(r.java(), java, failures), pyCell, r.target(), r.noCpython() == null));
        }
        String loadAtEnd = loadAverage();
        String load = loadAtStart == null || loadAtEnd == null ? null : loadAtStart + " at the start, " + loadAtEnd + " at the end";
        Summary summary = new Summary(date, machine(py, load), new Summary.Settings(quick ? "quick" : "full",
                jmhSettings(scores), py == null ? pyProblem : cpythonSettings(py), py == null ? null : py.executable()), table);
        summary.write(dir);

        o.println();
        o.print(summary.table());
        o.println();
        o.println(summary.verdict());
        o.println("pyconc bench: " + dir.resolve("summary.md") + ", " + dir.resolve("summary.json") + ", JMH's results "
                + dir.resolve("jmh.json"));
        List<String> missing = new ArrayList<>();
        for (Summary.Row r : table) {
            for (Summary.Cell c : noPython || !r.cpythonApplies() ? List.of(r.reference(), r.java())
                    : List.of(r.reference(), r.java(), r.cpython())) {
                if (!c.measured()) {
                    missing.add(c.what() + " (" + c.note() + ")");
                }
            }
        }
        missing = missing.stream().distinct().toList();
        if (!missing.isEmpty()) {
            e.println("pyconc bench: error: not measured: " + String.join("; ", missing));
            e.flush();
            return 1;
        }
        o.flush();
        return 0;
    }

    private static Summary.Cell cell(String benchmark, JmhRun.Score s, Map<String, String> failures) {
        if (s != null) {
            return new Summary.Cell(benchmark, s.nsPerOp(), s.errorNs(), s.bestNsPerOp(), null);
        }
        String why = failures.get(benchmark);
        return Summary.Cell.missing(benchmark, "the benchmark failed" + (why == null ? "" : ": " + why) + " (see jmh.log)");
    }

    private String jmhSettings(Map<String, JmhRun.Score> scores) {
        String head = "JMH " + org.openjdk.jmh.util.Version.getPlainVersion() + ", average time per operation"
                + " (a sampled benchmark, such as the bridge's round trip: the median call), per operation of one thread"
                + " (a row that names threads runs them all at once), ";
        if (scores.isEmpty()) {
            return head + (quick ? "no warm-up, 1 x " + JmhRun.QUICK_ITERATION + " measurement, no fork"
                    : "each benchmark's own iterations (none ran)");
        }
        BenchmarkParams p = scores.values().iterator().next().params();
        return head + iterations(p.getWarmup(), "warm-up") + ", " + iterations(p.getMeasurement(), "measurement") + ", "
                + (p.getForks() == 0 ? "no fork" : p.getForks() + (p.getForks() == 1 ? " fork" : " forks"))
                + "; ± is the 99.9% confidence interval";
    }

    private static String iterations(IterationParams it, String what) {
        return it.getCount() == 0 ? "no " + what : it.getCount() + " x " + it.getTime() + " " + what;
    }

    private static String cpythonSettings(CpythonRun.Outcome py) {
        return "timeit, best of " + py.repeats() + (py.repeats() == 1 ? " repeat" : " repeats") + " of about "
                + py.targetSeconds() + " s each (loop count calibrated by autorange), in a child process";
    }

    private static Summary.Machine machine(CpythonRun.Outcome py, String load) {
        return new Summary.Machine(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                py == null ? null : py.version(), load);
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg (Linux), or null. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f.length < 3 ? null : f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /** The processor's model name from /proc/cpuinfo (Linux), or null. */
    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException | UncheckedIOException ex) {
            return null;
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BenchMain.class.getPackage().getImplementationVersion();
            return new String[] {"pyconc bench " + (v == null ? "(development build)" : v)};
        }
    }
}
