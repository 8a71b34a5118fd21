package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import java.util.LinkedList;
import java.util.List;

/**
 * What {@code imap} and {@code imap_unordered} return for a chunksize above 1: pool.py's generator
 * {@code (item for chunk in result for item in chunk)} over an iterator of chunks. Like CPython's generator it has
 * no {@code next(timeout)} method: calling it raises AttributeError.
 */
final class ChunkedIterator implements PoolIterator {
    private final IMapIterator chunks;
    private final LinkedList<Object> current = new LinkedList<>(); // results may be None

    ChunkedIterator(IMapIterator chunks) {
        this.chunks = chunks;
    }

    @Override
    public synchronized Object next() {
        while (current.isEmpty()) {
            current.addAll((List<?>) chunks.next());
        }
        return current.pollFirst();
    }

    /** @throws AttributeError always: a generator has no {@code next} method */
    @Override
    public Object next(Double timeout) {
        throw new AttributeError("'generator' object has no attribute 'next'");
    }
}
