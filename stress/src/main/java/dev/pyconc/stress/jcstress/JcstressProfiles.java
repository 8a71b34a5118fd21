package dev.pyconc.stress.jcstress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The jcstress command-line arguments of pyconc's stress profiles, for {@code java -jar pyconc-jcstress.jar}.
 * The adapter under test is passed to jcstress's forked JVMs as {@code -Dpyconc.adapter=NAME}.
 *
 * <p>Costs measured on the 2-core build machine (JDK 17, the 19 tests, reference adapter). jcstress runs
 * every test in two JVM configurations here (with and without biased locking) even with {@code -jvmArgs}.
 * <ul>
 *   <li>{@code quick}: {@code -f 1 -iters 1 -time 100 -sc false -jvmArgs -Dpyconc.adapter=NAME}: one fork,
 *       one 100 ms iteration per configuration, no split per-actor compilation variants, no auto-detected
 *       JVM flag sets ({@code -jvmArgs} replaces them). All 19 tests (38 test configurations): 28 s on a
 *       quiet machine, 61 s while other builds ran (1.5-3 s per test). A single targeted test takes 6-15 s
 *       with jcstress's start-up; a Termination test whose actor is stuck takes 45-75 s (jcstress waits
 *       before it declares STALE). This is what {@code ./mvnw verify} runs: {@code JcstressQuickIT} with the
 *       13 seeded-bug checks took 2 min 13 s quiet, 4 min 15 s loaded.</li>
 *   <li>{@code default}: {@code -f 1 -iters 1 -time 200} with all compilation variants and JVM flag sets
 *       ({@code -jvmArgsPrepend}): 6 min 1 s for the 19 tests (282 test configurations).</li>
 *   <li>{@code tough}: jcstress's {@code -m tough} preset with {@code -jvmArgsPrepend}: several forks and
 *       longer iterations per configuration; not measured in full here, expect more than an hour for all
 *       tests (leave it running overnight).</li>
 * </ul>
 */
public final class JcstressProfiles {
    /** The profile names. */
    public static final List<String> PROFILES = List.of("quick", "default", "tough");

    private JcstressProfiles() {}

    /**
     * The jcstress arguments for a profile.
     *
     * @param profile {@code quick}, {@code default} or {@code tough}
     * @param adapter adapter name passed to the forks as {@code -Dpyconc.adapter} (null means {@code reference})
     * @param testRegex jcstress {@code -t} test selector (a regex on the test class name), or null for all tests
     * @throws IllegalArgumentException for an unknown profile
     */
    public static List<String> args(String profile, String adapter, String testRegex) {
        String prop = "-Dpyconc.adapter=" + (adapter == null ? "reference" : adapter);
        List<String> a = new ArrayList<>();
        switch (profile.toLowerCase(Locale.ROOT)) {
            case "quick" -> a.addAll(List.of("-f", "1", "-iters", "1", "-time", "100", "-sc", "false", "-jvmArgs", prop));
            case "default" -> a.addAll(List.of("-f", "1", "-iters", "1", "-time", "200", "-jvmArgsPrepend", prop));
            case "tough" -> a.addAll(List.of("-m", "tough", "-jvmArgsPrepend", prop));
            default -> throw new IllegalArgumentException("unknown stress profile '" + profile + "'; known: " + PROFILES);
        }
        if (testRegex != null && !testRegex.isBlank()) {
            a.add("-t");
            a.add(testRegex);
        }
        return a;
    }

    /** {@link #args(String, String, String)} plus {@code -r reportDir} (jcstress writes its HTML report there). */
    public static List<String> args(String profile, String adapter, String testRegex, Path reportDir) {
        List<String> a = args(profile, adapter, testRegex);
        a.add("-r");
        a.add(reportDir.toString());
        return a;
    }
}
