package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of plain values, for the messages this package builds as CPython
 * does (exception texts such as {@code message=b'...'} and {@code [Errno 2] ...: 'name'}).
 */
final class PyRepr {
    private PyRepr() {}

    /** {@code str(v)}: a String as itself, anything else as {@link #repr}. */
    static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** {@code repr(v)} of a plain value; bytes in full (unlike {@link PyBytes#toString()}, which cuts at 200). */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            return string(s);
        }
        if (v instanceof PyBytes b) {
            return bytes(b.toByteArray());
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e16 ? String.format("%.1f", d) : d.toString();
        }
        if (v instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(t.get(i)));
            }
            return sb.append(t.size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    /** {@code repr(b)} of bytes: {@code b'ab\x00'}, in full. */
    static String bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    /** {@code repr(data[offset:offset+length])}. */
    static String bytes(byte[] data, int offset, int length) {
        boolean dq = false;
        boolean sq = false;
        for (int i = offset; i < offset + length; i++) {
            sq |= data[i] == '\'';
            dq |= data[i] == '"';
        }
        char quote = sq && !dq ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (int i = offset; i < offset + length; i++) {
            int c = data[i] & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }

    private static String string(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }
}
