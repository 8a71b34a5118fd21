package dev.pyconc.spi.support;

import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.SubprocessModule;

/**
 * A {@code subprocess} module that forwards every call to another. Extend it to change one piece of an
 * existing adapter: override that function (or wrap the Popen objects with {@link DelegatingPopen}) and use
 * {@link #delegate} for the rest.
 */
public class DelegatingSubprocessModule implements SubprocessModule {
    protected final SubprocessModule delegate;

    public DelegatingSubprocessModule(SubprocessModule delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override public CompletedProcess run(Object args, PopenOptions options) { return delegate.run(args, options); }
    @Override public Popen popen(Object args, PopenOptions options) { return delegate.popen(args, options); }
    @Override public long call(Object args, PopenOptions options) { return delegate.call(args, options); }
    @Override public long checkCall(Object args, PopenOptions options) { return delegate.checkCall(args, options); }
    @Override public Object checkOutput(Object args, PopenOptions options) { return delegate.checkOutput(args, options); }
    @Override public PyTuple getstatusoutput(String cmd) { return delegate.getstatusoutput(cmd); }
    @Override public String getoutput(String cmd) { return delegate.getoutput(cmd); }
    @Override public PyTuple getstatusoutput(String cmd, String encoding, String errors) {
        return delegate.getstatusoutput(cmd, encoding, errors);
    }
    @Override public String getoutput(String cmd, String encoding, String errors) {
        return delegate.getoutput(cmd, encoding, errors);
    }
    @Override public CompletedProcess completedProcess(Object args, long returncode, Object stdout, Object stderr) {
        return delegate.completedProcess(args, returncode, stdout, stderr);
    }
    @Override public Os os() { return delegate.os(); }
}
