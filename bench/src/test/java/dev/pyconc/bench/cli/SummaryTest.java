package dev.pyconc.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's judgement of targets and of the CPython column, on made-up times. */
class SummaryTest {
    private static Summary.Cell ns(double v) {
        return new Summary.Cell("x", v, null, v, null);
    }

    private static Summary summary(Summary.Row... rows) {
        return new Summary("2026-12-07T00:00:00Z", new Summary.Machine("os", null, 2, "jdk", null, null),
                new Summary.Settings("quick", "jmh", "timeit", null), List.of(rows));
    }

    @Test
    void targetMetAtOrBelowTheRatioMissedAbove() {
        Summary.Row met = Summary.Row.of("a", "a()", "a", "ns/op", ns(13), ns(10), ns(50), 1.3, true);
        Summary.Row missed = Summary.Row.of("b", "b()", "b", "ns/op", ns(14), ns(10), ns(50), 1.3, true);
        Summary.Row none = Summary.Row.of("c", "c()", "c", "ns/op", ns(30), ns(10), ns(20), null, true);
        assertTrue(met.targetMet());
        assertFalse(missed.targetMet());
        assertNull(none.targetMet());
        assertEquals("≤ 1.30 met", Summary.targetText(met));
        assertEquals("≤ 1.30 **missed**", Summary.targetText(missed));
        assertEquals("", Summary.targetText(none));
        assertEquals("Targets met: 1 of 2 (missed: `b()`). Faster than CPython: 2 of 3 rows (not: `c()`).",
                summary(met, missed, none).verdict());
    }

    @Test
    void aRowWithoutCpythonShowsADashAndIsNotCompared() {
        Summary.Row bridge = Summary.Row.of("d", "d()", "d", "us/op", ns(40_000), ns(25_000),
                Summary.Cell.missing("d()", "CPython's column does not apply: it times the bridge"), 2.0, false);
        assertTrue(bridge.complete(true));
        Summary s = summary(bridge);
        assertTrue(s.table().contains("| 1.60 | ≤ 2.00 met | — | — |"), s.table());
        assertEquals("Targets met: 1 of 1. Faster than CPython: 0 of 0 rows.", s.verdict());
    }

    @Test
    void anUnmeasuredRowHasNoVerdict() {
        Summary.Row failed = Summary.Row.of("e", "e()", "e", "ns/op", Summary.Cell.missing("e", "failed"), ns(10),
                ns(10), 1.3, true);
        assertNull(failed.targetMet());
        assertEquals("≤ 1.30", Summary.targetText(failed));
        assertFalse(failed.complete(true));
    }
}
