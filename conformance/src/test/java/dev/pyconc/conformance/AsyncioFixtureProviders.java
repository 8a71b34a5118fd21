package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyValues;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Condition;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.support.DelegatingAsyncioModule;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Broken adapters for the self-check of {@code asyncio} ({@link SelfCheckAsyncioTest}). Each is the reference with
 * one plausible bug in one primitive, written over the reference's own primitives with
 * {@link DelegatingAsyncioModule}:
 *
 * <ul>
 *   <li>{@code broken-asyncio-lock-wakes-newest}: a Lock that keeps its waiters on a stack, so release hands the
 *       lock to the task that began waiting last. With one waiter, or none, it is a correct lock; only cases that
 *       queue two or more waiters see the difference.
 *   <li>{@code broken-asyncio-condition-cancelled-wait-unlocked}: a Condition whose {@code wait()} leaves without
 *       the lock when the waiting task is cancelled (the slip of an implementation that re-acquires only on the
 *       normal path). Notified waits are right.
 *   <li>{@code broken-asyncio-queue-get-drops-on-cancel}: a {@code Queue.get()} that, when its task is cancelled,
 *       drops the item waiting at the head of the queue, as if the cancelled getter had taken it. Gets that are
 *       not cancelled are right.
 * </ul>
 */
final class AsyncioFixtureProviders {
    private AsyncioFixtureProviders() {}

    /** The reference with its {@code asyncio} module wrapped. */
    private static Adapter adapter(String name, String bug, AdapterConfig config, UnaryOperator<AsyncioModule> wrap) {
        return new BrokenAdapter(name, bug, config) {
            private final AsyncioModule broken = wrap.apply(reference.module(AsyncioModule.class));

            @Override
            public Object module(PyModule m) {
                return m == PyModule.ASYNCIO ? broken : super.module(m);
            }
        };
    }

    /** {@code __aenter__}: the object's {@code acquire()}, awaited; its result None. */
    private static Awaitable<Object> aenter(String cls, Supplier<Awaitable<Boolean>> acquire) {
        return DelegatingAsyncioModule.coroutine(cls + ".__aenter__", co -> {
            co.await(acquire.get());
            return null;
        });
    }

    /** {@code __aexit__}: the object's {@code release()}; never suppresses. */
    private static Awaitable<Boolean> aexit(String cls, Runnable release) {
        return DelegatingAsyncioModule.coroutine(cls + ".__aexit__", co -> {
            release.run();
            return false;
        });
    }

    /** {@code broken-asyncio-lock-wakes-newest}. */
    public static final class LockWakesNewest implements AdapterProvider {
        @Override
        public String name() {
            return "broken-asyncio-lock-wakes-newest";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that asyncio.Lock hands itself to the newest waiter";
        }

        /**
         * The lock is the reference's Lock {@code real}, held for as long as this lock is held: release hands it
         * from task to task without unlocking it, through one Event per waiter on a stack.
         */
        private static final class NewestFirstLock implements Lock {
            private final Lock real;
            private final AsyncioModule m;
            private final Deque<Event> waiters = new ArrayDeque<>();

            NewestFirstLock(Lock real, AsyncioModule m) {
                this.real = real;
                this.m = m;
            }

            @Override
            public Awaitable<Boolean> acquire() {
                return DelegatingAsyncioModule.coroutine("Lock.acquire", co -> {
                    if (!real.locked() && waiters.isEmpty()) {
                        return co.await(real.acquire());
                    }
                    Event handedOver = m.event();
                    waiters.push(handedOver);
                    try {
                        co.await(handedOver.await());
                    } catch (AsyncioCancelledError e) {
                        if (!waiters.remove(handedOver)) {
                            release();
                        }
                        throw e;
                    }
                    return true;
                });
            }

            @Override
            public void release() {
                if (real.locked() && !waiters.isEmpty()) {
                    waiters.pop().set();
                } else {
                    real.release();
                }
            }

            @Override
            public boolean locked() {
                return real.locked();
            }

            @Override
            public Awaitable<Object> aenter() {
                return AsyncioFixtureProviders.aenter("Lock", this::acquire);
            }

