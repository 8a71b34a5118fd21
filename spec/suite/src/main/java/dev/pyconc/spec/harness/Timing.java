package dev.pyconc.spec.harness;

/**
 * Named timeout tiers, in seconds, all scaled by one factor: the system property {@code pyconc.timing.factor}
 * (default 1.0; raise it on a slow or loaded machine), read once when this class is loaded. It is a JVM system
 * property only, not a JUnit configuration parameter: set it with {@code -D} (or {@code pyconc run
 * --timing-factor}, which sets the property before any case runs), since the tiers are constants.
 *
 * <ul>
 *   <li>{@link #SHORT}: a timeout passed to a call that is expected to expire;</li>
 *   <li>{@link #MEDIUM}: a timeout passed to a call expected to succeed well before it;</li>
 *   <li>{@link #LONG}: the ceiling for "returns promptly", polling and joining helper threads;</li>
 *   <li>{@link #CASE}: the deadline of a whole case, after which it is reported TIMEOUT.</li>
 * </ul>
 */
public final class Timing {
    /** Seconds for a timeout that is expected to expire. */
    public static final double SHORT = 0.05 * factor();
    /** Seconds for a timeout that should not be reached. */
    public static final double MEDIUM = 1.0 * factor();
    /** Seconds: ceiling for something that should happen promptly. */
    public static final double LONG = 10.0 * factor();
    /** Seconds: deadline for one case. */
    public static final double CASE = 60.0 * factor();
    /** Lower-bound tolerance in seconds for an expected timeout (double rounding, not scheduling). */
    public static final double EPSILON = 0.001;

    private Timing() {}

    /** The scale factor, from system property {@code pyconc.timing.factor} (read on every call; the tiers keep the value read at class loading). */
    public static double factor() {
        String s = System.getProperty("pyconc.timing.factor", "1.0");
        try {
            double f = Double.parseDouble(s);
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("pyconc.timing.factor must be a positive number: " + s);
            }
            return f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pyconc.timing.factor must be a positive number: " + s, e);
        }
    }

    /** Seconds as nanoseconds. */
    public static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
