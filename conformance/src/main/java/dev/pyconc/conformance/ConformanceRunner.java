package dev.pyconc.conformance;

import dev.pyconc.reports.AllureResults;
import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spec.harness.CaseIndex;
import dev.pyconc.spec.harness.Profile;
import dev.pyconc.spec.harness.PyconcExtension;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.AdapterUnavailableException;
import dev.pyconc.spi.PyModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the spec's cases (package {@value CaseIndex#CASES_PACKAGE}, tag {@code pyconc}) against one adapter
 * with the JUnit Platform Launcher, and writes the results.
 *
 * <p>Before anything runs, the adapter is created once and closed (so that an unknown name or a missing
 * interpreter fails fast with {@link AdapterUnavailableException}, and to record what it is); the cases then
 * run on the adapter that {@link PyconcExtension} creates from the configuration parameter
 * {@value PyconcExtension#ADAPTER_KEY}.
 */
public final class ConformanceRunner {

    /** Told about the run as it goes; every method has a no-op default. */
    public interface Observer {
        /** The adapter was created and the selection made; {@code cases} case methods will run. */
        default void started(RunInfo info, int cases) {}

        /** A case (or an invocation of a parameterized one) of {@code module}, named {@code name}, started. */
        default void caseStarted(String module, String name) {}

        /** A result was recorded; {@code done} so far of about {@code expected}. */
        default void caseFinished(CaseResult result, int done, int expected) {}
    }

    private final List<DiscoverySelector> selectors;

    /** A runner of the spec's cases. */
    public ConformanceRunner() {
        this(List.of(DiscoverySelectors.selectPackage(CaseIndex.CASES_PACKAGE)));
    }

    /** A runner of other {@code pyconc}-tagged classes (for the runner's own tests). */
    ConformanceRunner(List<? extends DiscoverySelector> selectors) {
        this.selectors = List.copyOf(selectors);
    }

    /** The Python modules pyconc knows: those of {@link PyModule}, in registry order. */
    public static List<String> knownModules() {
        return PyModule.pythonNames();
    }

    /** @throws ConformanceException naming the known modules if one of {@code modules} is not among them */
    static void checkModules(List<String> modules) {
        List<String> known = knownModules();
        for (String m : modules) {
            if (!known.contains(m)) {
                throw new ConformanceException("unknown module '" + m + "'; known: " + String.join(", ", known));
            }
        }
    }

    /**
     * Runs the selected cases and writes the results the options ask for.
     *
     * @throws AdapterUnavailableException if the adapter cannot be created (nothing has run)
     * @throws ConformanceException for an unknown module or a selection without cases (nothing has run)
     */
    public RunReport run(RunOptions options, Observer observer) {
        checkModules(options.modules());
        AdapterProvider provider = Adapters.provider(options.adapter());
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        // One adapter for the whole run: created here (so a missing interpreter fails before any case),
        // lent to the cases, and described in the results from the very instance they used.
        try (Adapter adapter = provider.create(dev.pyconc.spi.AdapterConfig.fromSystemProperties())) {
            return runWith(provider, adapter, options, observer, start, t0);
        }
    }

    /**
     * Runs the selected cases on an adapter the caller made and keeps (it is not closed here), e.g. to run
     * a module twice on one adapter and compare what is left over. {@code options.adapter()} must name the
     * adapter's provider.
     *
     * @throws ConformanceException for an unknown module or a selection without cases (nothing has run)
     */
    public RunReport run(Adapter adapter, RunOptions options, Observer observer) {
        checkModules(options.modules());
        return runWith(Adapters.provider(options.adapter()), adapter, options, observer, Instant.now(), System.nanoTime());
    }

    private RunReport runWith(AdapterProvider provider, Adapter adapter, RunOptions options, Observer observer,
            Instant start, long t0) {
        String loan = PyconcExtension.lend(adapter);
        try {
            return runWith(provider, adapter, loan, options, observer, start, t0);
        } finally {
            PyconcExtension.unlend(loan);
        }
    }

    private RunReport runWith(AdapterProvider provider, Adapter adapter, String loan, RunOptions options,
            Observer observer, Instant start, long t0) {
        // Features are asked for at the end: an adapter may find some out only when a case first needs them.
        RunInfo probe = info(provider, adapter, options, start.toString(), null, 0, List.of(), List.of(), 0);
        CaseFilter filter = new CaseFilter(options.modules(), options.ids(), options.profile());
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("junit-jupiter"), TagFilter.includeTags("pyconc"))
                .configurationParameter(PyconcExtension.ADAPTER_KEY, options.adapter())
                .configurationParameter(PyconcExtension.ADAPTER_INSTANCE_KEY, loan)
                .configurationParameter(Profile.KEY, options.profile().label());
        if (!filter.selectsAll()) {
            b.filters(filter);
        }
        LauncherDiscoveryRequest request = b.build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);
        int planned = ResultCollector.countCases(plan);
        if (planned == 0) {
            throw new ConformanceException("no case selected" + describe(options)
                    + (filter.leftOutByProfile() > 0 ? " in profile " + options.profile().label() + " ("
                            + filter.leftOutByProfile() + " implementation-detail case methods left out; add --profile "
                            + Profile.CPYTHON.label() + ")" : ""));
        }
        probe = info(provider, adapter, options, start.toString(), null, 0, List.of(), List.of(), filter.leftOutByProfile());
        observer.started(probe, planned);

        // The JUnit XML writer hears the run through the collector, which decides XFAIL and XPASS first.
        TestExecutionListener xml = null;
        if (options.resultsDir() != null) {
            Path junit = options.resultsDir().resolve("junit");
            clean(junit, "TEST-*.xml");
            xml = new LegacyXmlReportGeneratingListener(junit, new PrintWriter(System.err, true));
        }
        ResultCollector collector = new ResultCollector(new ResultCollector.Observer() {
            @Override
            public void onResult(CaseResult result, int done, int expected) {
                observer.caseFinished(result, done, expected);
            }

            @Override
            public void onStart(String module, String name) {
                observer.caseStarted(module, name);
            }
        }, options.expectations(), options.profile(), options.strict(), xml);
        launcher.execute(plan, collector);

        List<CaseResult> results = collector.results();
        double seconds = (System.nanoTime() - t0) / 1e9;
        RunInfo info = new RunInfo(probe.adapter(), probe.adapterDescription(), probe.implementation(),
                probe.pythonVersion(), featureNames(adapter), new TreeMap<>(adapter.details()), probe.jvm(), probe.os(),
                probe.suiteCommit(), probe.timingFactor(), probe.filters(), probe.profile(),
                probe.implementationDetailsLeftOut(), start.toString(), Instant.now().toString(), seconds,
                results.size(), RunReport.count(results), RunReport.count(RunReport.details(results)));
        RunReport report = new RunReport(RunReport.FORMAT, info, results, expectationsSummary(options, collector));
        if (options.jsonFile() != null) {
            JsonReport.write(report, options.jsonFile());
        }
        if (options.resultsDir() != null) {
            AllureResults.write(JsonReport.toResults(report), options.resultsDir().resolve("allure-results"));
        }
        return report;
    }

    private static RunReport.ExpectationsSummary expectationsSummary(RunOptions o, ResultCollector collector) {
        Expectations e = o.expectations();
        if (e == null) {
            return null;
        }
        List<RunReport.Unused> unused = collector.unusedEntries().stream()
                .map(u -> new RunReport.Unused(u.pattern(), u.statuses(), u.reason())).toList();
        return new RunReport.ExpectationsSummary(e.source(), e.implementation(), o.strict(),
                e.entries(o.profile()).size(), unused);
    }

    private static String describe(RunOptions o) {
        List<String> parts = new ArrayList<>();
        o.modules().forEach(m -> parts.add("--module " + m));
        o.ids().forEach(i -> parts.add("--id " + i));
        return parts.isEmpty() ? " (the spec has no cases)" : " by " + String.join(" ", parts);
    }

    private static List<String> featureNames(Adapter a) {
        return a.features().stream().map(Enum::name).sorted().toList();
    }

    private static RunInfo info(AdapterProvider p, Adapter a, RunOptions o, String started, String finished,
            double seconds, List<CaseResult> results, List<String> features, int detailsLeftOut) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("module", o.modules());
        filters.put("id", o.ids());
        return new RunInfo(a.name(), p.description(), a.implementation(), String.valueOf(a.pythonVersion()),
                features, new TreeMap<>(a.details()),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                SuiteCommit.get(), Timing.factor(), filters, o.profile().label(), detailsLeftOut, started, finished,
                seconds, results.size(), RunReport.count(results), RunReport.count(RunReport.details(results)));
    }

    /** Removes files of an earlier run matching {@code glob} in {@code dir} (the folder is ours). */
    private static void clean(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, glob)) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }
}
