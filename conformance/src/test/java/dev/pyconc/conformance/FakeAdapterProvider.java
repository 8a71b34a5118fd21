package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.AdapterUnavailableException;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyVersion;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.support.ModuleTable;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.ThreadingModule;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small adapters for the runner's own tests, independent of the reference implementation: {@code fake}
 * (claims Python 3.14; only {@code threading.Lock} works, everything else raises
 * UnsupportedOperationException), {@code fake-old} (the same, claiming Python 3.1) and
 * {@code fake-unavailable} (cannot be created).
 */
public class FakeAdapterProvider implements AdapterProvider {
    /** How many fake adapters were created, to prove that an unavailable adapter ran nothing. */
    static final AtomicInteger CREATED = new AtomicInteger();

    private final String name;
    private final PyVersion version;

    public FakeAdapterProvider() {
        this("fake", PyVersion.parse("3.14.0"));
    }

    FakeAdapterProvider(String name, PyVersion version) {
        this.name = name;
        this.version = version;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "test fake claiming Python " + version.feature() + " (only threading.Lock)";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        CREATED.incrementAndGet();
        return new FakeAdapter(name, version);
    }

    /** The same fake, claiming Python 3.1 (before timed acquires existed). */
    public static final class Old extends FakeAdapterProvider {
        public Old() {
            super("fake-old", PyVersion.parse("3.1.5"));
        }
    }

    /** A provider whose adapter cannot be created, like a cpython adapter without an interpreter. */
    public static final class Unavailable implements AdapterProvider {
        @Override
        public String name() {
            return "fake-unavailable";
        }

        @Override
        public String description() {
            return "test fake that is never available";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            throw new AdapterUnavailableException("fake-unavailable: no interpreter at /nowhere/python");
        }
    }

    static final class FakeAdapter implements Adapter {
        private final String name;
        private final PyVersion version;

        FakeAdapter(String name, PyVersion version) {
            this.name = name;
            this.version = version;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String implementation() {
            return "fake " + version;
        }

        @Override
        public PyVersion pythonVersion() {
            return version;
        }

        @Override
        public Set<Feature> features() {
            return EnumSet.of(Feature.REAL_THREADS);
        }

        @Override
        public Map<String, String> details() {
            return Map.of("kind", "test fake");
        }

        @Override
        public Object module(PyModule m) {
            return switch (m) {
                case THREADING -> threading();
                case QUEUE -> queue();
                default -> throw ModuleTable.notProvided(name(), m);
            };
        }

        private ThreadingModule threading() {
            return (ThreadingModule) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ThreadingModule.class}, (p, m, args) -> {
                        if (m.getName().equals("lock") && (args == null || args.length == 0)) {
                            return new FakeLock();
                        }
                        throw new UnsupportedOperationException("fake adapter has no threading." + m.getName());
                    });
        }

        private QueueModule queue() {
            return (QueueModule) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {QueueModule.class}, (p, m, args) -> {
                        throw new UnsupportedOperationException("fake adapter has no queue." + m.getName());
                    });
        }

        @Override
        public boolean isBlocked(Thread thread) {
            Thread.State s = thread.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
        }

        @Override
        public void close() {}
    }

    /** A Python-like Lock on a one-permit semaphore: no owner, release of an unlocked lock raises. */
    static final class FakeLock implements Lock {
        private final Semaphore permit = new Semaphore(1);

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
            try {
                if (!blocking) {
                    return permit.tryAcquire();
                }
                if (timeout < 0) {
                    permit.acquire();
                    return true;
                }
                return permit.tryAcquire((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void release() {
            if (permit.availablePermits() > 0) {
                throw new RuntimeError("release unlocked lock");
            }
            permit.release();
        }

        @Override
        public boolean locked() {
            return permit.availablePermits() == 0;
        }

        @Override
        public Held enter() {
            acquire();
            return Held.of(this::release);
        }
    }
}
