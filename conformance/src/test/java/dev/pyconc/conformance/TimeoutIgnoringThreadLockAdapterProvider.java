package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.support.DelegatingThreadModule;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.threading.Lock;

/**
 * Broken adapter {@code broken-thread-lock-timeout}: the reference, except that the locks of its
 * {@code _thread} ({@code allocate_lock()} and {@code LockType()}) treat a timed acquire as a non-blocking one:
 * {@code acquire(True, timeout)} with a valid timeout (0 up to TIMEOUT_MAX) tries once and returns False at
 * once if the lock is held, instead of waiting up to {@code timeout} seconds.
 *
 * <p>A plausible slip when a lock is built on a primitive whose "try" has no deadline (e.g. a compare-and-set
 * flag) and the timeout is only validated, never used. Untimed acquires, argument checks, release and
 * {@code locked()} stay correct, and {@code threading.Lock} is untouched, so the self-check expects exactly
 * the {@code _thread.lock} cases that wait with a timeout to fail.
 */
public class TimeoutIgnoringThreadLockAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-thread-lock-timeout";
    }

    @Override
    public String description() {
        return "self-check: the reference with _thread locks whose timed acquire does not wait";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "_thread locks: a timed acquire returns False at once instead of waiting", config) {
            @Override
            public Object module(PyModule m) {
                return m == PyModule.THREAD ? broken() : super.module(m);
            }

            /** The broken ThreadModule. */
            private ThreadModule broken() {
                return new DelegatingThreadModule(reference.module(ThreadModule.class)) {
                    @Override
                    public Lock allocateLock() {
                        return new NoWaitTimedLock(delegate.allocateLock(), delegate.timeoutMax());
                    }

                    @Override
                    public Lock lockType() {
                        return new NoWaitTimedLock(delegate.lockType(), delegate.timeoutMax());
                    }
                };
            }
        };
    }

    /** The broken lock: the reference's, with a valid timed acquire turned into a single try. */
    static final class NoWaitTimedLock implements Lock {
        private final Lock inner;
        private final double timeoutMax;

        NoWaitTimedLock(Lock inner, double timeoutMax) {
            this.inner = inner;
            this.timeoutMax = timeoutMax;
        }

        @Override
        public boolean acquire() {
            return inner.acquire();
        }

        @Override
        public boolean acquire(boolean blocking) {
            return inner.acquire(blocking);
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            if (blocking && timeout >= 0 && timeout <= timeoutMax) {
                return inner.acquire(false); // the bug: the timeout is checked but never waited for
            }
            return inner.acquire(blocking, timeout); // -1 and invalid values as the reference handles them
        }

        @Override
        public void release() {
            inner.release();
        }

        @Override
        public boolean locked() {
            return inner.locked();
        }

        @Override
        public Held enter() {
            return inner.enter();
        }
    }
}
