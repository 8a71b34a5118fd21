package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.exceptions.RuntimeError;

/**
 * {@code asyncio.mixins._LoopBoundMixin}: an object made outside any loop binds to the first running loop that
 * asks for it, and refuses every other loop afterwards.
 */
abstract class RefLoopBound {
    private RefEventLoop loop; // written only by the loop that binds it; read under the loop's hand-over

    /**
     * {@code _get_loop()}: the running loop, binding this object to it on first use.
     *
     * @throws RuntimeError {@code "<repr> is bound to a different event loop"} when called from another loop
     */
    protected RefEventLoop getLoop() {
        RefEventLoop running = RefEventLoop.running();
        synchronized (this) { // CPython's _global_lock: two loops on two threads may race for the first binding
            if (loop == null) {
                loop = running;
            }
        }
        if (running != loop) {
            throw new RuntimeError(this + " is bound to a different event loop");
        }
        return running;
    }

    /** CPython's default {@code object.__repr__} part of the primitives' reprs. */
    static String objectRepr(Object self, String pythonClass) {
        return pythonClass + " object at 0x" + Integer.toHexString(System.identityHashCode(self));
    }
}
