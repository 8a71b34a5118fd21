package dev.pyconc.spec.harness;

import dev.pyconc.catalog.Behaviour;
import dev.pyconc.catalog.Catalog;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which cases a run judges, the one place that decides it (the JUnit extension and the CLI runner both ask
 * here), in the manner of the JSR-166 TCK's {@code testImplementationDetails} gate.
 *
 * <ul>
 *   <li>{@link #DOCS} (the default): only what the Python documentation promises. A case checking a
 *       behaviour tagged {@code cpython-detail} is left out.</li>
 *   <li>{@link #CPYTHON}: the documented behaviour and, reported apart, CPython's implementation details:
 *       what CPython does where the docs say nothing, or where CPython does something else than they say.</li>
 * </ul>
 *
 * <p>Read from configuration parameter, then system property, {@value #KEY} ({@code docs} or {@code cpython}).
 */
public enum Profile {
    /** What the docs promise; the default. */
    DOCS,
    /** The docs and CPython's implementation details. */
    CPYTHON;

    /** Configuration parameter / system property naming the profile. */
    public static final String KEY = "pyconc.profile";
    /** The catalog tag of an implementation detail. */
    public static final String DETAIL_TAG = "cpython-detail";

    /** The profile's name on the command line and in results: {@code docs} or {@code cpython}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile named {@code s} (case-insensitive). @throws IllegalArgumentException for another name */
    public static Profile parse(String s) {
        for (Profile p : values()) {
            if (p.label().equalsIgnoreCase(s.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException(KEY + " must be docs or cpython: " + s);
    }

    /** The profile of a run: {@code configuration} (a JUnit configuration parameter), then the system property. */
    public static Profile of(Function<String, Optional<String>> configuration) {
        return parse(configuration.apply(KEY).orElse(System.getProperty(KEY, DOCS.label())));
    }

    /** Whether this profile runs a case; {@code detail} says whether it checks an implementation detail. */
    public boolean runs(boolean detail) {
        return !detail || this == CPYTHON;
    }

    /** Whether a behaviour is an implementation detail of CPython (tagged {@value #DETAIL_TAG}). */
    public static boolean isDetail(Behaviour b) {
        return b.tags().contains(DETAIL_TAG);
    }

    /**
     * Whether a case checking {@code ids} is an implementation-detail case: one of its behaviours is tagged
     * {@value #DETAIL_TAG}. (The ids a case's own {@link Checks} names are all details or all documented;
     * ids a binding class adds may be documented, as {@code LockTypeCases}' version bound.)
     */
    public static boolean isDetail(Collection<String> ids) {
        Catalog catalog = Catalog.standard();
        return ids.stream().map(catalog::find).flatMap(Optional::stream).anyMatch(Profile::isDetail);
    }

    /** Whether case method {@code m}, run as a case of {@code testClass}, checks an implementation detail. */
    public static boolean isDetail(Class<?> testClass, Method m) {
        return isDetail(PyconcExtension.checks(testClass, m));
    }
}
