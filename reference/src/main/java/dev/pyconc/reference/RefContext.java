package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.RuntimeError;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** State shared by every object of one adapter: whether it was closed, and which threads are in a blocking wait. */
final class RefContext {
    private volatile boolean closed;
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

    /** Marks the calling thread as about to park in a blocking call of this adapter (see {@link #isWaiting}). */
    void beginWait() {
        waiting.add(Thread.currentThread());
    }

    /** Ends {@link #beginWait()}. */
    void endWait() {
        waiting.remove(Thread.currentThread());
    }

    /** Whether {@code t} is inside a blocking wait of this adapter (it may not have parked yet). */
    boolean isWaiting(Thread t) {
        return waiting.contains(t);
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /**
     * Called when a blocked Java thread is interrupted. Python threads cannot be interrupted, so the wait goes
     * on (the caller re-asserts the interrupt flag when it returns), unless the adapter was closed: then the
     * call is abandoned with RuntimeError so that the thread can end.
     */
    void onInterrupt() {
        if (closed) {
            Thread.currentThread().interrupt();
            throw new RuntimeError("the pyconc reference adapter was closed while this thread was blocked");
        }
    }
}
