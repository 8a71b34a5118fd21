package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.support.DelegatingThreadingModule;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Broken adapter {@code broken-with-exit-swallows}: the reference, except that the {@code __exit__} of
 * {@code threading}'s Lock, RLock, Condition, Semaphore and BoundedSemaphore releases and then returns True.
 *
 * <p><b>Why it matters.</b> A true result from {@code __exit__} tells the with statement to swallow the
 * exception that left the block. An {@code __exit__} written as "release, then report success" does exactly
 * that: the lock is released correctly, so every case of a block that ends normally passes, but a failure
 * inside {@code with lock:} silently disappears and the program goes on as if the block had completed. Only a
 * case that leaves the block by an exception, and hands that exception to {@code __exit__} as Python does,
 * can see it; a harness whose {@code with} always calls {@code __exit__(None, None, None)} cannot.
 */
public class SwallowingExitAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-with-exit-swallows";
    }

    @Override
    public String description() {
        return "self-check: the reference with threading primitives whose __exit__ returns True (swallows)";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "__exit__ of the threading primitives returns True", config) {
            private final ThreadingModule broken = new DelegatingThreadingModule(reference.module(ThreadingModule.class)) {
                @Override public Lock lock() { return swallowing(Lock.class, delegate.lock()); }
                @Override public RLock rlock() { return swallowing(RLock.class, delegate.rlock()); }
                @Override public Condition condition() { return swallowing(Condition.class, delegate.condition()); }
                @Override public Condition condition(LockLike lock) {
                    // The reference's Condition needs its own RLock (for the levels it saves while waiting).
                    return swallowing(Condition.class, delegate.condition(unwrap(lock)));
                }
                @Override public Semaphore semaphore() { return swallowing(Semaphore.class, delegate.semaphore()); }
                @Override public Semaphore semaphore(long v) { return swallowing(Semaphore.class, delegate.semaphore(v)); }
                @Override public BoundedSemaphore boundedSemaphore() {
                    return swallowing(BoundedSemaphore.class, delegate.boundedSemaphore());
                }
                @Override public BoundedSemaphore boundedSemaphore(long v) {
                    return swallowing(BoundedSemaphore.class, delegate.boundedSemaphore(v));
                }
            };

            @Override
            protected Object sameClassAs(Object obj) {
                return obj != null && Proxy.isProxyClass(obj.getClass())
                        && Proxy.getInvocationHandler(obj) instanceof Swallow s ? s.target() : obj;
            }

            @Override
            public Object module(PyModule m) {
                return m == PyModule.THREADING ? broken : super.module(m);
            }
        };
    }

    /** {@code target} with every call forwarded, except that the {@code Held} of {@code enter()} swallows. */
    static <T extends PyContextManager> T swallowing(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Swallow(target)));
    }

    /** The reference object behind a proxy made by {@link #swallowing}, or {@code lock} itself. */
    static LockLike unwrap(LockLike lock) {
        return lock != null && Proxy.isProxyClass(lock.getClass()) && Proxy.getInvocationHandler(lock) instanceof Swallow s
                ? (LockLike) s.target() : lock;
    }

    private record Swallow(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "swallowing " + target;
                };
            }
            if (m.isDefault() && m.getName().equals("with")) {
                return InvocationHandler.invokeDefault(self, m, args); // with(): through enter() below
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals("enter") && m.getParameterCount() == 0) {
                PyContextManager.Held inner = (PyContextManager.Held) result;
                return (PyContextManager.Held) exc -> {
                    inner.exit(exc);
                    return true;
                };
            }
            return result;
        }
    }
}
