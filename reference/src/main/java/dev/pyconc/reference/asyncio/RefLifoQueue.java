package dev.pyconc.reference.asyncio;

import java.util.ArrayList;

/**
 * {@code asyncio.LifoQueue}, ported from CPython 3.14's {@code asyncio/queues.py} ({@code class LifoQueue}): a
 * {@link RefQueue} whose storage is a list used as a stack (append, pop).
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html#asyncio.LifoQueue">asyncio.LifoQueue</a>
 */
final class RefLifoQueue extends RefQueue {
    private final ArrayList<Object> stack = new ArrayList<>(); // CPython: _queue = []

    RefLifoQueue(long maxsize) {
        super(maxsize);
    }

    @Override
    int storeSize() {
        return stack.size();
    }

    /** {@code _put(item)}: {@code self._queue.append(item)}. */
    @Override
    void storePut(Object item) {
        stack.add(item);
    }

    /** {@code _get()}: {@code self._queue.pop()}. */
    @Override
    Object storeGet() {
        return stack.remove(stack.size() - 1);
    }

    @Override
    Object itemsForRepr() {
        return stack;
    }

    @Override
    String pythonClass() {
        return "LifoQueue";
    }
}
