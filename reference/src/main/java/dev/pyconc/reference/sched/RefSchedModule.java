package dev.pyconc.reference.sched;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import dev.pyconc.spi.threading.ThreadingModule;

/** The reference {@code sched} (work in progress). */
public final class RefSchedModule implements SchedModule {
    private final ThreadingModule threading;

    /** A module whose schedulers lock with {@code threading}'s RLock. */
    public RefSchedModule(ThreadingModule threading) {
        this.threading = threading;
    }

    @Override
    public Scheduler scheduler() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Scheduler scheduler(PyCallable timefunc, PyCallable delayfunc) {
        throw new UnsupportedOperationException("TODO");
    }
}
