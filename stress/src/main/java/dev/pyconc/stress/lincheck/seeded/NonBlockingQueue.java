package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.queue.Queue;

/**
 * Base of the seeded broken queues: only the non-blocking operations the Lincheck test uses are implemented
 * ({@code put_nowait}, {@code get_nowait}, {@code qsize}, {@code empty}, {@code full}); blocking ones throw.
 */
abstract class NonBlockingQueue implements Queue {
    @Override
    public boolean empty() {
        return qsize() == 0;
    }

    @Override
    public void put(Object item) {
        throw unsupported();
    }

    @Override
    public void put(Object item, boolean block) {
        if (block) {
            throw unsupported();
        }
        putNowait(item);
    }

    @Override
    public void put(Object item, boolean block, Double timeout) {
        put(item, block);
    }

    @Override
    public Object get() {
        throw unsupported();
    }

    @Override
    public Object get(boolean block) {
        if (block) {
            throw unsupported();
        }
        return getNowait();
    }

    @Override
    public Object get(boolean block, Double timeout) {
        return get(block);
    }

    @Override
    public void taskDone() {
        throw unsupported();
    }

    @Override
    public void join() {
        throw unsupported();
    }

    @Override
    public void shutdown() {
        throw unsupported();
    }

    @Override
    public void shutdown(boolean immediate) {
        throw unsupported();
    }

    static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("seeded bug: non-blocking operations only");
    }
}
