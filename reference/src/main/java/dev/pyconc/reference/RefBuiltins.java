package dev.pyconc.reference;

import dev.pyconc.spi.AdapterFailure;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.Token;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.futures.Future;
import dev.pyconc.spi.sched.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference's answers to Python's type questions: each of its Java classes stands for the CPython 3.14
 * class it follows, with that class's MRO, and each modelled module attribute is either a class (by the
 * qualified name where it is defined, e.g. {@code threading.Lock} is {@code _thread.lock} since 3.13) or a
 * function ({@code threading.RLock} is a factory).
 */
final class RefBuiltins implements Builtins {
    private static final String OBJECT = "builtins.object";
    private static final String FUNCTION = "";

    /** Module attribute -> qualified name of the class it is, or {@link #FUNCTION}. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("builtins.object", OBJECT),
            Map.entry("builtins.int", "builtins.int"),
            Map.entry("builtins.bool", "builtins.bool"),
            Map.entry("builtins.float", "builtins.float"),
            Map.entry("builtins.str", "builtins.str"),
            Map.entry("builtins.list", "builtins.list"),
            Map.entry("builtins.dict", "builtins.dict"),
            Map.entry("builtins.type", "builtins.type"),
            Map.entry("types.NoneType", "builtins.NoneType"),
            Map.entry("_thread.lock", "_thread.lock"),
            Map.entry("_thread.LockType", "_thread.lock"),
            Map.entry("_thread.RLock", "_thread.RLock"),
            Map.entry("_thread._local", "_thread._local"),
            Map.entry("_thread.allocate_lock", FUNCTION),
            Map.entry("_thread.start_new_thread", FUNCTION),
            Map.entry("threading.Lock", "_thread.lock"),
            Map.entry("threading.RLock", FUNCTION),
            Map.entry("threading._CRLock", "_thread.RLock"),
            Map.entry("threading.Condition", "threading.Condition"),
            Map.entry("threading.Semaphore", "threading.Semaphore"),
            Map.entry("threading.BoundedSemaphore", "threading.BoundedSemaphore"),
            Map.entry("threading.Event", "threading.Event"),
            Map.entry("threading.Barrier", "threading.Barrier"),
            Map.entry("threading.Thread", "threading.Thread"),
            Map.entry("threading.Timer", "threading.Timer"),
            Map.entry("threading._MainThread", "threading._MainThread"),
            Map.entry("threading._DummyThread", "threading._DummyThread"),
            Map.entry("threading.local", "_thread._local"),
            Map.entry("threading.current_thread", FUNCTION),
            Map.entry("threading.active_count", FUNCTION),
            Map.entry("threading.enumerate", FUNCTION),
            Map.entry("threading.main_thread", FUNCTION),
            Map.entry("threading.get_ident", FUNCTION),
            Map.entry("queue.Queue", "queue.Queue"),
            Map.entry("queue.LifoQueue", "queue.LifoQueue"),
            Map.entry("queue.PriorityQueue", "queue.PriorityQueue"),
            Map.entry("queue.SimpleQueue", "_queue.SimpleQueue"),
            Map.entry("concurrent.futures.Future", "concurrent.futures._base.Future"),
            Map.entry("sched.scheduler", "sched.scheduler"),
            Map.entry("contextvars.ContextVar", "_contextvars.ContextVar"),
            Map.entry("contextvars.Context", "_contextvars.Context"),
            Map.entry("contextvars.Token", "_contextvars.Token"),
            Map.entry("contextvars.copy_context", FUNCTION),
            Map.entry("multiprocessing.Lock", FUNCTION),
            Map.entry("multiprocessing.RLock", FUNCTION),
            Map.entry("multiprocessing.synchronize.Lock", "multiprocessing.synchronize.Lock"),
            Map.entry("multiprocessing.synchronize.RLock", "multiprocessing.synchronize.RLock"),
            Map.entry("multiprocessing.synchronize.Condition", "multiprocessing.synchronize.Condition"));

    @Override
    public boolean isinstance(Object obj, String className) {
        String cls = resolve(className);
        if (cls.equals(FUNCTION)) {
            throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        return typeMro(obj).contains(cls);
    }

    /**
     * Only objects of classes implemented in C without a {@code __dict__} are modelled (their attributes are
     * all read-only, and they take no new ones); the reference does not keep arbitrary attributes on the
     * others.
     */
    @Override
    public void setattr(Object obj, String name, Object value) {
        List<String> mro = typeMro(obj);
        String cls = mro.get(0);
        if (!NO_DICT.contains(cls)) {
            throw new AdapterFailure("reference: setattr on a " + cls + " is not modelled");
        }
        if (READ_ONLY.contains(cls + "." + name)) {
            throw new AttributeError("attribute '" + name + "' of '" + cls + "' objects is not writable");
        }
        throw new AttributeError("'" + cls + "' object has no attribute '" + name + "' and no __dict__ for setting new attributes");
    }

    /**
     * Answered from the public attributes (methods and data) of the classes the reference mirrors, for the
     * queue classes; the reference does not model the attribute tables of the others.
     */
    @Override
    public boolean hasattr(Object obj, String name) {
        String cls = typeMro(obj).get(0);
        java.util.Set<String> attrs = PUBLIC_ATTRIBUTES.get(cls);
        if (attrs == null || name.startsWith("_")) {
            throw new AdapterFailure("reference: hasattr(" + cls + ", '" + name + "') is not modelled");
        }
        return attrs.contains(name);
    }

