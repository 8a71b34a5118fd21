package dev.pyconc.conformance;

import dev.pyconc.spi.support.DelegatingThreadingModule;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken adapter {@code broken-semaphore-lost-wakeup}: the reference, except that {@code threading.Semaphore}
 * forgets to wake a blocked acquirer when it releases.
 *
 * <p><b>The lost wake-up.</b> A semaphore is a counter guarded by a lock, plus a condition on which acquirers
 * wait while the counter is zero. {@code release} must do two things: increment the counter <em>and</em>
 * notify the condition. Forget the notify and nothing looks wrong in a single-threaded test: the counter is
 * right, a later {@code acquire} succeeds, a non-blocking acquire sees the permit. Only a thread that is
 * already asleep in {@code acquire} notices: it is never told, so it sleeps on (untimed) or gives up when its
 * timeout ends, although a permit has long been there (this one trusts the wake-up and does not look at the
 * counter again after a timed wait, another common slip). Python's {@code Semaphore.release} promises that a
 * waiting thread is woken; the self-check expects the cases that wait in {@code acquire} for a
 * {@code release} from another thread to be reported non-PASS (FAIL when the case's join deadline notices,
 * TIMEOUT if the whole case hangs).
 */
public class LostWakeupSemaphoreAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-semaphore-lost-wakeup";
    }

    @Override
    public String description() {
        return "self-check: the reference with a threading.Semaphore whose release wakes no waiter";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "Semaphore.release does not wake a blocked acquire", config) {
            @Override
            protected Object sameClassAs(Object obj) {
                return obj instanceof LostWakeupSemaphore ? reference.module(ThreadingModule.class).semaphore() : obj;
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
                    public Semaphore semaphore() {
                        return semaphore(1);
                    }

                    @Override
                    public Semaphore semaphore(long value) {
                        delegate.semaphore(value); // the reference checks the argument (ValueError below 0)
                        return new LostWakeupSemaphore(self, delegate, value);
                    }
                };
            }
        };
    }

    /** Counter + lock + condition, with the notify missing from release. */
    static final class LostWakeupSemaphore implements Semaphore {
        private final BrokenAdapter adapter;
        private final ThreadingModule threading;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition positive = lock.newCondition();
        private long value;

        LostWakeupSemaphore(BrokenAdapter adapter, ThreadingModule threading, long value) {
            this.adapter = adapter;
            this.threading = threading;
            this.value = value;
        }

        @Override
        public boolean acquire() {
            return acquire(true, null);
        }

        @Override
        public boolean acquire(boolean blocking) {
            return acquire(blocking, null);
        }

        @Override
        public boolean acquire(boolean blocking, Double timeout) {
            if (!blocking && timeout != null) {
                throw new ValueError("can't specify timeout for non-blocking acquire");
            }
            return adapter.blocking(() -> {
                lock.lockInterruptibly();
                try {
                    long deadline = timeout == null ? 0 : System.nanoTime() + (long) (timeout * 1e9);
                    while (value == 0) {
                        if (!blocking) {
                            return false;
                        }
                        if (timeout != null && timeout > threading.timeoutMax()) {
                            throw new OverflowError("timeout value is too large"); // as Python's wait does
                        }
                        if (timeout == null) {
                            positive.await();
                        } else {
                            long left = deadline - System.nanoTime();
                            if (left <= 0 || !positive.await(left, TimeUnit.NANOSECONDS)) {
                                return false; // BUG (second half): trusts the missing signal, never rechecks
                            }
                        }
                    }
                    value--;
                    return true;
                } finally {
                    lock.unlock();
                }
            });
        }

        @Override
        public void release() {
            release(1);
        }

        @Override
        public void release(long n) {
            if (n < 1) {
                throw new ValueError("n must be one or more");
            }
            lock.lock();
            try {
                value += n;
                // BUG: missing positive.signal() for each of the n units: waiters sleep on.
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Held enter() {
            acquire();
            return Held.of(this::release);
        }
    }
}
