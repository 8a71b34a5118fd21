package dev.pyconc.reference.thread;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Map;

/** The reference {@code _thread} (work in progress). */
public final class RefThreadModule implements ThreadModule {
    private final ThreadingModule threading;

    /** A module sharing its threads and locks with {@code threading}. */
    public RefThreadModule(ThreadingModule threading) {
        this.threading = threading;
    }

    @Override
    public long startNewThread(PyCallable function, List<Object> args, Map<String, Object> kwargs) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Lock allocateLock() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Lock lockType() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public long getIdent() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public long getNativeId() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void exit() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public double timeoutMax() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public long stackSize() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public long stackSize(long size) {
        throw new UnsupportedOperationException("TODO");
    }
}
