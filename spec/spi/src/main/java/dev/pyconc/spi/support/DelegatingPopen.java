package dev.pyconc.spi.support;

import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.subprocess.FileObject;
import dev.pyconc.spi.subprocess.Popen;

/**
 * A {@code Popen} that forwards every call to another; extend it to change one method of an adapter's Popen.
 */
public class DelegatingPopen implements Popen {
    protected final Popen delegate;

    public DelegatingPopen(Popen delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override public Object args() { return delegate.args(); }
    @Override public long pid() { return delegate.pid(); }
    @Override public Long returncode() { return delegate.returncode(); }
    @Override public Long poll() { return delegate.poll(); }
    @Override public long await() { return delegate.await(); }
    @Override public long await(Double timeout) { return delegate.await(timeout); }
    @Override public PyTuple communicate(Object input, Double timeout) { return delegate.communicate(input, timeout); }
    @Override public void sendSignal(int signum) { delegate.sendSignal(signum); }
    @Override public void terminate() { delegate.terminate(); }
    @Override public void kill() { delegate.kill(); }
    @Override public FileObject stdin() { return delegate.stdin(); }
    @Override public FileObject stdout() { return delegate.stdout(); }
    @Override public FileObject stderr() { return delegate.stderr(); }

    /** Enters the delegate; leaving runs the delegate's exit (close the pipes, wait for the child). */
    @Override public Held enter() { return delegate.enter(); }
}
