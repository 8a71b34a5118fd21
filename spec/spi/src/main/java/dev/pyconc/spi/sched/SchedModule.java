package dev.pyconc.spi.sched;

import dev.pyconc.spi.PyCallable;

/**
 * The {@code sched} module.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html">sched</a>
 */
public interface SchedModule {
    /**
     * {@code scheduler()}: {@code timefunc=time.monotonic, delayfunc=time.sleep}.
     *
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler">sched.scheduler</a>
     */
    Scheduler scheduler();

    /**
     * {@code scheduler(timefunc, delayfunc)}.
     *
     * @param timefunc called with no arguments, returns the current time as a number ({@link Long} or
     *     {@link Double})
     * @param delayfunc called with one number argument, waits that long; also called with 0 after each event
     *     so that other threads may run
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler">sched.scheduler</a>
     */
    Scheduler scheduler(PyCallable timefunc, PyCallable delayfunc);
}
