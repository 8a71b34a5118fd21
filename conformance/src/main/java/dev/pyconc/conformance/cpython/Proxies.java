package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyContextManager;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Java proxies of Python objects: each holds a handle id and forwards every method as a call on it. */
final class Proxies {
    private Proxies() {}

    /** Makes the proxy of a handle: a constructor of one of a bridge's proxy classes. */
    @FunctionalInterface
    interface ProxyFactory {
        Object create(Session session, long hid);
    }

    /**
     * A kind: the agent's name for a class of objects of a module, the proxy that stands for them, and the
     * Python expressions (evaluated by the agent, with the registry's modules imported) that give the classes
     * whose instances are of this kind; the agent tries the kinds in order, so a subclass's kind comes first.
     * No expression: a kind the agent recognises by itself ({@code iterator}).
     */
    record Kind(String name, ProxyFactory factory, List<String> pythonTypes) {
        static Kind of(String name, ProxyFactory factory, String... pythonTypes) {
            return new Kind(name, factory, List.of(pythonTypes));
        }
    }

    /** One module's bridge file: its registry row, the factory of its module object, its kinds. */
    record Bridge(dev.pyconc.spi.PyModule module, java.util.function.Function<Supplier<Session>, Object> factory,
            List<Kind> kinds) {}

    /** Every module bridge of the cpython adapter: the one list of them. */
    static final List<Bridge> BRIDGES = List.of(
            new Bridge(dev.pyconc.spi.PyModule.THREADING, ThreadingBridge::module, ThreadingBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.QUEUE, QueueBridge::module, QueueBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.CONCURRENT_FUTURES, FuturesBridge::module, FuturesBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.SCHED, SchedBridge::module, SchedBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.THREAD, ThreadBridge::module, ThreadBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.CONTEXTVARS, ContextVarsBridge::module, ContextVarsBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.SUBPROCESS, SubprocessBridge::module, SubprocessBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.MULTIPROCESSING, MultiprocessingBridge::module, MultiprocessingBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.SHARED_MEMORY, SharedMemoryBridge::module, SharedMemoryBridge.KINDS),
            new Bridge(dev.pyconc.spi.PyModule.ASYNCIO, AsyncioBridge::module, AsyncioBridge.KINDS));

    /** Every bridge's kinds: one table, each kind named by exactly one bridge. */
    private static final Map<String, ProxyFactory> KINDS = kinds();

    private static Map<String, ProxyFactory> kinds() {
        Map<String, ProxyFactory> all = new java.util.HashMap<>();
        for (Bridge b : BRIDGES) {
            for (Kind k : b.kinds()) {
                if (all.putIfAbsent(k.name(), k.factory()) != null) {
                    throw new IllegalStateException("two bridges name the kind " + k.name());
                }
            }
        }
        return Map.copyOf(all);
    }

    /**
     * The kinds of the bridges of {@code modules}, for the agent's {@code hello}: {@code [[name, [expr, ...]],
     * ...]} in order, from which the agent decides the kind of each object it hands out.
     */
    static com.fasterxml.jackson.databind.node.ArrayNode kindTable(java.util.Set<dev.pyconc.spi.PyModule> modules) {
        var table = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (Bridge b : BRIDGES) {
            if (!modules.contains(b.module())) {
                continue;
            }
            for (Kind k : b.kinds()) {
                if (!k.pythonTypes().isEmpty()) {
                    var row = table.addArray();
                    row.add(k.name());
                    k.pythonTypes().forEach(row.addArray()::add);
                }
            }
        }
        return table;
    }

    /**
     * A proxy for the handle {@code hid} of kind {@code kind} (the agent's name for the object's class): the
     * bridge's proxy for a kind of a module, a callable's proxy, or a plain object proxy.
     */
    static Object create(Session s, long hid, String kind) {
        ProxyFactory f = KINDS.get(kind);
        if (f != null) {
            return f.create(s, hid);
        }
        return kind.equals("callable") ? new CallableProxy(s, hid) : new PyObjectProxy(s, hid, kind);
    }

