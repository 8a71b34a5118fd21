package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.support.DelegatingThreadingModule;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;

/**
 * Broken adapter {@code broken-lock-silent-release}: the reference, except that releasing an unlocked
 * {@code threading.Lock} does nothing instead of raising RuntimeError. (GraalPy 25.2 has this very bug.)
 *
 * <p><b>Why it matters.</b> Releasing a lock that is not held is always a bug in the program (a double
 * release, or a release on a path that never acquired); Python reports it at once. A lock that tolerates it
 * hides the bug until the extra release lets two threads into a critical section. The self-check uses it for
 * a second purpose: the bug is in one behaviour only, so only that behaviour's cases may report it; a case of
 * another behaviour that borrows "release of an unlocked Lock raises" to raise an exception or to prove a
 * release must not fail.
 */
public class SilentReleaseLockAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-lock-silent-release";
    }

    @Override
    public String description() {
        return "self-check: the reference with threading.Lock.release() silent on an unlocked lock";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "releasing an unlocked threading.Lock does nothing", config) {
            private final ThreadingModule broken = new DelegatingThreadingModule(reference.module(ThreadingModule.class)) {
                @Override
                public Lock lock() {
                    return new SilentRelease(delegate.lock());
                }
            };

            @Override
            protected Object sameClassAs(Object obj) {
                return obj instanceof SilentRelease s ? s.inner() : obj;
            }

            @Override
            public Object module(PyModule m) {
                return m == PyModule.THREADING ? broken : super.module(m);
            }
        };
    }

    /** The reference's Lock, except that release() of an unlocked lock returns quietly. */
    private record SilentRelease(Lock inner) implements Lock {
        @Override public boolean acquire() { return inner.acquire(); }
        @Override public boolean acquire(boolean blocking) { return inner.acquire(blocking); }
        @Override public boolean acquire(boolean blocking, double timeout) { return inner.acquire(blocking, timeout); }
        @Override public boolean locked() { return inner.locked(); }
        @Override public Held enter() {
            inner.acquire();
            return Held.of(this::release);
        }

        @Override
        public void release() {
            if (inner.locked()) {
                inner.release();
            }
        }
    }
}
