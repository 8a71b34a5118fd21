package dev.pyconc.spi.threading;

/**
 * {@code threading.Timer}: a thread that calls its function after an interval unless cancelled.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html#timer-objects">Timer objects</a>
 */
public interface Timer extends PyThread {
    /** {@code cancel()}: stops the timer if it is still waiting; no effect afterwards. */
    void cancel();
}
