package dev.pyconc.conformance;

import dev.pyconc.spi.support.DelegatingThreadingModule;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken adapter {@code broken-reentrant-lock}: the reference, except that {@code threading.Lock} is built on
 * {@link ReentrantLock}.
 *
 * <p><b>Why Python's Lock is not Java's ReentrantLock.</b> The two look alike (acquire/release, try with a
 * timeout) but disagree on two points that Python programs rely on:
 * <ul>
 *   <li><em>Ownership.</em> A Python {@code Lock} belongs to nobody: once acquired, <em>any</em> thread may
 *       release it, which is how a Lock is used as a one-shot signal between threads. A {@code ReentrantLock}
 *       belongs to the thread that locked it, and {@code unlock()} from another thread throws
 *       {@link IllegalMonitorStateException} (mapped here to RuntimeError, as a hasty adapter would).
 *       Python's owner-checking lock is {@code threading.RLock}.</li>
 *   <li><em>Reentrancy.</em> A thread that holds a Python {@code Lock} and acquires it again blocks (or, with
 *       {@code blocking=False} or a timeout, gets False). A {@code ReentrantLock} lets its owner in again
 *       and counts, so {@code acquire(False)} on a lock the caller holds answers True, and a timed acquire
 *       that should expire succeeds at once.</li>
 * </ul>
 * The self-check expects the cases of {@code threading.Lock} that hit either point to be reported non-PASS.
 */
public class ReentrantLockAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-reentrant-lock";
    }

    @Override
    public String description() {
        return "self-check: the reference with threading.Lock built on java.util.concurrent.locks.ReentrantLock";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "threading.Lock is a ReentrantLock (owned, reentrant)", config) {
            @Override
            protected Object sameClassAs(Object obj) {
                return obj instanceof JavaReentrantLock ? reference.module(ThreadingModule.class).lock() : obj;
            }

            @Override
            public Object module(PyModule m) {
                return m == PyModule.THREADING ? broken() : super.module(m);
            }

            /** The broken ThreadingModule. */
            private ThreadingModule broken() {
                BrokenAdapter self = this;
                return new DelegatingThreadingModule(reference.module(ThreadingModule.class)) {
                    @Override
                    public Lock lock() {
                        return new JavaReentrantLock(self, delegate);
                    }
                };
            }
        };
    }

    /** The broken Lock: argument checks as in Python, semantics of ReentrantLock. */
    static final class JavaReentrantLock implements Lock {
        private final ReentrantLock lock = new ReentrantLock();
        private final BrokenAdapter adapter;
        private final ThreadingModule threading;

        JavaReentrantLock(BrokenAdapter adapter, ThreadingModule threading) {
            this.adapter = adapter;
            this.threading = threading;
        }

        @Override
        public boolean acquire() {
            return acquire(true, -1);
        }

        @Override
        public boolean acquire(boolean blocking) {
            return acquire(blocking, -1);
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            if (Double.isNaN(timeout)) {
                throw new ValueError("Invalid value NaN (not a number)");
            }
            if (!blocking && timeout != -1) {
                throw new ValueError("can't specify a timeout for a non-blocking call");
            }
            if (timeout < 0 && timeout != -1) {
                throw new ValueError("timeout value must be a non-negative number");
            }
            if (timeout != -1 && timeout > threading.timeoutMax()) {
                throw new OverflowError("timeout value is too large");
            }
            if (!blocking) {
                return lock.tryLock(); // succeeds for the owner: reentrant
            }
            return adapter.blocking(() -> {
                if (timeout == -1) {
                    lock.lockInterruptibly();
                    return true;
                }
                return lock.tryLock((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
            });
        }

        @Override
        public void release() {
            try {
                lock.unlock(); // only the owner may unlock
            } catch (IllegalMonitorStateException e) {
                throw new RuntimeError("cannot release un-acquired lock");
            }
        }

        @Override
        public boolean locked() {
            return lock.isLocked();
        }

        @Override
        public Held enter() {
            acquire();
            return Held.of(this::release);
        }
    }
}
