package dev.pyconc.reference.sched;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;

/**
 * The reference {@code sched}: schedulers that lock with the reference {@code threading.RLock}.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html">sched</a>
 */
public final class RefSchedModule implements SchedModule {
    /** {@code time.monotonic}: seconds of a monotonic clock, as a float. */
    static final PyCallable MONOTONIC = (args, kwargs) -> System.nanoTime() / 1e9;

    /** {@code time.sleep(secs)}: waits that many seconds; 0 just yields; negative raises ValueError. */
    static final PyCallable SLEEP = (args, kwargs) -> {
        if (args.size() != 1 || !(args.get(0) instanceof Number n)) {
            throw new TypeError("sleep() takes one number");
        }
        double secs = n.doubleValue();
        if (Double.isNaN(secs)) {
            throw new ValueError("Invalid value NaN (not a number)");
        }
        if (secs < 0) {
            throw new ValueError("sleep length must be non-negative");
        }
        if (secs == 0) {
            Thread.yield();
            return null;
        }
        long deadline = System.nanoTime() + (long) Math.min(secs * 1e9, Long.MAX_VALUE / 2.0);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.pyconc.spi.exceptions.RuntimeError("sleep interrupted");
            }
        }
        return null;
    };

    private final ThreadingModule threading;

    /** A module whose schedulers lock with {@code threading}'s RLock. */
    public RefSchedModule(ThreadingModule threading) {
        this.threading = threading;
    }

    /**
     * {@code sched.scheduler()}: time is read from a monotonic clock in seconds ({@code time.monotonic}) and
     * waits are real sleeps ({@code time.sleep}).
     */
    @Override
    public Scheduler scheduler() {
        return scheduler(MONOTONIC, SLEEP);
    }

    /**
     * {@code sched.scheduler(timefunc, delayfunc)}: a scheduler that reads the time only from {@code timefunc}
     * (a number, {@link Long} or {@link Double}) and waits only by calling {@code delayfunc}.
     */
    @Override
    public Scheduler scheduler(PyCallable timefunc, PyCallable delayfunc) {
        return new RefScheduler(timefunc, delayfunc, threading.rlock());
    }
}
