package dev.pyconc.spi.support;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.multiprocessing.BoundedSemaphore;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.DummyModule;
import dev.pyconc.spi.multiprocessing.JoinableQueue;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.Semaphore;
import dev.pyconc.spi.multiprocessing.SharedMemoryManager;
import dev.pyconc.spi.multiprocessing.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import java.util.List;

/**
 * A {@code multiprocessing} module that forwards every call to another. Extend it to change one piece of an
 * existing adapter: override that function and use {@link #delegate} for the rest. Contexts returned by
 * {@link #getContext} are the delegate's, unchanged.
 */
public class DelegatingMultiprocessingModule implements MultiprocessingModule {
    protected final MultiprocessingModule delegate;

    public DelegatingMultiprocessingModule(MultiprocessingModule delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override public PyCallable routine(Routine routine) { return delegate.routine(routine); }
    @Override public Listener listener(Object address, String family, long backlog, PyBytes authkey) {
        return delegate.listener(address, family, backlog, authkey);
    }
    @Override public Connection client(Object address, String family, PyBytes authkey) {
        return delegate.client(address, family, authkey);
    }
    @Override public List<Object> wait(List<Object> objectList, Double timeout) { return delegate.wait(objectList, timeout); }
    @Override public Pool threadPool(PoolOptions options) { return delegate.threadPool(options); }
    @Override public DummyModule dummy() { return delegate.dummy(); }
    @Override public SharedMemoryManager sharedMemoryManager() { return delegate.sharedMemoryManager(); }
    @Override public void freezeSupport() { delegate.freezeSupport(); }
    @Override public PyProcess process(ProcessOptions options) { return delegate.process(options); }
    @Override public List<Connection> pipe(boolean duplex) { return delegate.pipe(duplex); }
    @Override public Queue queue() { return delegate.queue(); }
    @Override public Queue queue(long maxsize) { return delegate.queue(maxsize); }
    @Override public JoinableQueue joinableQueue() { return delegate.joinableQueue(); }
    @Override public JoinableQueue joinableQueue(long maxsize) { return delegate.joinableQueue(maxsize); }
    @Override public SimpleQueue simpleQueue() { return delegate.simpleQueue(); }
    @Override public Lock lock() { return delegate.lock(); }
    @Override public RLock rlock() { return delegate.rlock(); }
    @Override public Semaphore semaphore() { return delegate.semaphore(); }
    @Override public Semaphore semaphore(long value) { return delegate.semaphore(value); }
    @Override public BoundedSemaphore boundedSemaphore() { return delegate.boundedSemaphore(); }
    @Override public BoundedSemaphore boundedSemaphore(long value) { return delegate.boundedSemaphore(value); }
    @Override public Condition condition() { return delegate.condition(); }
    @Override public Condition condition(LockLike lock) { return delegate.condition(lock); }
    @Override public Event event() { return delegate.event(); }
    @Override public Barrier barrier(long parties) { return delegate.barrier(parties); }
    @Override public Barrier barrier(long parties, PyCallable action, Double timeout) {
        return delegate.barrier(parties, action, timeout);
    }
    @Override public Pool pool(PoolOptions options) { return delegate.pool(options); }
    @Override public Context getContext(String method) { return delegate.getContext(method); }
    @Override public String getStartMethod() { return delegate.getStartMethod(); }
    @Override public String getStartMethod(boolean allowNone) { return delegate.getStartMethod(allowNone); }
    @Override public void setStartMethod(String method, boolean force) { delegate.setStartMethod(method, force); }
    @Override public List<String> getAllStartMethods() { return delegate.getAllStartMethods(); }
    @Override public long cpuCount() { return delegate.cpuCount(); }
    @Override public PyProcess currentProcess() { return delegate.currentProcess(); }
    @Override public PyProcess parentProcess() { return delegate.parentProcess(); }
    @Override public List<PyProcess> activeChildren() { return delegate.activeChildren(); }
}
