package dev.pyconc.stress.seeded;

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

/** A {@code threading} module that forwards every call to another one; seeded adapters override one factory. */
class DelegatingThreading implements ThreadingModule {
    final ThreadingModule d;

    DelegatingThreading(ThreadingModule d) {
        this.d = d;
    }

    @Override public Lock lock() { return d.lock(); }
    @Override public RLock rlock() { return d.rlock(); }
    @Override public Condition condition() { return d.condition(); }
    @Override public Condition condition(LockLike lock) { return d.condition(lock); }
    @Override public Semaphore semaphore() { return d.semaphore(); }
    @Override public Semaphore semaphore(long value) { return d.semaphore(value); }
    @Override public BoundedSemaphore boundedSemaphore() { return d.boundedSemaphore(); }
    @Override public BoundedSemaphore boundedSemaphore(long value) { return d.boundedSemaphore(value); }
    @Override public Event event() { return d.event(); }
    @Override public Timer timer(double interval, PyCallable function) { return d.timer(interval, function); }
    @Override public Timer timer(double interval, PyCallable function, List<Object> args, Map<String, Object> kwargs) { return d.timer(interval, function, args, kwargs); }
    @Override public Barrier barrier(long parties) { return d.barrier(parties); }
    @Override public Barrier barrier(long parties, PyCallable action, Double timeout) { return d.barrier(parties, action, timeout); }
    @Override public Local local() { return d.local(); }
    @Override public PyThread thread(ThreadOptions options) { return d.thread(options); }
    @Override public long activeCount() { return d.activeCount(); }
    @Override public PyThread currentThread() { return d.currentThread(); }
    @Override public PyThread mainThread() { return d.mainThread(); }
    @Override public List<PyThread> enumerate() { return d.enumerate(); }
    @Override public long getIdent() { return d.getIdent(); }
    @Override public long getNativeId() { return d.getNativeId(); }
    @Override public double timeoutMax() { return d.timeoutMax(); }
    @Override public long stackSize() { return d.stackSize(); }
    @Override public long stackSize(long size) { return d.stackSize(size); }
    @Override public ExceptHook getExcepthook() { return d.getExcepthook(); }
    @Override public void setExcepthook(ExceptHook hook) { d.setExcepthook(hook); }
    @Override public ExceptHook defaultExcepthook() { return d.defaultExcepthook(); }
}
