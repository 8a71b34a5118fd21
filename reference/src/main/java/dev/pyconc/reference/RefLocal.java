package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.threading.Local;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code threading.local}: one attribute dictionary per thread, kept in a {@link ThreadLocal} so that it goes
 * away with its thread, as CPython drops a thread's local dictionaries when the thread ends.
 */
final class RefLocal implements Local {
    private final ThreadLocal<Map<String, Object>> dicts = ThreadLocal.withInitial(HashMap::new);

    private static AttributeError missing(String name) {
        return new AttributeError("'_thread._local' object has no attribute '" + name + "'");
    }

    @Override
    public Object getattr(String name) {
        Map<String, Object> d = dicts.get();
        Object value = d.get(name);
        if (value == null && !d.containsKey(name)) { // one lookup unless the value is None (null)
            throw missing(name);
        }
        return value;
    }

    @Override
    public void setattr(String name, Object value) {
        dicts.get().put(name, value);
    }

    @Override
    public void delattr(String name) {
        Map<String, Object> d = dicts.get();
        if (!d.containsKey(name)) {
            throw missing(name);
        }
        d.remove(name);
    }

    @Override
    public boolean hasattr(String name) {
        return dicts.get().containsKey(name);
    }

    /** The calling thread's dictionary, copied (the SPI hands out plain values, not the live dict). */
    @Override
    public Map<String, Object> dict() {
        return new HashMap<>(dicts.get());
    }
}