    /**
     * {@code v}, a value from Python, as the SPI type the call must return.
     *
     * @throws PythonBridgeException if Python returned something else (a bridge or agent bug)
     */
    static <T> T as(Class<T> type, Object v) {
        if (!type.isInstance(v)) {
            throw new PythonBridgeException("expected a " + type.getSimpleName() + " from Python, got " + v);
        }
        return type.cast(v);
    }

    static boolean bool(Object v) {
        return v instanceof Boolean b ? b : dev.pyconc.spi.PyValues.truthy(v);
    }

    static long integer(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new PythonBridgeException("expected an int from Python, got " + v);
    }

    /**
     * Whether the SPI method that the bridge is carrying out on this thread is declared {@link Blocking}: the
     * first frame up the stack that implements an SPI method (in {@code impl}, the proxy or module class, or
     * in an SPI interface's default method) decides. So "this call may block" is declared once, in the SPI,
     * and every proxy method simply calls {@code invoke}.
     *
     * @throws IllegalStateException if no SPI method is on the stack (a bridge bug)
     */
    static boolean declaredBlocking(Class<?> impl) {
        return WALKER.walk(frames -> frames.takeWhile(Proxies::bridgeOrSpi).map(f -> spiMethod(impl, f))
                        .filter(java.util.Optional::isPresent)
                        .map(java.util.Optional::get).findFirst())
                .map(m -> m.isAnnotationPresent(Blocking.class))
                .orElseThrow(() -> new IllegalStateException("bridge bug: a call to Python from " + impl.getName()
                        + " outside any SPI method"));
    }

