package dev.pyconc.reference;

import dev.pyconc.spi.exceptions.KeyboardInterrupt;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State shared by every object of one adapter: whether it was closed, which threads are in a blocking wait, and
 * the signal {@code _thread.interrupt_main} left pending for the main thread.
 *
 * <p>Signals. Python runs a signal's handler in the main thread, between two steps of Python code. Here only the
 * simulated signals of {@code interrupt_main} exist, and only SIGINT has a Python handler (the default one, which
 * raises KeyboardInterrupt); every other signal is {@code SIG_DFL}. A pending signal is stored here and the main
 * Java thread is interrupted, both under one lock; every blocking wait of the adapter treats a Java interrupt
 * through {@link #onInterrupt()}, which runs the handler when the interrupted thread is the main thread. So the
 * main thread gets KeyboardInterrupt in the blocking call it is in or next makes (not at once, as the docs allow),
 * and a thread that is not the main thread never does.
 */
final class RefContext {
    /** POSIX's SIGINT. */
    static final int SIGINT = 2;
    /** CPython's {@code signal.NSIG} on Linux: signal numbers are 1 to 64. */
    static final int NSIG = 65;

    private volatile boolean closed;
    // The pending signal and the id of the thread it is for. No Thread is kept: the primitives reach this
    // object, and tools that walk their object graphs (Lincheck) must not wander into a Thread's internals.
    private int pendingSignal; // guarded by this
    private long pendingFor; // guarded by this
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
     * on (the caller re-asserts the interrupt flag when it returns), unless SIGINT is pending and this is the
     * main thread (the call raises KeyboardInterrupt, see the class documentation) or the adapter was closed
     * (the call is abandoned with RuntimeError so that the thread can end).
     *
     * @throws KeyboardInterrupt on the main thread, when {@code interrupt_main} left SIGINT pending
     * @throws RuntimeError when the adapter was closed
     */
    void onInterrupt() {
        runPendingHandler();
        if (closed) {
            Thread.currentThread().interrupt();
            throw new RuntimeError("the pyconc reference adapter was closed while this thread was blocked");
        }
    }

    /**
     * {@code interrupt_main(signum)}: leaves SIGINT pending for the main thread and interrupts it; any other
     * signal has no Python handler here, so nothing happens.
     *
     * @param mainThread the Java thread that stands for Python's main thread
     * @throws ValueError if {@code signum} is not a signal number (1 to 64), as CPython says
     */
    void interruptMain(long signum, Thread mainThread) {
        if (signum < 1 || signum >= NSIG) {
            throw new ValueError("signal number out of range");
        }
        if (signum != SIGINT) {
            return; // SIG_DFL: the docs say interrupt_main does nothing for a signal Python does not handle
        }
        synchronized (this) {
            pendingSignal = (int) signum;
            pendingFor = mainThread.getId();
            mainThread.interrupt();
        }
    }

    /**
     * Runs the handler of a pending signal when called on the main thread: clears the signal and the interrupt
     * that announced it, then raises what SIGINT's default handler raises.
     *
     * @throws KeyboardInterrupt when SIGINT was pending and this is the main thread
     */
    private void runPendingHandler() {
        synchronized (this) {
            if (pendingSignal == 0 || pendingFor != Thread.currentThread().getId()) {
                return;
            }
            pendingSignal = 0;
            Thread.interrupted();
        }
        throw new KeyboardInterrupt("");
    }

    /** Drops a signal the main thread has not handled yet (at the end of a case: it belongs to that case). */
    void dropPendingSignal() {
        synchronized (this) {
            if (pendingSignal != 0 && pendingFor == Thread.currentThread().getId()) {
                Thread.interrupted();
            }
            pendingSignal = 0;
        }
    }
}
