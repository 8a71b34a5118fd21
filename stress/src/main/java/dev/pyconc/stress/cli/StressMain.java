package dev.pyconc.stress.cli;

import dev.pyconc.reports.stress.StressReport;
import dev.pyconc.reports.stress.StressTestResult;
import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.AdapterUnavailableException;
import dev.pyconc.stress.lincheck.LincheckPlan;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.pyconc.reports.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pyconc stress}: runs the jcstress tests (child JVM) and the Lincheck tests (this JVM) against one
 * adapter, shows progress, and writes the jcstress HTML report, Lincheck failure traces, {@code summary.json}
 * and Allure results under the output folder.
 *
 * <p>Exit codes: 0 everything passed, 1 a forbidden jcstress outcome, a linearizability failure, another
 * test failure or a problem (unknown adapter, no test matched), 2 bad usage. Problems are one line on
 * standard error.
 */
@Command(name = "pyconc stress", mixinStandardHelpOptions = true, versionProvider = StressMain.Version.class,
        description = "Stress-test the threading and queue primitives of an adapter with jcstress and Lincheck.")
public final class StressMain implements Callable<Integer> {
    /** The profiles, cheapest first. */
    enum Profile { quick, default_, tough;

        String id() {
            return this == default_ ? "default" : name();
        }
    }

    /** Which tools to run. */
    enum Tool { all, jcstress, lincheck }

    @Option(names = "--profile", paramLabel = "quick|default|tough", defaultValue = "quick",
            converter = ProfileConverter.class,
            description = "How long to stress: quick (the build's), default, tough (default: ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--adapter", paramLabel = "NAME", defaultValue = Adapters.DEFAULT,
            description = "The adapter to test, found with ServiceLoader (default: ${DEFAULT-VALUE}).")
    String adapter;

    @Option(names = "--test", paramLabel = "REGEX",
            description = "Only tests whose name (or, for Lincheck, primitive such as threading.Lock) this regex finds.")
    String test;

    @Option(names = "--tool", paramLabel = "all|jcstress|lincheck", defaultValue = "all",
            description = "Run only one tool (default: ${DEFAULT-VALUE}).")
    Tool tool;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/stress",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jcstress-jar", paramLabel = "JAR",
            description = "The jcstress uber-jar (default: pyconc-jcstress.jar beside this jar).")
    Path jcstressJar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with these streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new StressMain());
        return CommandLines.execute(cl, "pyconc stress", java.util.List.of(AdapterUnavailableException.class,
                IllegalArgumentException.class, UncheckedIOException.class, IllegalStateException.class), out, err, args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (test != null) {
            try {
                Pattern.compile(test);
            } catch (PatternSyntaxException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--test: not a regex: " + ex.getDescription());
            }
        }
        Adapters.provider(adapter); // unknown adapter: one-line error before anything runs
        System.setProperty("pyconc.adapter", adapter);
        System.setProperty(LincheckPlan.PROFILE_PROPERTY, profile.id());
        Path outDir = out.toAbsolutePath().normalize();
        long start = System.currentTimeMillis();
        List<StressTestResult> results = new ArrayList<>();
        List<String> tools = new ArrayList<>();
        Integer jcstressExit = null;

        if (tool != Tool.lincheck) {
            tools.add("jcstress");
            Path jar = jcstressJar != null ? jcstressJar : besideThisJar("pyconc-jcstress.jar");
            List<String> args = JcstressRun.arguments(profile.id(), adapter, test, e);
            o.println("pyconc stress: jcstress, profile " + profile.id() + ", adapter " + adapter);
            JcstressRun.Outcome r = JcstressRun.run(jar, args, outDir.resolve("jcstress"), o);
            jcstressExit = r.exitCode();
            results.addAll(r.tests());
            o.println("pyconc stress: jcstress exit code " + r.exitCode() + ", " + r.tests().size() + " tests, report "
                    + outDir.resolve("jcstress").resolve("index.html"));
        }
        if (tool != Tool.jcstress) {
            tools.add("lincheck");
            List<Method> methods = LincheckRun.select(test);
            o.println("pyconc stress: Lincheck, " + methods.size() + " tests, profile " + profile.id() + " ("
                    + LincheckPlan.iterations() + " iterations x " + LincheckPlan.invocations() + " invocations)");
            results.addAll(LincheckRun.run(methods, outDir.resolve("lincheck"), outDir, o));
        }

        boolean passed = !results.isEmpty() && results.stream().allMatch(StressTestResult::passed)
                && (jcstressExit == null || jcstressExit == 0);
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        StressReport report = new StressReport(new StressReport.Run(adapter, profile.id(), test, tools,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " CPUs",
                start, seconds, jcstressExit, passed), results);
        report.writeJson(outDir.resolve("summary.json"));
        report.writeAllure(outDir.resolve("allure-results"), outDir);

        long failed = results.stream().filter(r -> !r.passed()).count();
        o.printf("pyconc stress: %d tests, %d failed, %.1f s; summary %s%n", results.size(), failed, seconds,
                outDir.resolve("summary.json"));
        if (results.isEmpty()) {
            e.println("pyconc stress: error: no test matched" + (test == null ? "" : " --test " + test));
            return 1;
        }
        return passed ? 0 : 1;
    }

    private static Path besideThisJar(String name) {
        try {
            Path self = Path.of(StressMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // The jar's folder (stress/target/); run from classes, stress/target/classes, its parent.
            return self.getParent().resolve(name);
        } catch (URISyntaxException ex) {
            throw new IllegalStateException("cannot locate " + name + ": " + ex.getMessage(), ex);
        }
    }

    /** Accepts quick, default, tough. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            return switch (value) {
                case "quick" -> Profile.quick;
                case "default" -> Profile.default_;
                case "tough" -> Profile.tough;
                default -> throw new CommandLine.TypeConversionException("expected quick, default or tough, not '" + value + "'");
            };
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = StressMain.class.getPackage().getImplementationVersion();
            return new String[] {"pyconc stress " + (v == null ? "(development build)" : v)};
        }
    }
}