    /** Frames of this bridge and of SPI default methods; the walk stops at the first other (the caller's). */
    private static boolean bridgeOrSpi(StackWalker.StackFrame f) {
        String pkg = f.getDeclaringClass().getPackageName();
        return pkg.equals(Proxies.class.getPackageName()) || pkg.startsWith(Blocking.class.getPackageName());
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<Method>> SPI_METHODS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether some method declared in class {@code declaring} has the name and parameters of an SPI method of
     * {@code owner}, by pair of classes. When none has, no frame of {@code declaring} carries out an SPI method,
     * which {@link #spiMethod} then knows from the frame's class alone: naming a frame's method costs more than
     * the rest of the walk, and every call walks (through {@code declaredBlocking} itself and {@code invoke}).
     */
    private static final java.util.concurrent.ConcurrentHashMap<ClassPair, Boolean> MAY_CARRY_OUT =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record ClassPair(Class<?> declaring, Class<?> owner) {}

    private static boolean mayCarryOut(Class<?> declaring, Class<?> owner) {
        return MAY_CARRY_OUT.computeIfAbsent(new ClassPair(declaring, owner), k -> {
            java.util.Set<Class<?>> spi = spiInterfaces(owner);
            for (Method m : declaring.getDeclaredMethods()) {
                for (Class<?> i : spi) {
                    try {
                        i.getMethod(m.getName(), m.getParameterTypes());
                        return true;
                    } catch (NoSuchMethodException e) {
                        // not this interface's
                    }
                }
            }
            return false;
        });
    }

    /** The SPI interface method that frame {@code f} carries out for an object of class {@code impl}, if any. */
    private static java.util.Optional<Method> spiMethod(Class<?> impl, StackWalker.StackFrame f) {
        Class<?> declaring = f.getDeclaringClass();
        Class<?> owner = declaring.isAssignableFrom(impl) ? impl : declaring;
        if (!mayCarryOut(declaring, owner)) {
            return java.util.Optional.empty();
        }
        String key = owner.getName() + "#" + f.getMethodName() + f.getDescriptor();
        return SPI_METHODS.computeIfAbsent(key, k -> {
            Class<?>[] params = f.getMethodType().parameterArray();
            for (Class<?> i : spiInterfaces(owner)) {
                try {
                    return java.util.Optional.of(i.getMethod(f.getMethodName(), params));
                } catch (NoSuchMethodException e) {
                    // not this interface's
                }
            }
            return java.util.Optional.empty();
        });
    }

    /** {@code c} itself if it is an SPI interface, and every SPI interface it implements or extends. */
    private static java.util.Set<Class<?>> spiInterfaces(Class<?> c) {
        java.util.Set<Class<?>> out = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>();
        todo.add(c);
        while (!todo.isEmpty()) {
            Class<?> k = todo.poll();
            if (k.isInterface() && k.getPackageName().startsWith(Blocking.class.getPackageName())) {
                out.add(k);
            }
            if (k.getSuperclass() != null) {
                todo.add(k.getSuperclass());
            }
            todo.addAll(List.of(k.getInterfaces()));
        }
        return out;
    }

    /** Any Python object: a handle in the agent's table for the current case. */
    static class PyObjectProxy {
        final Session session;
        final long hid;
        final String kind;

        PyObjectProxy(Session session, long hid, String kind) {
            this.session = session;
            this.hid = hid;
            this.kind = kind;
        }

        /** {@code obj.method(*args)}, waiting in Python if the SPI method being carried out is {@link Blocking}. */
        final Object invoke(String method, Object... args) {
            return session.call(this, method, declaredBlocking(getClass()), args);
        }

        /** {@code obj.method(*args, **kwargs)}; {@code obj(*args, **kwargs)} when {@code method} is empty. */
        final Object invokeKw(String method, List<?> args, Map<String, ?> kwargs) {
            return invoke("$callkw", method, args, kwargs);
        }

        /**
         * The {@code with} block after {@code __enter__}: {@code exit} calls {@code __exit__} through the
         * agent's {@code $exit} (with the block's exception, if any) and answers whether it suppressed it. A
         * class, not a lambda, so that its frame names the SPI method it carries out ({@code Held.exit}).
         */
        final PyContextManager.Held heldExit() {
            return new PyContextManager.Held() {
                @Override
                public boolean exit(dev.pyconc.spi.exceptions.BaseException exc) {
                    return bool(invoke("$exit", exc));
                }
            };
        }

        /** {@code getattr(obj, name)}. */
        final Object attr(String name) {
            return invoke("$getattr", name);
        }

        /** {@code setattr(obj, name, value)}. */
        final void setAttr(String name, Object value) {
            invoke("$setattr", name, value);
        }

        @Override
        public String toString() {
            return "<cpython " + kind + " #" + hid + ">";
        }
    }

    /** A Python module of the agent's interpreter (its handle is the module's id), for the module classes. */
    abstract static class ModuleProxy {
        private final Supplier<Session> session;
        private final long moduleId;

        ModuleProxy(Supplier<Session> session, dev.pyconc.spi.PyModule module) {
            this.session = session;
            this.moduleId = Session.handle(module);
        }

        /** The adapter's current session (a new one after the agent was restarted). */
        final Session session() {
            return session.get();
        }

        /** {@code module.fn(*args)}, waiting in Python if the SPI method being carried out is {@link Blocking}. */
        final Object invoke(String fn, Object... args) {
            return session.get().call(moduleId, fn, declaredBlocking(getClass()), args);
        }

        /** {@code module.fn(*args, **kwargs)}. */
        final Object invokeKw(String fn, List<?> args, Map<String, ?> kwargs) {
            return invoke("$callkw", fn, args, kwargs);
        }

        /** {@code module.name}. */
        final Object attr(String name) {
            return invoke("$getattr", name);
        }

        /** {@code importlib.import_module(module).fn(*args)} (fn may be dotted), run by the agent. */
        final Object modcall(String module, String fn, Object... args) {
            return invoke("$modcall", module, fn, List.of(args));
        }
    }

    /** A Python callable, e.g. {@code threading.__excepthook__}. */
    static final class CallableProxy extends PyObjectProxy implements PyCallable, ExceptHook {
        CallableProxy(Session s, long hid) {
            super(s, hid, "callable");
        }

        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            if (!kwargs.isEmpty()) {
                return invokeKw("", args, kwargs);
            }
            return invoke("__call__", args.toArray());
        }

        @Override
        public void call(ExceptHookArgs args) {
            invoke("__call__", args);
        }
    }
}
