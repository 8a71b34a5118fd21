package dev.pyconc.stress.lincheck;

import java.util.Locale;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * How hard the Lincheck tests search: model checking (Lincheck's managed scheduler explores thread switches
 * at shared-memory accesses) with 2 threads of 3 operations, sized by the stress profile named by system
 * property {@code pyconc.stress.profile} ({@code quick} when unset), after the hand-picked {@link Scenarios}.
 *
 * <table>
 *   <caption>iterations (scenarios) x invocations (interleavings per scenario)</caption>
 *   <tr><th>profile</th><th>iterations</th><th>invocations</th></tr>
 *   <tr><td>quick</td><td>6</td><td>250</td></tr>
 *   <tr><td>default</td><td>30</td><td>2000</td></tr>
 *   <tr><td>tough</td><td>60</td><td>3000</td></tr>
 * </table>
 */
public final class LincheckPlan {
    /** The system property naming the profile. */
    public static final String PROFILE_PROPERTY = "pyconc.stress.profile";

    private LincheckPlan() {}

    /** The profile of this JVM: quick, default or tough. */
    public static String profile() {
        String p = System.getProperty(PROFILE_PROPERTY, "quick").trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "quick", "default", "tough" -> p;
            default -> throw new IllegalArgumentException("unknown stress profile '" + p + "' (quick, default, tough)");
        };
    }

    /** Scenarios generated per test in this profile. */
    public static int iterations() {
        return switch (profile()) {
            case "default" -> 30;
            case "tough" -> 60;
            default -> 6;
        };
    }

    /** Interleavings explored per scenario in this profile. */
    public static int invocations() {
        return switch (profile()) {
            case "default" -> 2000;
            case "tough" -> 3000;
            default -> 250;
        };
    }

    /**
     * Model-checking options for {@code model}: 2 threads of 3 operations, one operation before and one after
     * the parallel part.
     */
    public static ModelCheckingOptions options(Class<?> model) {
        return new ModelCheckingOptions()
                .iterations(iterations())
                .invocationsPerIteration(invocations())
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(model);
    }

    /**
     * Like {@link #options} but with no operations outside the parallel part, for thread-dependent models
     * (RLock): then every operation runs on the Lincheck thread its ThreadIdGen number names.
     */
    public static ModelCheckingOptions parallelOnly(Class<?> model) {
        return options(model).actorsBefore(0).actorsAfter(0);
    }

    /**
     * Runs Lincheck on {@code testClass}: first the hand-picked {@link Scenarios} of its primitive, then the
     * random ones; throws Lincheck's AssertionError when it is not linearizable.
     */
    public static void check(Class<?> testClass, ModelCheckingOptions options) {
        for (var s : Scenarios.of(testClass)) {
            options.addCustomScenario(s);
        }
        options.check(testClass);
    }
}
