package dev.pyconc.stress.cli;

import dev.pyconc.reports.stress.StressTestResult;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.pyconc.stress.lincheck.LincheckTests;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link LincheckTests} in this JVM with the JUnit Platform Launcher, one progress line per test, and
 * saves each failure (Lincheck's scenario and interleaving trace) as {@code lincheck/<test>.txt}.
 */
final class LincheckRun {
    /** Python primitive of each test method of {@link LincheckTests}. */
    static final Map<String, String> PRIMITIVES = Map.of(
            "lock", "threading.Lock",
            "rlock", "threading.RLock",
            "semaphore", "threading.Semaphore",
            "boundedSemaphore", "threading.BoundedSemaphore",
            "event", "threading.Event",
            "queue", "queue.Queue",
            "lifoQueue", "queue.LifoQueue",
            "priorityQueue", "queue.PriorityQueue",
            "simpleQueue", "queue.SimpleQueue");

    private LincheckRun() {}

    /** The test methods whose name ({@code LincheckTests.method}) or primitive matches {@code regex} (null: all). */
    static List<Method> select(String regex) {
        Pattern p = regex == null ? null : Pattern.compile(regex);
        List<Method> out = new ArrayList<>();
        Arrays.stream(LincheckTests.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparing(Method::getName))
                .forEach(m -> {
                    String name = testName(m.getName());
                    if (p == null || p.matcher(name).find() || p.matcher(PRIMITIVES.getOrDefault(m.getName(), "")).find()) {
                        out.add(m);
                    }
                });
        return out;
    }

    static String testName(String method) {
        return LincheckTests.class.getName() + "." + method;
    }

    /** Runs {@code methods}; the adapter and profile system properties must be set already. */
    static List<StressTestResult> run(List<Method> methods, Path traceDir, Path outDir, PrintWriter out) {
        List<StressTestResult> results = new ArrayList<>();
        if (methods.isEmpty()) {
            return results;
        }
        List<MethodSelector> selectors = methods.stream().map(m -> selectMethod(LincheckTests.class, m)).toList();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        TestExecutionListener listener = new TestExecutionListener() {
            private long started;

            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started = System.nanoTime();
                    out.println("lincheck| " + method(id) + " ...");
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                if (!id.isTest()) {
                    return;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                String method = method(id);
                String status;
                String message = null;
                String traceFile = null;
                boolean violation = false;
                if (r.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    status = "PASS";
                } else {
                    Throwable t = r.getThrowable().orElse(null);
                    violation = t != null && t.getClass().getName().equals("org.jetbrains.lincheck.LincheckAssertionError");
                    status = violation ? "FAIL" : "ERROR";
                    message = t == null ? r.getStatus().name() : firstLine(t);
                    traceFile = saveTrace(traceDir, outDir, method, t);
                }
                out.printf("lincheck| %s %s (%.1f s)%s%n", method, status, seconds,
                        traceFile == null ? "" : " trace: " + outDir.resolve(traceFile));
                results.add(new StressTestResult(testName(method), "lincheck", PRIMITIVES.getOrDefault(method, method),
                        status, List.of(), violation, Math.round(seconds * 1000) / 1000.0, message, traceFile));
            }
        };
        LauncherFactory.create().execute(request, listener);
        return results;
    }

    private static String method(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .orElse(id.getDisplayName());
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage().strip();
        for (String line : m.split("\\R")) {
            if (!line.isBlank() && !line.startsWith("=")) {
                return line.strip();
            }
        }
        return t.getClass().getName();
    }

    private static String saveTrace(Path traceDir, Path outDir, String method, Throwable t) {
        try {
            Files.createDirectories(traceDir);
            Path f = traceDir.resolve(method + ".txt");
            StringWriter sw = new StringWriter();
            if (t != null) {
                t.printStackTrace(new PrintWriter(sw));
            }
            Files.writeString(f, sw.toString(), StandardCharsets.UTF_8);
            return outDir.relativize(f).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the Lincheck trace of " + method + ": " + e.getMessage(), e);
        }
    }
}
