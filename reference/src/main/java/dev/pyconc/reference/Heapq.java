package dev.pyconc.reference;

import dev.pyconc.spi.PyValues;
import java.util.List;

/**
 * Python's {@code heapq.heappush} and {@code heappop} over a list of plain values, ported from CPython's C
 * {@code _heapq} (its siftdown and siftup), with Python's {@code <}: the storage of the {@code queue} module's and
 * of {@code asyncio}'s PriorityQueue. Kept exactly as CPython keeps it, so equal items leave in CPython's order,
 * and an item Python cannot order raises TypeError after it was appended (the heap stays a heap).
 */
public final class Heapq {
    private Heapq() {}

    /**
     * {@code heapq.heappush(heap, item)}.
     *
     * @throws dev.pyconc.spi.exceptions.TypeError if Python cannot order the item against the others
     */
    public static void heappush(List<Object> heap, Object item) {
        heap.add(item);
        siftdown(heap, 0, heap.size() - 1);
    }

    /**
     * {@code heapq.heappop(heap)}: removes and returns the smallest item.
     *
     * @throws IndexOutOfBoundsException if the heap is empty (Python's IndexError; callers check first)
     */
    public static Object heappop(List<Object> heap) {
        Object last = heap.remove(heap.size() - 1);
        if (!heap.isEmpty()) {
            Object ret = heap.get(0);
            heap.set(0, last);
            siftup(heap, 0);
            return ret;
        }
        return last;
    }

    /**
     * Python's {@code a < b} over plain values: {@link PyValues#compare}, except that a comparison with a float
     * NaN is false (Python) rather than ordered ({@link Double#compare}), also inside lists.
     *
     * @throws dev.pyconc.spi.exceptions.TypeError for values Python cannot order
     */
    public static boolean lt(Object a, Object b) {
        if (isNaN(a) || isNaN(b)) {
            PyValues.compare(a, b); // TypeError if not both numbers
            return false;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            int n = Math.min(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                if (!PyValues.eq(la.get(i), lb.get(i))) {
                    return lt(la.get(i), lb.get(i));
                }
            }
            return la.size() < lb.size();
        }
        return PyValues.compare(a, b) < 0;
    }

    private static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
    }

    // C heapq's siftdown: swap the new item with its parent while it is smaller (swapping keeps the heap intact
    // if a comparison raises)
    private static void siftdown(List<Object> heap, int startpos, int pos) {
        Object newitem = heap.get(pos);
        while (pos > startpos) {
            int parentpos = (pos - 1) >> 1;
            Object parent = heap.get(parentpos);
            if (!lt(newitem, parent)) {
                break;
            }
            heap.set(pos, parent);
            heap.set(parentpos, newitem);
            pos = parentpos;
        }
    }

    // C heapq's siftup: swap the smaller child up until hitting a leaf, then siftdown from there
    private static void siftup(List<Object> heap, int pos) {
        int endpos = heap.size();
        int startpos = pos;
        int limit = endpos / 2;
        while (pos < limit) {
            int childpos = 2 * pos + 1;
            if (childpos + 1 < endpos && !lt(heap.get(childpos), heap.get(childpos + 1))) {
                childpos++;
            }
            Object child = heap.get(childpos);
            heap.set(childpos, heap.get(pos));
            heap.set(pos, child);
            pos = childpos;
        }
        siftdown(heap, startpos, pos);
    }
}
