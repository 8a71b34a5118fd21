package dev.pyconc.stress;

import dev.pyconc.spec.harness.Adapters;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.stress.lincheck.seeded.RacyLock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Test adapter {@code seeded-racy-lock}: the reference adapter, except that {@code threading.Lock()} is the
 * seeded {@link RacyLock}. Lets {@link StressMainTest} see {@code pyconc stress} catch a broken third-party
 * adapter end to end.
 */
public final class RacyLockAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "seeded-racy-lock";
    }

    @Override
    public String description() {
        return "reference adapter with a check-then-act threading.Lock (a seeded bug, for tests)";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        Adapter ref = Adapters.provider(Adapters.DEFAULT).create(config);
        ThreadingModule threading = (ThreadingModule) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ThreadingModule.class}, (p, m, args) -> {
                    if (m.getName().equals("lock") && m.getParameterCount() == 0) {
                        return new RacyLock();
                    }
                    return invoke(m, ref.module(ThreadingModule.class), args);
                });
        return (Adapter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Adapter.class},
                (p, m, args) -> switch (m.getName()) {
                    case "name" -> name();
                    // module(PyModule) and module(Class) both reach here: a proxy sees default methods too
                    case "module" -> args[0] == PyModule.THREADING || args[0] == ThreadingModule.class
                            ? threading : invoke(m, ref, args);
                    default -> invoke(m, ref, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
