package dev.pyconc.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;

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

    /** {@code PriorityQueue}: a list kept as a heap by {@link Heapq}. */
    static RefQueue.Store heap() {
        ArrayList<Object> heap = new ArrayList<>();
        return new RefQueue.Store() {
            @Override
            public int size() {
                return heap.size();
            }

            @Override
            public void put(Object item) {
                Heapq.heappush(heap, item);
            }

            @Override
            public Object get() {
                return Heapq.heappop(heap);
            }
        };
    }

    /** ArrayDeque refuses null (None): items are boxed. */
    private record Box(Object value) {}
}
