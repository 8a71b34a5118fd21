package dev.pyconc.spi;

import dev.pyconc.spi.exceptions.TypeError;
import java.util.List;
import java.util.Map;

/**
 * Python semantics over the plain values that cross the SPI (see {@link dev.pyconc.spi}): truthiness,
 * equality and the {@code <} ordering that {@code PriorityQueue} relies on. A {@link PyTuple} is a tuple,
 * any other {@code List} a list: they compare and order as Python's tuples and lists do (equal only to their
 * own kind; {@code <} between a tuple and a list raises TypeError).
 */
public final class PyValues {
    private PyValues() {}

    /**
     * Python's {@code bool(value)}: None, False, zero, and empty str/list/dict are false.
     *
     * @see <a href="https://docs.python.org/3/library/stdtypes.html#truth-value-testing">Truth value testing</a>
     */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0.0;
        }
        if (value instanceof Float f) {
            return f != 0.0f;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /**
     * Python's {@code a == b} over plain values: {@code 1 == 1.0 == True}, lists and tuples element-wise; a
     * {@link PyTuple} never equals a list that is not a tuple (Java's {@code equals} would say it does).
     */
    public static boolean eq(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            if (isIntegral(a) && isIntegral(b)) {
                return asLong(a) == asLong(b);
            }
            return asDouble(a) == asDouble(b);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if ((a instanceof PyTuple) != (b instanceof PyTuple) || la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Python's three-way comparison for {@code <}: numbers with numbers, str with str, lists with lists and
     * tuples ({@link PyTuple}) with tuples lexicographically.
     *
     * @throws TypeError when Python would raise it ({@code '<' not supported between ...}), e.g. for an
     *     int and a str, or for None
     */
    public static int compare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isIntegral(a) && isIntegral(b)) {
                return Long.compare(asLong(a), asLong(b));
            }
            return Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareTo(sb) < 0 ? -1 : sa.equals(sb) ? 0 : 1;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            int n = Math.min(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i));
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw new TypeError("'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** The Python type name of a plain value ({@code int}, {@code str}, {@code NoneType}, ...). */
    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (isIntegral(v)) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float";
        }
        if (v instanceof CharSequence) {
            return "str";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        return v.getClass().getSimpleName();
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Boolean || v instanceof java.math.BigInteger;
    }

    private static long asLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
    }

    private static double asDouble(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    }
}
