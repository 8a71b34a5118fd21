package dev.pyconc.reference.contextvars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable map from variables to values (values may be null, Python's None). Where CPython uses a HAMT,
 * this copies on write: {@link #with} and {@link #without} cost O(n), reading and sharing cost O(1), which is
 * what {@code copy_context()} promises. Iteration follows insertion order (CPython's follows hashes; the
 * documentation promises no order).
 */
final class Snapshot {
    static final Snapshot EMPTY = new Snapshot(Map.of());

    private final Map<RefContextVar, Object> map;

    private Snapshot(Map<RefContextVar, Object> map) {
        this.map = map;
    }

    boolean contains(RefContextVar var) {
        return map.containsKey(var);
    }

    /** The value of {@code var}, or {@code absent} if it has none. */
    Object get(RefContextVar var, Object absent) {
        Object v = map.get(var);
        return v != null || map.containsKey(var) ? v : absent;
    }

    Snapshot with(RefContextVar var, Object value) {
        Map<RefContextVar, Object> m = new LinkedHashMap<>(map);
        m.put(var, value);
        return new Snapshot(Collections.unmodifiableMap(m));
    }

    Snapshot without(RefContextVar var) {
        if (!map.containsKey(var)) {
            return this;
        }
        Map<RefContextVar, Object> m = new LinkedHashMap<>(map);
        m.remove(var);
        return new Snapshot(Collections.unmodifiableMap(m));
    }

    /** The entries, read-only. */
    Map<RefContextVar, Object> entries() {
        return map;
    }
}
