package dev.pyconc.reference;

/**
 * The slow path of every lock-like acquire in this package ({@link PrimitiveLock}, {@link ReentrantLock},
 * {@link RefSemaphore}), and of {@link RefThreading}'s latch waits and main-thread join: the wait itself, once the
 * caller's non-blocking attempt has failed. It marks the thread as waiting for {@link RefContext#isWaiting}
 * (which cases poll to see that a thread is blocked), and treats a Java interrupt as a Python thread must: the
 * wait goes on (unless {@link RefContext#onInterrupt()} raises because the adapter was closed or SIGINT is pending
 * for the main thread), and the interrupt flag is set again on return.
 */
final class Waits {
    /**
     * What blocks: an {@code AbstractQueuedSynchronizer}'s acquire, for the argument the caller gives, or another
     * interruptible wait of the same two forms (a latch, {@code Thread.join}).
     */
    interface Acquirer {
        /** Blocks until acquired ({@code acquireInterruptibly} or {@code acquireSharedInterruptibly}). */
        void blockInterruptibly(long arg) throws InterruptedException;

        /** Blocks at most {@code nanos} ({@code tryAcquireNanos} or {@code tryAcquireSharedNanos}). */
        boolean blockNanos(long arg, long nanos) throws InterruptedException;
    }

    /** A wait that takes no argument, until it is over ({@code CountDownLatch.await}, {@code Thread.join}). */
    interface Untimed {
        void await() throws InterruptedException;
    }

    /** The same wait for at most {@code nanos}; true if it is over. */
    interface Timed {
        boolean await(long nanos) throws InterruptedException;
    }

    private Waits() {}

    /** {@link #acquire} for a wait that takes no argument, in its two forms. */
    static boolean await(RefContext ctx, Untimed untimed, Timed timed, long nanos) {
        return acquire(ctx, new Acquirer() {
            @Override
            public void blockInterruptibly(long ignored) throws InterruptedException {
                untimed.await();
            }

            @Override
            public boolean blockNanos(long ignored, long n) throws InterruptedException {
                return timed.await(n);
            }
        }, 0, nanos);
    }

    /**
     * Waits until {@code a} acquires {@code arg}: without limit when {@code nanos} is negative or at least
     * {@link Timeouts#FOREVER_NANOS}, else for at most {@code nanos} (measured from this call, on
     * {@link System#nanoTime()}, so an interrupt does not restart the clock).
     *
     * @return true if acquired, false if the time ran out
     * @throws dev.pyconc.spi.exceptions.KeyboardInterrupt on the main thread when SIGINT is pending
     * @throws dev.pyconc.spi.exceptions.RuntimeError when the adapter was closed during the wait
     */
    static boolean acquire(RefContext ctx, Acquirer a, long arg, long nanos) {
        boolean interrupted = false;
        ctx.beginWait();
        try {
            if (nanos < 0 || nanos >= Timeouts.FOREVER_NANOS) {
                while (true) {
                    try {
                        a.blockInterruptibly(arg);
                        return true;
                    } catch (InterruptedException e) {
                        ctx.onInterrupt(); // may raise: the adapter was closed, or SIGINT reached the main thread
                        interrupted = true;
                    }
                }
            }
            long deadline = System.nanoTime() + nanos;
            while (true) {
                try {
                    return a.blockNanos(arg, Math.max(0, deadline - System.nanoTime()));
                } catch (InterruptedException e) {
                    ctx.onInterrupt(); // may raise: the adapter was closed, or SIGINT reached the main thread
                    interrupted = true;
                }
            }
        } finally {
            ctx.endWait();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
