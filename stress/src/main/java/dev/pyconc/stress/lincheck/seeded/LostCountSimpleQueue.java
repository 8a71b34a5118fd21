package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.queue.SimpleQueue;

/**
 * BUG: a reference {@code queue.SimpleQueue} whose {@code qsize()} and {@code empty()} come from a separate
 * plain counter, updated after each put and successful get with an unsynchronized {@code count++} /
 * {@code count--} (read, then write), so racing updates are lost and qsize drifts from the real size.
 * The items themselves go through the correct reference queue. Lincheck sees a qsize (or empty) that no
 * sequential order gives.
 */
public final class LostCountSimpleQueue implements SimpleQueue {
    private final SimpleQueue inner;
    private long count;

    /** Wraps {@code inner}, counting its items racily. */
    public LostCountSimpleQueue(SimpleQueue inner) {
        this.inner = inner;
    }

    @Override
    public long qsize() {
        return count;
    }

    @Override
    public boolean empty() {
        return count == 0;
    }

    @Override
    public void put(Object item) {
        putNowait(item);
    }

    @Override
    public void put(Object item, boolean block) {
        putNowait(item);
    }

    @Override
    public void put(Object item, boolean block, Double timeout) {
        putNowait(item);
    }

    @Override
    public void putNowait(Object item) {
        inner.putNowait(item);
        count++;
    }

    @Override
    public Object get() {
        throw NonBlockingQueue.unsupported();
    }

    @Override
    public Object get(boolean block) {
        if (block) {
            throw NonBlockingQueue.unsupported();
        }
        return getNowait();
    }

    @Override
    public Object get(boolean block, Double timeout) {
        return get(block);
    }

    @Override
    public Object getNowait() {
        Object item = inner.getNowait();
        count--;
        return item;
    }
}
