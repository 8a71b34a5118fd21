package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.spi.multiprocessing.PoolIterator;
import java.util.LinkedList;
import java.util.List;

/**
 * What {@code imap} and {@code imap_unordered} return for a chunksize above 1: pool.py's generator
 * {@code (item for chunk in result for item in chunk)} over an iterator of chunks. CPython's generator has no
 * {@code next(timeout)}; the reference's applies the timeout to the wait for the next chunk.
 */
final class ChunkedIterator implements PoolIterator {
    private final IMapIterator chunks;
    private final LinkedList<Object> current = new LinkedList<>(); // results may be None

    ChunkedIterator(IMapIterator chunks) {
        this.chunks = chunks;
    }

    @Override
    public Object next() {
        return next(null);
    }

    @Override
    public synchronized Object next(Double timeout) {
        while (current.isEmpty()) {
            current.addAll((List<?>) chunks.next(timeout));
        }
        return current.pollFirst();
    }
}
