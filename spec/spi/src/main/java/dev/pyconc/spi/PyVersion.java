package dev.pyconc.spi;

import java.util.Objects;

/** A Python language version, {@code major.minor}, with an optional micro part for display. */
public record PyVersion(int major, int minor, int micro) implements Comparable<PyVersion> {

    /** Parses {@code "3.14"} or {@code "3.14.3"} (anything after the third number is ignored). */
    public static PyVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().split("[.]");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a Python version (want MAJOR.MINOR[.MICRO]): " + text);
        }
        try {
            // The micro part may carry a release tag ("3.15.0a1"): keep its leading digits only.
            String microDigits = parts.length > 2 ? parts[2].replaceAll("[^0-9].*$", "") : "";
            int micro = microDigits.isEmpty() ? 0 : Integer.parseInt(microDigits);
            return new PyVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), micro);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Python version (want MAJOR.MINOR[.MICRO]): " + text, e);
        }
    }

    /** Compares major and minor only: behaviours are versioned by feature release. */
    @Override
    public int compareTo(PyVersion o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    /** True when this version is {@code other} or later (by major.minor). */
    public boolean atLeast(PyVersion other) {
        return compareTo(other) >= 0;
    }

    /** {@code major.minor}. */
    public String feature() {
        return major + "." + minor;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
