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
                q.addLast(item == null ? NONE : item);
            }

            @Override
            public Object get() {
                return unwrap(q.removeFirst());
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
                q.addLast(item == null ? NONE : item);
            }

            @Override
            public Object get() {
                return unwrap(q.removeLast());
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

    /**
     * What an {@link ArrayDeque} holds for None (Java's null, which it refuses): one private object, so a put
     * allocates nothing (each item used to be wrapped in a box of its own). No caller can put this object.
     */
    static final Object NONE = new Object();

    /** The item {@code stored} stands for: null for {@link #NONE}. */
    static Object unwrap(Object stored) {
        return stored == NONE ? null : stored;
    }
}