            @Override
            public Awaitable<Boolean> aexit(BaseException exc) {
                return AsyncioFixtureProviders.aexit("Lock", this::release);
            }
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "asyncio.Lock wakes the newest waiter first", config, ref -> new DelegatingAsyncioModule(ref) {
                @Override
                public Lock lock() {
                    return new NewestFirstLock(delegate.lock(), this);
                }

                @Override
                public Condition condition(Lock lock) {
                    return delegate.condition(lock instanceof NewestFirstLock n ? n.real : lock);
                }
            });
        }
    }

    /** {@code broken-asyncio-condition-cancelled-wait-unlocked}. */
    public static final class ConditionCancelledWaitUnlocked implements AdapterProvider {
        @Override
        public String name() {
            return "broken-asyncio-condition-cancelled-wait-unlocked";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that a cancelled asyncio.Condition.wait leaves without the lock";
        }

        /** The reference's Condition {@code real}, except for {@code wait()} and {@code wait_for()} over it. */
        private static final class UnlockedOnCancel implements Condition {
            private final Condition real;

            UnlockedOnCancel(Condition real) {
                this.real = real;
            }

            @Override
            public Awaitable<Boolean> await() {
                return DelegatingAsyncioModule.coroutine("Condition.wait", co -> {
                    try {
                        return co.await(real.await());
                    } catch (AsyncioCancelledError e) {
                        real.release();
                        throw e;
                    }
                });
            }

            /** CPython's {@code wait_for}: the predicate, then {@code wait()} until it is true. */
            @Override
            public Awaitable<Object> waitFor(Supplier<Object> predicate) {
                return DelegatingAsyncioModule.coroutine("Condition.wait_for", co -> {
                    Object result = predicate.get();
                    while (!PyValues.truthy(result)) {
                        co.await(await());
                        result = predicate.get();
                    }
                    return result;
                });
            }

            @Override public Awaitable<Boolean> acquire() { return real.acquire(); }
            @Override public void release() { real.release(); }
            @Override public boolean locked() { return real.locked(); }
            @Override public void signal() { real.signal(); }
            @Override public void signal(long n) { real.signal(n); }
            @Override public void signalAll() { real.signalAll(); }
            @Override public Awaitable<Object> aenter() { return real.aenter(); }
            @Override public Awaitable<Boolean> aexit(BaseException exc) { return real.aexit(exc); }
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "a cancelled asyncio.Condition.wait leaves without the lock", config,
                    ref -> new DelegatingAsyncioModule(ref) {
                        @Override
                        public Condition condition() {
                            return new UnlockedOnCancel(delegate.condition());
                        }

                        @Override
                        public Condition condition(Lock lock) {
                            return new UnlockedOnCancel(delegate.condition(lock));
                        }
                    });
        }
    }

    /** {@code broken-asyncio-queue-get-drops-on-cancel}. */
    public static final class QueueGetDropsOnCancel implements AdapterProvider {
        @Override
        public String name() {
            return "broken-asyncio-queue-get-drops-on-cancel";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that a cancelled asyncio.Queue.get drops the item at the head";
        }

        /** The reference's queue {@code real}, except for {@code get()}. */
        private static final class DropsOnCancel implements Queue {
            private final Queue real;

            DropsOnCancel(Queue real) {
                this.real = real;
            }

            @Override
            public Awaitable<Object> get() {
                return DelegatingAsyncioModule.coroutine("Queue.get", co -> {
                    try {
                        return co.await(real.get());
                    } catch (AsyncioCancelledError e) {
                        if (!real.empty()) {
                            real.getNowait();
                        }
                        throw e;
                    }
                });
            }

            @Override public long maxsize() { return real.maxsize(); }
            @Override public long qsize() { return real.qsize(); }
            @Override public boolean empty() { return real.empty(); }
            @Override public boolean full() { return real.full(); }
            @Override public Awaitable<Object> put(Object item) { return real.put(item); }
            @Override public void putNowait(Object item) { real.putNowait(item); }
            @Override public Object getNowait() { return real.getNowait(); }
            @Override public void taskDone() { real.taskDone(); }
            @Override public Awaitable<Object> join() { return real.join(); }
            @Override public void shutdown() { real.shutdown(); }
            @Override public void shutdown(boolean immediate) { real.shutdown(immediate); }
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "a cancelled asyncio.Queue.get drops the item at the head", config,
                    ref -> new DelegatingAsyncioModule(ref) {
                        @Override public Queue queue() { return new DropsOnCancel(delegate.queue()); }
                        @Override public Queue queue(long maxsize) { return new DropsOnCancel(delegate.queue(maxsize)); }
                        @Override public Queue lifoQueue() { return new DropsOnCancel(delegate.lifoQueue()); }
                        @Override public Queue lifoQueue(long maxsize) { return new DropsOnCancel(delegate.lifoQueue(maxsize)); }
                        @Override public Queue priorityQueue() { return new DropsOnCancel(delegate.priorityQueue()); }
                        @Override public Queue priorityQueue(long maxsize) { return new DropsOnCancel(delegate.priorityQueue(maxsize)); }
                    });
        }
    }
}
