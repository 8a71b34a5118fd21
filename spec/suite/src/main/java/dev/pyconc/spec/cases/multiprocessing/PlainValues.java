package dev.pyconc.spec.cases.multiprocessing;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One value of every plain type of the SPI (None, bool, int, float, str, bytes, tuple, list, dict), nested too. */
final class PlainValues {
    private PlainValues() {}

    /** Every byte value 0..255 once, in order. */
    static PyBytes allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return PyBytes.of(b);
    }

    /** The values, in a fixed order; equal values come back from a pickle round trip. */
    static List<Object> all() {
        Map<String, Object> dict = new HashMap<>();
        dict.put("one", 1L);
        dict.put("none", null);
        dict.put("nested", List.of(PyTuple.of(2L, "two"), Map.of("x", 1.25)));
        List<Object> out = new ArrayList<>();
        out.add(null);
        out.add(true);
        out.add(false);
        out.add(0L);
        out.add(-7L);
        out.add(Long.MAX_VALUE);
        out.add(Long.MIN_VALUE);
        out.add(1.5);
        out.add(-2.0e300);
        out.add("");
        out.add("ascii");
        out.add("h\u00e9llo \u2713 \uD834\uDD1E");
        out.add(PyBytes.empty());
        out.add(allByteValues());
        out.add(PyTuple.of());
        out.add(PyTuple.of(1L, "a", null));
        out.add(List.of());
        out.add(List.of(1L, List.of(2L, List.of(3L)), "x"));
        out.add(Map.of());
        out.add(dict);
        return out;
    }
}
