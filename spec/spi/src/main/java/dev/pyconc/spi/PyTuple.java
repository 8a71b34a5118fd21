package dev.pyconc.spi;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python {@code tuple} crossing the SPI: an immutable {@link List} of plain values ({@code null} items are
 * allowed: None). A plain {@code List} stands for a Python {@code list}.
 *
 * <p>As a Java {@code List} it equals any list with equal items in the same order (and has the same hash
 * code), so that {@code assertEquals(List.of(1L, "a"), tuple)} holds. Python semantics are in
 * {@link PyValues}: there a tuple never equals a list ({@code (1,) == [1]} is False), tuples order
 * lexicographically among themselves, and ordering a tuple against a list raises TypeError.
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    private static final PyTuple EMPTY = new PyTuple(new Object[0]);
    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    /** The tuple of the given items, in order. */
    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    /** The tuple of a list's items, in order (a copy). */
    public static PyTuple copyOf(List<?> items) {
        if (items instanceof PyTuple t) {
            return t;
        }
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Python's repr-like spelling: {@code (1, 'a')}, {@code (1,)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(items[i] instanceof String s ? "'" + s + "'" : String.valueOf(items[i]));
        }
        return sb.append(items.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(items, items.length);
    }
}
