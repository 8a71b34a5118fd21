package dev.pyconc.reference.asyncio;

import dev.pyconc.reference.Heapq;
import java.util.ArrayList;

/**
 * {@code asyncio.PriorityQueue}, ported from CPython 3.14's {@code asyncio/queues.py}
 * ({@code class PriorityQueue}): a {@link RefQueue} whose storage is a list kept as a heap by {@link Heapq}, as
 * {@code heapq.heappush/heappop} keep it (shared with the {@code queue} module's PriorityQueue), so that equal
 * items leave in CPython's order and an item Python cannot compare raises TypeError after it was appended.
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
        Heapq.heappush(heap, item);
    }

    /** {@code _get()}: {@code heapq.heappop(self._queue)}. */
    @Override
    Object storeGet() {
        return Heapq.heappop(heap);
    }

    @Override
    Object itemsForRepr() {
        return heap;
    }

    @Override
    String pythonClass() {
        return "PriorityQueue";
    }
}
