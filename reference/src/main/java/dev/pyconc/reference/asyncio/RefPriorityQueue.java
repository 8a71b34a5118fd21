package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.PyValues;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code asyncio.PriorityQueue}, ported from CPython 3.14's {@code asyncio/queues.py}
 * ({@code class PriorityQueue}): a {@link RefQueue} whose storage is a binary heap kept exactly as
 * {@code heapq.heappush/heappop} keep it, so that equal items leave in CPython's order and an item Python cannot
 * compare raises TypeError after it was appended, as heapq does.
 *
 * <p>The heap and its {@code <} repeat those of the {@code queue} module's PriorityQueue
 * ({@code dev.pyconc.reference.Stores}, package-private there).
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.PriorityQueue">asyncio.PriorityQueue</a>
 */
final class RefPriorityQueue extends RefQueue {
    private final ArrayList<Object> heap = new ArrayList<>(); // CPython: _queue = []

    RefPriorityQueue(long maxsize) {
        super(maxsize);
    }

    @Override
    int storeSize() {
        return heap.size();
    }

    /**
     * {@code _put(item)}: {@code heapq.heappush(self._queue, item)}.
     *
     * @throws dev.pyconc.spi.exceptions.TypeError if the item cannot be ordered against the others
     */
    @Override
    void storePut(Object item) {
        heap.add(item);
        siftdown(0, heap.size() - 1);
    }

    /** {@code _get()}: {@code heapq.heappop(self._queue)}. */
    @Override
    Object storeGet() {
        Object last = heap.remove(heap.size() - 1);
        if (!heap.isEmpty()) {
            Object ret = heap.get(0);
            heap.set(0, last);
            siftup(0);
            return ret;
        }
        return last;
    }

    @Override
    Object itemsForRepr() {
        return heap;
    }

    @Override
    String pythonClass() {
        return "PriorityQueue";
    }

    /** Python's {@code a < b} over plain values: a comparison with a float NaN is false, also inside lists. */
    static boolean lt(Object a, Object b) {
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
    private void siftdown(int startpos, int pos) {
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
    private void siftup(int pos) {
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
        siftdown(startpos, pos);
    }
}
