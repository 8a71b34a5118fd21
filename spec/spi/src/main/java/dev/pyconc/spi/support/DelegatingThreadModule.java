package dev.pyconc.spi.support;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.thread.UnraisableHook;
import dev.pyconc.spi.threading.Lock;
import java.util.List;
import java.util.Map;

/**
 * A {@code _thread} module that forwards every call to another. Extend it to change one piece of an existing
 * adapter: override the factory of that piece and use {@link #delegate} for the rest.
 */
public class DelegatingThreadModule implements ThreadModule {
    protected final ThreadModule delegate;

    public DelegatingThreadModule(ThreadModule delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override public long startNewThread(PyCallable function, Object args, Map<String, Object> kwargs) {
        return delegate.startNewThread(function, args, kwargs);
    }
    @Override public void setUnraisableHook(UnraisableHook hook) { delegate.setUnraisableHook(hook); }
    @Override public Lock allocateLock() { return delegate.allocateLock(); }
    @Override public Lock lockType() { return delegate.lockType(); }
    @Override public long getIdent() { return delegate.getIdent(); }
    @Override public long getNativeId() { return delegate.getNativeId(); }
    @Override public void exit() { delegate.exit(); }
    @Override public void interruptMain() { delegate.interruptMain(); }
    @Override public void interruptMain(long signum) { delegate.interruptMain(signum); }
    @Override public double timeoutMax() { return delegate.timeoutMax(); }
    @Override public long stackSize() { return delegate.stackSize(); }
    @Override public long stackSize(long size) { return delegate.stackSize(size); }
    @Override public List<String> errorMro() { return delegate.errorMro(); }
}
