package dev.pyconc.conformance;

import dev.pyconc.spec.harness.Profile;
import dev.pyconc.spec.harness.PyconcExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns JUnit Platform events into {@link CaseResult}s, one per case method or per invocation of a
 * parameterized case. A case disabled with a reason starting {@code NOT_APPLICABLE: } is NOT_APPLICABLE, any
 * other disabled or aborted case SKIPPED; a failed case is TIMEOUT, FAIL or ERROR by {@link Status#ofFailure}.
 * A container that fails (a class whose setup failed, a parameterized case whose arguments could not be
 * made) reports ERROR for each of its cases that got no result, so that nothing is lost silently.
 *
 * <p>With an {@link Expectations} file, a result the file lists is decided by {@link Expectations#verdict} (XFAIL,
 * XPASS) and remembers the entry; the collector keeps which entries were used. Every event goes on to the
 * {@code downstream} listener (the JUnit XML writer), where an XFAIL case arrives as aborted (JUnit XML:
 * skipped, with the expectation's reason) and, under {@code --strict}, an XPASS case as failed; a non-strict XPASS
 * passes there, with a report entry {@code pyconc} saying XPASS and why.
 */
final class ResultCollector implements TestExecutionListener {

    /** Told of every result as it is recorded. */
    interface Observer {
        /**
         * @param result the new result
         * @param done results so far, including this one
         * @param expected the current estimate of the number of results of the run
         */
        void onResult(CaseResult result, int done, int expected);

        /** A case (or an invocation of one) of {@code module} named {@code name} started. */
        default void onStart(String module, String name) {}
    }

    private static final TestExecutionListener NONE = new TestExecutionListener() {};

    private final Observer observer;
    private final List<CaseResult> results = new ArrayList<>();
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> startMillis = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Set<String> templatesWithInvocations = ConcurrentHashMap.newKeySet();
    private final Expectations expectations;
    private final Profile profile;
    private final boolean strict;
    private final Set<Expectations.Entry> used = new LinkedHashSet<>();
    private final TestExecutionListener downstream;
    private TestPlan plan;
    private int expected;

    ResultCollector(Observer observer) {
        this(observer, null, Profile.DOCS, false, NONE);
    }

    /**
     * @param expectations the implementation's known failures, or null
     * @param profile the run's profile (an entry may apply in one profile only)
     * @param strict whether an XPASS fails (in what {@code downstream} is told)
     * @param downstream told of every event, with XFAIL and XPASS cases' results translated
     */
    ResultCollector(Observer observer, Expectations expectations, Profile profile, boolean strict,
            TestExecutionListener downstream) {
        this.observer = observer;
        this.expectations = expectations;
        this.profile = profile;
        this.strict = strict;
        this.downstream = downstream == null ? NONE : downstream;
    }

    /** The entries of the expectations file (those applying in the profile) that matched no result, in file order. */
    synchronized List<Expectations.Entry> unusedEntries() {
        if (expectations == null) {
            return List.of();
        }
        return expectations.entries(profile).stream().filter(e -> !used.contains(e)).toList();
    }

    /** The number of case methods (a parameterized one counts once) in a plan. */
    static int countCases(TestPlan plan) {
        int n = 0;
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier d : plan.getDescendants(root)) {
                if (isCaseMethod(plan, d)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isCaseMethod(TestPlan plan, TestIdentifier d) {
        return methodSource(d).isPresent()
                && plan.getParent(d).flatMap(ResultCollector::methodSource).isEmpty();
    }

    private static Optional<MethodSource> methodSource(TestIdentifier d) {
        return d.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    synchronized List<CaseResult> results() {
        return List.copyOf(results);
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        this.expected = countCases(testPlan);
        downstream.testPlanExecutionStarted(testPlan);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        downstream.testPlanExecutionFinished(testPlan);
    }

    @Override
    public void fileEntryPublished(TestIdentifier id, FileEntry file) {
        downstream.fileEntryPublished(id, file);
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier id) {
        Optional<TestIdentifier> parent = plan.getParent(id);
        if (id.isTest() && parent.isPresent() && methodSource(parent.get()).isPresent()) {
            if (templatesWithInvocations.add(parent.get().getUniqueId())) {
                expected--; // the template was counted once; now its invocations count instead
            }
            expected++;
        }
        downstream.dynamicTestRegistered(id);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startNanos.put(id.getUniqueId(), System.nanoTime());
        startMillis.put(id.getUniqueId(), System.currentTimeMillis());
        if (id.isTest()) {
            Optional<MethodSource> ms = methodSource(id);
            String module = "";
            String name = id.getDisplayName();
            if (ms.isPresent()) {
                try {
                    CaseInfo info = CaseInfo.of(ms.get().getJavaClass(), ms.get().getJavaMethod());
                    module = info.module();
                    name = info.shortId();
                } catch (RuntimeException e) {
                    name = ms.get().getClassName() + "#" + ms.get().getMethodName();
                }
            }
            observer.onStart(module, name);
        }
        downstream.executionStarted(id);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
        downstream.reportingEntryPublished(id, entry);
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        String why = reason == null ? "" : reason;
        Status status = why.startsWith(PyconcExtension.NOT_APPLICABLE) ? Status.NOT_APPLICABLE : Status.SKIPPED;
        if (status == Status.NOT_APPLICABLE) {
            why = why.substring(PyconcExtension.NOT_APPLICABLE.length());
        } else if (why.startsWith(PyconcExtension.SKIPPED)) {
            why = why.substring(PyconcExtension.SKIPPED.length());
        }
        if (methodSource(id).isPresent()) {
            add(id, status, why, null);
        } else {
            for (TestIdentifier d : plan.getDescendants(id)) {
                if (isCaseMethod(plan, d)) {
                    add(d, status, why, null);
                }
            }
        }
        downstream.executionSkipped(id, reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            CaseResult r = switch (result.getStatus()) {
                case SUCCESSFUL -> add(id, Status.PASS, null, null);
                case ABORTED -> add(id, Status.SKIPPED,
                        result.getThrowable().map(t -> "aborted: " + t.getMessage()).orElse("aborted"), null);
                case FAILED -> {
                    Throwable t = result.getThrowable().orElse(null);
                    yield add(id, t == null ? Status.ERROR : Status.ofFailure(t),
                            t == null ? "failed without an exception" : null, t);
                }
            };
            downstream.executionFinished(id, forDownstream(id, r, result));
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            downstream.executionFinished(id, result);
            return;
        }
        // A container that failed or was aborted: its cases without a result get one.
        Throwable t = result.getThrowable().orElse(null);
        Status status = result.getStatus() == TestExecutionResult.Status.ABORTED ? Status.SKIPPED
                : t == null ? Status.ERROR : Status.ofFailure(t);
        String prefix = (result.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted" : "failed")
                + " in " + id.getDisplayName() + ": ";
        String msg = t == null ? prefix.substring(0, prefix.length() - 2) : prefix + describe(t);
        boolean any = false;
        if (methodSource(id).isEmpty()) {
            for (TestIdentifier d : plan.getDescendants(id)) {
                if (isCaseMethod(plan, d) && !reported.contains(d.getUniqueId())
                        && !templatesWithInvocations.contains(d.getUniqueId())) {
                    add(d, status, msg, t);
                    any = true;
                }
            }
        }
        if (!any) {
            add(id, status, msg, t);
        }
        downstream.executionFinished(id, result);
    }

    /** What the JUnit XML writer is told of a case: XFAIL as aborted, XPASS under --strict as failed. */
    private TestExecutionResult forDownstream(TestIdentifier id, CaseResult r, TestExecutionResult original) {
        if (r.status() == Status.XFAIL) {
            return TestExecutionResult.aborted(new TestAbortedException("XFAIL (" + r.expectationNote() + "): "
                    + r.expectation().outcome().label() + ": " + r.reason()));
        }
        if (r.status() == Status.XPASS) {
            if (strict) {
                return TestExecutionResult.failed(new AssertionFailedError("XPASS (" + r.expectationNote()
                        + "); --strict makes an unexpected pass a failure: update the expectations file"));
            }
            downstream.reportingEntryPublished(id, ReportEntry.from("pyconc", "XPASS (" + r.expectationNote() + ")"));
        }
        return original;
    }

    private CaseResult add(TestIdentifier id, Status status, String message, Throwable t) {
        reported.add(id.getUniqueId());
        Optional<MethodSource> ms = methodSource(id);
        Optional<TestIdentifier> parent = plan.getParent(id);
        boolean invocation = parent.flatMap(ResultCollector::methodSource).isPresent();
        CaseInfo info = null;
        if (ms.isPresent()) {
            try {
                info = CaseInfo.of(ms.get().getJavaClass(), ms.get().getJavaMethod());
            } catch (RuntimeException e) {
                info = null;
            }
        }
        String caseId;
        String name;
        String module;
        List<String> behaviours;
        boolean detail = info != null && info.implementationDetail();
        if (info != null) {
            caseId = info.id() + (invocation ? id.getDisplayName() : "");
            name = info.shortId() + (invocation ? id.getDisplayName() : "");
            module = info.module();
            behaviours = info.behaviours();
        } else if (ms.isPresent()) {
            caseId = ms.get().getClassName() + "#" + ms.get().getMethodName() + (invocation ? id.getDisplayName() : "");
            name = caseId;
            module = CaseInfo.packageModule(packageOf(ms.get().getClassName()));
            behaviours = List.of();
        } else {
            caseId = id.getUniqueId();
            name = id.getDisplayName();
            module = "(run)";
            behaviours = List.of();
        }
        String trace = null;
        String dump = null;
        String msg = message;
        if (t != null) {
            trace = stackTrace(t);
            if (status == Status.TIMEOUT && t.getMessage() != null) {
                String m = t.getMessage();
                int nl = m.indexOf('\n');
                String first = nl < 0 ? m : m.substring(0, nl);
                if (msg == null) {
                    msg = first;
                }
                dump = nl < 0 ? null : m.substring(nl + 1);
                StringBuilder sb = new StringBuilder(t.getClass().getName()).append(": ").append(first)
                        .append(" (thread dumps in threadDump)\n");
                for (StackTraceElement e : t.getStackTrace()) {
                    sb.append("\tat ").append(e).append('\n');
                }
                trace = sb.toString();
            } else if (msg == null) {
                msg = describe(t);
            }
        }
        Long t0 = startNanos.get(id.getUniqueId());
        double seconds = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
        long started = startMillis.getOrDefault(id.getUniqueId(), System.currentTimeMillis());
        Map<String, String> notes = new LinkedHashMap<>(entries.getOrDefault(id.getUniqueId(), Map.of()));
        CaseResult r = new CaseResult(caseId, name, id.getDisplayName(), module, behaviours, detail, status, msg, trace, dump,
                seconds, started, notes);
        if (expectations != null) {
            Optional<Expectations.Entry> e = expectations.find(info, List.of(caseId, name), profile);
            if (e.isPresent()) {
                used.add(e.get());
                if (status.ran()) {
                    r = r.expecting(e.get());
                }
            }
        }
        results.add(r);
        if (results.size() > expected) {
            expected = results.size();
        }
        observer.onResult(r, results.size(), expected);
        return r;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** A one-paragraph description: the assertion message, or the exception's class and message. */
    static String describe(Throwable t) {
        if (t instanceof AssertionError && t.getMessage() != null && !t.getMessage().isBlank()) {
            return t.getMessage();
        }
        String name = t.getClass().getName();
        if (name.startsWith("dev.pyconc.spi.exceptions.") || name.startsWith("java.lang.")) {
            name = t.getClass().getSimpleName();
        }
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }

    static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
