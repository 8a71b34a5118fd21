package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spec.harness.Profile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pyconc run}: runs the cases against one adapter, shows progress and a summary, writes the results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the cases against one adapter: a progress bar on a terminal (a line per case elsewhere, "
                + "or with --verbose), then a summary per module and every case that did not pass, with its reason.",
                "Writes <results-dir>/results.json, <results-dir>/junit/TEST-junit-jupiter.xml and "
                        + "<results-dir>/allure-results/.",
                "Exit code 0 when no case FAILed, ERRORed or TIMEd OUT and at least one ran (with --strict, also no "
                        + "XPASS and no unused expectation); 1 otherwise."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--adapter"}, paramLabel = "NAME", defaultValue = Adapters.DEFAULT,
            description = "Adapter to run against: reference, cpython, or any provider on the class path "
                    + "(see 'pyconc adapters'). Default: ${DEFAULT-VALUE}.")
    String adapter;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python interpreter for adapters that drive one (sets system property pyconc.python), "
                    + "e.g. python3 or /usr/local/bin/python3.14.")
    String python;

    @Option(names = "--peer", paramLabel = "NAME",
            description = "A second adapter for the interop cases, which run one program through both and compare "
                    + "(sets system property pyconc.peer), e.g. cpython. Without it those cases are N/A.")
    String peer;

    @Option(names = {"-m", "--module"}, paramLabel = "M", completionCandidates = ModuleNames.class,
            description = "Only cases of this Python module (${COMPLETION-CANDIDATES}); repeatable.")
    List<String> modules = new ArrayList<>();

    @Option(names = "--id", paramLabel = "GLOB",
            description = "Only cases whose behaviour id or case id (Class#method, or fully qualified) matches; "
                    + "'*' matches anything, '?' one character; repeatable.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Folder for the results. Default: results/<adapter>.")
    Path resultsDir;

    @Option(names = "--results", paramLabel = "FILE",
            description = "The JSON results file. Default: <results-dir>/results.json.")
    Path results;

    @Option(names = "--profile", paramLabel = "P", defaultValue = "docs",
            description = "docs: judge only what the Python docs promise (default). cpython: also check CPython's "
                    + "implementation details (behaviours tagged cpython-detail), reported apart.")
    String profile;

    @Option(names = "--timing-factor", paramLabel = "F",
            description = "Scale every timeout tier (sets pyconc.timing.factor; raise it on a slow or loaded machine).")
    Double timingFactor;

    @Option(names = "--expectations", paramLabel = "FILE|NAME",
            description = "The implementation's known failures: a YAML file, or the name of one pyconc ships ("
                    + Expectations.BUNDLED_NAMES + "). A listed failure is XFAIL (the run still "
                    + "succeeds), a listed case that passes XPASS, an entry that matches no case of the run is "
                    + "reported unused.")
    String expectations;

    @Option(names = "--strict",
            description = "With --expectations: an XPASS or an unused entry fails the run (exit code 1).")
    boolean strict;

    @Option(names = {"-v", "--verbose"},
            description = "A line per case even on a terminal, instead of the progress bar.")
    boolean verbose;

    /** The first line of a run: how many cases, on what. */
    static String startLine(RunInfo info, int cases) {
        return "pyconc: running " + cases + " case" + (cases == 1 ? "" : "s") + " on " + info.adapter()
                + " (" + info.implementation() + ", Python " + info.pythonVersion() + "), profile " + info.profile();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (strict && expectations == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--strict needs --expectations");
        }
        // A bad expectations file stops the run before the adapter is created.
        Expectations expected = expectations == null ? null : Expectations.resolve(expectations);
        if (python != null) {
            System.setProperty("pyconc.python", python);
        }
        if (peer != null) {
            dev.pyconc.spec.harness.Adapters.provider(peer); // an unknown name stops the run with the known ones
            System.setProperty(dev.pyconc.spec.harness.PyconcExtension.PEER_KEY, peer);
        }
        if (timingFactor != null) {
            if (!(timingFactor > 0) || timingFactor.isInfinite()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--timing-factor must be a positive number: " + timingFactor);
            }
            System.setProperty("pyconc.timing.factor", timingFactor.toString());
        }
        Profile p;
        try {
            p = Profile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile must be docs or cpython: " + profile);
        }
        Path dir = resultsDir != null ? resultsDir : RunOptions.defaultResultsDir(adapter);
        Path json = results != null ? results : dir.resolve("results.json");
        RunOptions options = new RunOptions(adapter, modules, ids, dir, json, p).withExpectations(expected, strict);
        RunReport report;
        if (!verbose && ProgressBarObserver.isTerminal()) {
            try (ProgressBarObserver bar = new ProgressBarObserver(out, System.out)) {
                report = new ConformanceRunner().run(options, bar);
            }
        } else {
            report = new ConformanceRunner().run(options, new ConformanceRunner.Observer() {
                @Override
                public void started(RunInfo info, int cases) {
                    out.println(startLine(info, cases));
                    out.flush();
                }

                @Override
                public void caseFinished(CaseResult result, int done, int expected) {
                    out.println(TextReport.progressLine(result, done, expected));
                    out.flush();
                }
            });
        }
        TextReport.summary(report, out);
        out.println("Results: " + json + ", " + dir.resolve("junit") + ", " + dir.resolve("allure-results"));
        out.flush();
        return report.succeeded() ? 0 : Main.EXIT_FAILURE;
    }
}
