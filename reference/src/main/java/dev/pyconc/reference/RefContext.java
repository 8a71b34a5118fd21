package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.RuntimeError;

/** State shared by every object of one adapter: whether it was closed. */
final class RefContext {
    private volatile boolean closed;

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
