package dev.pyconc.spi.support;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.Local;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.spi.threading.Timer;
import java.util.List;
import java.util.Map;

/**
 * A {@code threading} module that forwards every call to another. Extend it to change one piece of an
 * existing adapter (a wrapper, or a deliberately broken variant for checking that a checker catches a bug):
 * override the factory of that piece and use {@link #delegate} for the rest.
 */
public class DelegatingThreadingModule implements ThreadingModule {
    protected final ThreadingModule delegate;

    public DelegatingThreadingModule(ThreadingModule delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override public Lock lock() { return delegate.lock(); }
    @Override public RLock rlock() { return delegate.rlock(); }
    @Override public Condition condition() { return delegate.condition(); }
    @Override public Condition condition(LockLike lock) { return delegate.condition(lock); }
    @Override public Semaphore semaphore() { return delegate.semaphore(); }
    @Override public Semaphore semaphore(long value) { return delegate.semaphore(value); }
    @Override public BoundedSemaphore boundedSemaphore() { return delegate.boundedSemaphore(); }
    @Override public BoundedSemaphore boundedSemaphore(long value) { return delegate.boundedSemaphore(value); }
    @Override public Event event() { return delegate.event(); }
    @Override public Timer timer(double interval, PyCallable function) { return delegate.timer(interval, function); }
    @Override public Timer timer(double interval, PyCallable function, List<Object> args, Map<String, Object> kwargs) {
        return delegate.timer(interval, function, args, kwargs);
    }
    @Override public Barrier barrier(long parties) { return delegate.barrier(parties); }
    @Override public Barrier barrier(long parties, PyCallable action, Double timeout) { return delegate.barrier(parties, action, timeout); }
    @Override public Local local() { return delegate.local(); }
    @Override public PyThread thread(ThreadOptions options) { return delegate.thread(options); }
    @Override public long activeCount() { return delegate.activeCount(); }
    @Override public PyThread currentThread() { return delegate.currentThread(); }
    @Override public long activeCountAlias() { return delegate.activeCountAlias(); }
    @Override public void settrace(PyCallable func) { delegate.settrace(func); }
    @Override public String osThreadName() { return delegate.osThreadName(); }
    @Override public PyCallable gettrace() { return delegate.gettrace(); }
    @Override public void setprofile(PyCallable func) { delegate.setprofile(func); }
    @Override public PyCallable getprofile() { return delegate.getprofile(); }
    @Override public PyThread currentThreadAlias() { return delegate.currentThreadAlias(); }
    @Override public PyThread mainThread() { return delegate.mainThread(); }
    @Override public List<PyThread> enumerate() { return delegate.enumerate(); }
    @Override public long getIdent() { return delegate.getIdent(); }
    @Override public long getNativeId() { return delegate.getNativeId(); }
    @Override public double timeoutMax() { return delegate.timeoutMax(); }
    @Override public long stackSize() { return delegate.stackSize(); }
    @Override public long stackSize(long size) { return delegate.stackSize(size); }
    @Override public ExceptHook getExcepthook() { return delegate.getExcepthook(); }
    @Override public void setExcepthook(ExceptHook hook) { delegate.setExcepthook(hook); }
    @Override public ExceptHook defaultExcepthook() { return delegate.defaultExcepthook(); }
}
