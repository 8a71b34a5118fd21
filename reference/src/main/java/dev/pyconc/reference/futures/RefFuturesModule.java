package dev.pyconc.reference.futures;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyIterator;
import dev.pyconc.spi.futures.DoneAndNotDone;
import dev.pyconc.spi.futures.Executor;
import dev.pyconc.spi.futures.ExecutorOptions;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.futures.FuturesModule;
import dev.pyconc.spi.futures.ReturnWhen;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Collection;

/** The reference {@code concurrent.futures} (work in progress). */
public final class RefFuturesModule implements FuturesModule {
    private final ThreadingModule threading;

    /** A module whose worker threads are {@code threading} threads of {@code threading}. */
    public RefFuturesModule(ThreadingModule threading) {
        this.threading = threading;
    }

    @Override
    public Future future() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Executor threadPoolExecutor(ExecutorOptions options) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Executor processPoolExecutor(ExecutorOptions options) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Executor interpreterPoolExecutor(ExecutorOptions options) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public DoneAndNotDone wait(Collection<Future> fs, Double timeout, ReturnWhen returnWhen) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public PyIterator<Future> asCompleted(Collection<Future> fs, Double timeout) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public PyCallable function(String qualifiedName) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public Long processCpuCount() {
        throw new UnsupportedOperationException("TODO");
    }
}
