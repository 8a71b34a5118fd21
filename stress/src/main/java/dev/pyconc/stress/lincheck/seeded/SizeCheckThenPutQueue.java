package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.queue.Queue;

/**
 * BUG: a bounded FIFO built on an unbounded reference {@code queue.Queue()} that enforces maxsize outside
 * the queue's lock: {@code put_nowait} reads {@code qsize()}, and only then puts, so two racing puts into a
 * queue one below maxsize both succeed and the queue holds more than maxsize items. Every call into the
 * wrapped queue is itself correct. Lincheck sees two successful puts where one must raise Full (or a
 * qsize above maxsize).
 */
public final class SizeCheckThenPutQueue extends NonBlockingQueue {
    private final Queue inner;
    private final long maxsize;

    /** Wraps the unbounded {@code inner} and bounds it at {@code maxsize}, racily. */
    public SizeCheckThenPutQueue(Queue inner, long maxsize) {
        this.inner = inner;
        this.maxsize = maxsize;
    }

    @Override
    public void putNowait(Object item) {
        if (inner.qsize() >= maxsize) {
            throw new Full("");
        }
        inner.putNowait(item);
    }

    @Override
    public Object getNowait() {
        return inner.getNowait();
    }

    @Override
    public long qsize() {
        return inner.qsize();
    }

    @Override
    public boolean full() {
        return inner.qsize() >= maxsize;
    }
}
