package dev.pyconc.stress.cli;

import dev.pyconc.reports.stress.StressTestResult;
import dev.pyconc.stress.jcstress.JcstressProfiles;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the jcstress tests in a child JVM ({@code java -cp pyconc-jcstress.jar[:PYCONC_CLASSPATH]
 * org.openjdk.jcstress.Main ARGS -r DIR}), streams its output, and reads each test's verdict and outcome
 * table ("Results across all configurations") from that output.
 */
final class JcstressRun {
    private static final Pattern VERDICT = Pattern.compile(
            "^[\\s.]*\\[(OK|FAILED|ERROR|TIMEOUT|VM ERROR|SKIPPED)\\]\\s+(\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(.+?)\\s+([\\d,]+)\\s+(<?[\\d.]+%)\\s+(Acceptable|Forbidden|Interesting|ACCEPTABLE\\S*|FORBIDDEN|UNKNOWN)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    /** What the child JVM did. */
    record Outcome(int exitCode, List<StressTestResult> tests) {}

    private JcstressRun() {}

    /** The jcstress arguments for this profile, adapter and optional test regex (see {@link JcstressProfiles}). */
    static List<String> arguments(String profile, String adapter, String testRegex, PrintWriter err) {
        return JcstressProfiles.args(profile, adapter, testRegex);
    }

    /** Runs jcstress; every output line goes to {@code out} prefixed {@code "jcstress| "}. */
    static Outcome run(Path jar, List<String> args, Path reportDir, PrintWriter out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("jcstress jar not found: " + jar + " (build it: ./mvnw -q -B -DskipTests package)");
        }
        Files.createDirectories(reportDir);
        String cp = jar.toString();
        String extra = System.getenv("PYCONC_CLASSPATH");
        if (extra != null && !extra.isBlank()) {
            cp = cp + File.pathSeparator + extra;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add("org.openjdk.jcstress.Main");
        cmd.addAll(args);
        if (!args.contains("-v")) {
            cmd.add("-v"); // prints every test's outcome table, so the summary has counts
        }
        cmd.add("-r");
        cmd.add(reportDir.toString());
        out.println("jcstress| " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // jcstress writes its binary results file into the working folder: keep it beside the report.
        pb.directory(reportDir.toFile());
        Process p = pb.start();
        Parser parser = new Parser();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.println("jcstress| " + line);
                parser.accept(line);
            }
        }
        int code = p.waitFor();
        return new Outcome(code, parser.results());
    }

    /** Reads verdict lines and the "Results across all configurations" tables that follow them. */
    static final class Parser {
        private final Map<String, String> verdicts = new LinkedHashMap<>();
        private final Map<String, List<StressTestResult.Outcome>> tables = new LinkedHashMap<>();
        private String current;
        private boolean inTable;

        void accept(String raw) {
            String line = raw.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").replace("\r", "");
            Matcher v = VERDICT.matcher(line);
            if (v.find()) {
                current = v.group(2);
                verdicts.put(current, v.group(1));
                inTable = false;
                return;
            }
            if (current == null) {
                return;
            }
            if (line.contains("Results across all configurations")) {
                inTable = true;
                tables.put(current, new ArrayList<>());
                return;
            }
            if (!inTable) {
                return;
            }
            if (line.strip().startsWith("RESULT")) {
                return;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                tables.get(current).add(new StressTestResult.Outcome(m.group(1).strip(),
                        Long.parseLong(m.group(2).replace(",", "")), m.group(4).toUpperCase(Locale.ROOT),
                        m.group(5).strip()));
            } else if (line.isBlank() && !tables.get(current).isEmpty()) {
                inTable = false;
            }
        }

        List<StressTestResult> results() {
            List<StressTestResult> out = new ArrayList<>();
            verdicts.forEach((test, verdict) -> {
                List<StressTestResult.Outcome> rows = tables.getOrDefault(test, List.of());
                boolean forbidden = rows.stream().anyMatch(o -> o.expect().startsWith("FORBIDDEN") && o.samples() > 0)
                        || "FAILED".equals(verdict);
                out.add(new StressTestResult(test, "jcstress", primitiveOf(test), verdict, rows, forbidden, null,
                        "OK".equals(verdict) ? null : verdict, null));
            });
            return out;
        }
    }

    /**
     * Name fragments and the Python primitive each stands for, in search order (so that e.g. RLock is found
     * before Lock, Bounded before Semaphore).
     */
    private static final List<List<String>> PRIMITIVES = List.of(
            List.of("Bounded", "threading.BoundedSemaphore"), List.of("PriorityQueue", "queue.PriorityQueue"),
            List.of("SimpleQueue", "queue.SimpleQueue"), List.of("LifoQueue", "queue.LifoQueue"),
            List.of("Condition", "threading.Condition"), List.of("Semaphore", "threading.Semaphore"),
            List.of("Barrier", "threading.Barrier"), List.of("RLock", "threading.RLock"),
            List.of("Event", "threading.Event"), List.of("Lock", "threading.Lock"), List.of("Queue", "queue.Queue"));

    /**
     * The primitive a jcstress test exercises, guessed from its name: the first Python primitive named in the
     * test's own (innermost) class name, else in its enclosing class's name (e.g. {@code LockStress.Mutex}
     * gives {@code threading.Lock}, {@code EventBarrierStress.BarrierVisibility} gives
     * {@code threading.Barrier}); the enclosing class's name without {@code Stress} when none is named.
     */
    static String primitiveOf(String test) {
        String[] parts = test.split("[.$]");
        List<String> classes = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                classes.add(part);
            }
        }
        for (int i = classes.size() - 1; i >= 0; i--) {
            for (List<String> p : PRIMITIVES) {
                if (classes.get(i).contains(p.get(0))) {
                    return p.get(1);
                }
            }
        }
        if (classes.isEmpty()) {
            return test;
        }
        String outer = classes.get(0);
        return outer.endsWith("Stress") ? outer.substring(0, outer.length() - "Stress".length()) : outer;
    }
}
