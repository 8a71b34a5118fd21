package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.exceptions.RuntimeError;

/**
 * Port of {@code asyncio.mixins._LoopBoundMixin}: a primitive or queue made outside a loop binds to the loop that
 * first uses it; using it from another loop afterwards raises RuntimeError.
 */
public abstract class RefLoopBound {
    private static final Object GLOBAL_LOCK = new Object();
    private volatile RefEventLoop loop;

    /**
     * {@code _get_loop()}: the running loop, binding this object to it on first use. As in CPython, a use outside
     * any running loop finds null (None), and binds to it if nothing was bound yet.
     *
     * @throws RuntimeError "... is bound to a different event loop" if bound to another loop
     */
    protected RefEventLoop getLoop() {
        RefEventLoop running = RefEventLoop.runningOrNull();
        if (loop == null) {
            synchronized (GLOBAL_LOCK) {
                if (loop == null) {
                    loop = running;
                }
            }
        }
        if (running != loop) {
            throw new RuntimeError(this + " is bound to a different event loop");
        }
        return running;
    }
}