    private static final java.util.Set<String> QUEUE_ATTRIBUTES = java.util.Set.of("all_tasks_done", "empty",
            "full", "get", "get_nowait", "is_shutdown", "join", "maxsize", "mutex", "not_empty", "not_full", "put",
            "put_nowait", "qsize", "queue", "shutdown", "task_done", "unfinished_tasks");

    /** The public attributes of each modelled class (CPython 3.14's, names not starting with "_"). */
    private static final Map<String, java.util.Set<String>> PUBLIC_ATTRIBUTES = Map.of(
            "_queue.SimpleQueue", java.util.Set.of("empty", "get", "get_nowait", "put", "put_nowait", "qsize"),
            "queue.Queue", QUEUE_ATTRIBUTES,
            "queue.LifoQueue", QUEUE_ATTRIBUTES,
            "queue.PriorityQueue", QUEUE_ATTRIBUTES);

    /** Classes CPython implements in C, without a {@code __dict__}. */
    private static final java.util.Set<String> NO_DICT = java.util.Set.of("_contextvars.ContextVar",
            "_contextvars.Token", "_contextvars.Context", "_thread.lock", "_thread.RLock", "_queue.SimpleQueue",
            "builtins.int", "builtins.bool", "builtins.float", "builtins.str", "builtins.NoneType",
            "builtins.list", "builtins.dict");

    /** Their documented attributes, which are read-only. */
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("_contextvars.ContextVar.name",
            "_contextvars.Token.var", "_contextvars.Token.old_value");

    @Override
    public boolean isClass(String name) {
        return !resolve(name).equals(FUNCTION);
    }

    private static String resolve(String name) {
        String cls = NAMES.get(name);
        if (cls == null) {
            int dot = name.lastIndexOf('.');
            throw new AttributeError("module '" + (dot < 0 ? "builtins" : name.substring(0, dot))
                    + "' has no attribute '" + name.substring(dot + 1) + "'");
        }
        return cls;
    }

    @Override
    public List<String> typeMro(Object obj) {
        List<String> out = new ArrayList<>(classes(obj));
        out.add(OBJECT);
        return List.copyOf(out);
    }

    /** The MRO without {@code object}. */
    private static List<String> classes(Object obj) {
        if (obj == null) {
            return List.of("builtins.NoneType");
        }
        if (obj instanceof Boolean) {
            return List.of("builtins.bool", "builtins.int");
        }
        if (obj instanceof Long) {
            return List.of("builtins.int");
        }
        if (obj instanceof Double) {
            return List.of("builtins.float");
        }
        if (obj instanceof String) {
            return List.of("builtins.str");
        }
        if (obj instanceof List) {
            return List.of("builtins.list");
        }
        if (obj instanceof Map) {
            return List.of("builtins.dict");
        }
        if (obj instanceof PrimitiveLock) {
            return List.of("_thread.lock");
        }
        if (obj instanceof ReentrantLock) {
            return List.of("_thread.RLock");
        }
        if (obj instanceof RefCondition) {
            return List.of("threading.Condition");
        }
        if (obj instanceof RefSemaphore s) {
            return s.bounded() ? List.of("threading.BoundedSemaphore", "threading.Semaphore")
                    : List.of("threading.Semaphore");
        }
        if (obj instanceof RefEvent) {
            return List.of("threading.Event");
        }
        if (obj instanceof RefBarrier) {
            return List.of("threading.Barrier");
        }
        if (obj instanceof dev.pyconc.reference.multiprocessing.sync.Lock) {
            return List.of("multiprocessing.synchronize.Lock", "multiprocessing.synchronize.SemLock");
        }
        if (obj instanceof dev.pyconc.reference.multiprocessing.sync.RLock) {
            return List.of("multiprocessing.synchronize.RLock", "multiprocessing.synchronize.SemLock");
        }
        if (obj instanceof dev.pyconc.reference.multiprocessing.sync.Condition) {
            return List.of("multiprocessing.synchronize.Condition");
        }
        if (obj instanceof RefLocal) {
            return List.of("_thread._local");
        }
        if (obj instanceof RefTimer) {
            return List.of("threading.Timer", "threading.Thread");
        }
        if (obj instanceof RefThread t) {
            return switch (t.kind) {
                case MAIN -> List.of("threading._MainThread", "threading.Thread");
                case DUMMY -> List.of("threading._DummyThread", "threading.Thread");
                default -> List.of("threading.Thread");
            };
        }
        if (obj instanceof RefQueue q) {
            String cls = q.pythonClass();
            return cls.equals("queue.Queue") ? List.of(cls) : List.of(cls, "queue.Queue");
        }
        if (obj instanceof RefSimpleQueue) {
            return List.of("_queue.SimpleQueue");
        }
        if (obj instanceof RefFrame) {
            return List.of("builtins.frame");
        }
        if (obj instanceof Future) {
            return List.of("concurrent.futures._base.Future");
        }
        if (obj instanceof Scheduler) {
            return List.of("sched.scheduler");
        }
        if (obj instanceof ContextVar) {
            return List.of("_contextvars.ContextVar");
        }
        if (obj instanceof Context) {
            return List.of("_contextvars.Context");
        }
        if (obj instanceof Token) {
            return List.of("_contextvars.Token");
        }
        throw new AdapterFailure("reference: no Python class is modelled for " + obj.getClass().getName());
    }
}
