package dev.pyconc.reference.asyncio;

import dev.pyconc.spi.asyncio.CoroutineFunction;

/**
 * An asyncio event loop: a ready queue of callbacks and a heap of timers, run by one thread; tasks' bodies run on
 * threads of their own that take turns with the loop (see the package notes). STUB: the loop helper fills it in.
 */
public final class RefEventLoop {
    /** A callback scheduled with {@link #callLater}; {@link #cancel()} removes it if it has not run. */
    public interface TimerHandle {
        void cancel();
    }

    /**
     * {@code asyncio.run(main())}: a new loop on the calling thread runs {@code main} as its main task, then cancels
     * what is left, closes, and returns main's result or throws its exception.
     */
    public static <T> T run(CoroutineFunction<T> main) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * {@code asyncio.get_running_loop()}: the loop whose task is running on the calling thread.
     *
     * @throws dev.pyconc.spi.exceptions.RuntimeError "no running event loop" when called outside a task body
     */
    public static RefEventLoop running() {
        throw new UnsupportedOperationException("stub");
    }

    /** The running loop, or null outside any task body (mixins' binding asks without raising). */
    public static RefEventLoop runningOrNull() {
        throw new UnsupportedOperationException("stub");
    }

    /** {@code loop.create_future()}: a pending future of this loop. */
    public <T> RefFuture<T> createFuture() {
        throw new UnsupportedOperationException("stub");
    }

    /** {@code loop.call_soon(callback)}: runs it on the loop's thread at the next iteration, in FIFO order. */
    public void callSoon(Runnable callback) {
        throw new UnsupportedOperationException("stub");
    }

    /** {@code loop.call_later(delay, callback)}. */
    public TimerHandle callLater(double delay, Runnable callback) {
        throw new UnsupportedOperationException("stub");
    }

    /** {@code loop.time()}: monotonic seconds. */
    public double time() {
        throw new UnsupportedOperationException("stub");
    }
}
