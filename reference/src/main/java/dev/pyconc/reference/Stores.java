package dev.pyconc.reference;

import dev.pyconc.spi.PyValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The storage policies of the three queue classes. */
final class Stores {
    private Stores() {}

    /** {@code Queue}: a deque, append and popleft. */
    static RefQueue.Store fifo() {
        ArrayDeque<Object> q = new ArrayDeque<>();
        return new RefQueue.Store() {
            @Override
            public int size() {
                return q.size();
            }

            @Override
            public void put(Object item) {
                q.addLast(new Box(item));
            }

            @Override
            public Object get() {
                return ((Box) q.removeFirst()).value;
            }
        };
    }

    /** {@code LifoQueue}: a list, append and pop. */
    static RefQueue.Store lifo() {
        ArrayDeque<Object> q = new ArrayDeque<>();
        return new RefQueue.Store() {
            @Override
            public int size() {
                return q.size();
            }

            @Override
            public void put(Object item) {
                q.addLast(new Box(item));
            }

            @Override
            public Object get() {
                return ((Box) q.removeLast()).value;
            }
        };
    }

    /**
     * {@code PriorityQueue}: a binary heap kept exactly as Python's {@code heapq.heappush/heappop} keep it
     * (ordering with {@link PyValues#compare}), so equal items come out in the same order as on CPython and an
     * incomparable item raises TypeError after it was appended, as heapq does.
     */
    static RefQueue.Store heap() {
        return new Heap();
    }

    /**
     * Python's {@code a < b} over plain values: {@link PyValues#compare}, except that a comparison with a float
     * NaN is false (Python) rather than ordered ({@link Double#compare}), also inside lists.
     *
     * @throws dev.pyconc.spi.exceptions.TypeError for values Python cannot order
     */
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

    /** ArrayDeque refuses null (None): items are boxed. */
    private record Box(Object value) {}

    private static final class Heap implements RefQueue.Store {
        private final ArrayList<Object> heap = new ArrayList<>();

        @Override
        public int size() {
            return heap.size();
        }

        private static boolean lt(Object a, Object b) {
            return Stores.lt(a, b);
        }

        @Override
        public void put(Object item) {
            heap.add(item);
            siftdown(0, heap.size() - 1);
        }

        @Override
        public Object get() {
            Object last = heap.remove(heap.size() - 1);
            if (!heap.isEmpty()) {
                Object ret = heap.get(0);
                heap.set(0, last);
                siftup(0);
                return ret;
            }
            return last;
        }

        // C heapq's siftdown: swap the new item with its parent while it is smaller (swapping keeps the heap
        // intact if a comparison raises)
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
}
