package dev.pyconc.reference.multiprocessing;

import dev.pyconc.reference.multiprocessing.connection.Connection;
import dev.pyconc.reference.multiprocessing.queues.JoinableQueue;
import dev.pyconc.reference.multiprocessing.queues.Queue;
import dev.pyconc.reference.multiprocessing.queues.SimpleQueue;
import dev.pyconc.reference.multiprocessing.shm.RefShareableList;
import dev.pyconc.reference.multiprocessing.shm.RefSharedMemory;
import dev.pyconc.reference.multiprocessing.sync.Barrier;
import dev.pyconc.reference.multiprocessing.sync.BoundedSemaphore;
import dev.pyconc.reference.multiprocessing.sync.Condition;
import dev.pyconc.reference.multiprocessing.sync.Event;
import dev.pyconc.reference.multiprocessing.sync.Lock;
import dev.pyconc.reference.multiprocessing.sync.RLock;
import dev.pyconc.reference.multiprocessing.sync.SemLock;
import dev.pyconc.reference.multiprocessing.sync.Semaphore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The functions that rebuild a {@link Reduction} in a child JVM, by kind: the one table of them. Each kind's
 * class registers itself in a static initializer; {@link #ensureLoaded()} loads every such class first, and a
 * kind that is a fully qualified class name is loaded by that name when nothing registered it yet.
 */
public final class Rebuilders {
    private static final Map<String, Function<List<Object>, Object>> BY_KIND = new ConcurrentHashMap<>();

    private Rebuilders() {}

    /** Registers the function rebuilding {@code kind}; a kind is registered once. */
    public static void register(String kind, Function<List<Object>, Object> rebuild) {
        if (BY_KIND.putIfAbsent(kind, rebuild) != null) {
            throw new IllegalStateException("two rebuilders for kind " + kind);
        }
    }

    /**
     * The classes that register a kind, by name. A class literal does not initialize its class; {@link #ensureLoaded()}
     * does, which runs the registering static initializer.
     */
    private static final List<Class<?>> KNOWN = List.of(
            Barrier.class,
            BoundedSemaphore.class,
            Condition.class,
            Connection.class,
            Event.class,
            JoinableQueue.class,
            Lock.class,
            Queue.class,
            RLock.class,
            RefShareableList.class,
            RefSharedMemory.class,
            SemLock.class,
            Semaphore.class,
            SimpleQueue.class);

    /** Loads (and so registers) every class of {@link #KNOWN} that is on the class path; idempotent. */
    public static void ensureLoaded() {
        for (Class<?> c : KNOWN) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot initialize " + c.getName(), e);
            }
        }
    }

    /** Rebuilds {@code r} in this process. */
    public static Object rebuild(Reduction r) {
        ensureLoaded();
        Function<List<Object>, Object> f = BY_KIND.get(r.kind());
        if (f == null && r.kind().indexOf('.') > 0) {
            // a kind may be the name of the class that registers it (one outside KNOWN)
            try {
                Class.forName(r.kind(), true, Rebuilders.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // no such class: the error below
            }
            f = BY_KIND.get(r.kind());
        }
        if (f == null) {
            throw new IllegalStateException("no rebuilder for kind " + r.kind());
        }
        return f.apply(r.state());
    }
}
