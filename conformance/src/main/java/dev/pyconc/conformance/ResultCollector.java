package dev.pyconc.conformance;

import dev.pyconc.spec.harness.PyconcExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit Platform events into {@link CaseResult}s, one per case method or per invocation of a
 * parameterized case. A case disabled with a reason starting {@code NOT_APPLICABLE: } is NOT_APPLICABLE, any
 * other disabled or aborted case SKIPPED; a failed case is TIMEOUT, FAIL or ERROR by {@link Status#ofFailure}.
 * A container that fails (a class whose setup failed, a parameterized case whose arguments could not be
 * made) reports ERROR for each of its cases that got no result, so that nothing is lost silently.
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
    }

    private final Observer observer;
    private final List<CaseResult> results = new ArrayList<>();
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> startMillis = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Set<String> templatesWithInvocations = ConcurrentHashMap.newKeySet();
    private TestPlan plan;
    private int expected;

    ResultCollector(Observer observer) {
        this.observer = observer;
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
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startNanos.put(id.getUniqueId(), System.nanoTime());
        startMillis.put(id.getUniqueId(), System.currentTimeMillis());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
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
            return;
        }
        for (TestIdentifier d : plan.getDescendants(id)) {
            if (isCaseMethod(plan, d)) {
                add(d, status, why, null);
            }
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> add(id, Status.PASS, null, null);
                case ABORTED -> add(id, Status.SKIPPED,
                        result.getThrowable().map(t -> "aborted: " + t.getMessage()).orElse("aborted"), null);
                case FAILED -> {
                    Throwable t = result.getThrowable().orElse(null);
                    add(id, t == null ? Status.ERROR : Status.ofFailure(t),
                            t == null ? "failed without an exception" : null, t);
                }
            }
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
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
    }

    private void add(TestIdentifier id, Status status, String message, Throwable t) {
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
        results.add(r);
        if (results.size() > expected) {
            expected = results.size();
        }
        observer.onResult(r, results.size(), expected);
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
