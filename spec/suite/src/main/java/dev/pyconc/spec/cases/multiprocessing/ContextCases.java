package dev.pyconc.spec.cases.multiprocessing;

import static dev.pyconc.spec.cases.multiprocessing.Kids.asLong;
import static dev.pyconc.spec.cases.multiprocessing.Kids.restoringGlobal;
import static dev.pyconc.spec.cases.multiprocessing.Kids.someMethod;
import static dev.pyconc.spec.cases.multiprocessing.Kids.withGlobalUnset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.multiprocessing.Kids.Duplex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Cases for contexts and start methods: get_context, get_start_method, set_start_method, get_all_start_methods,
 * and what each start method promises. A case that changes the global start method puts back the one that was
 * set before (None included) in a finally block, and starts no process while it is cleared.
 */
@PyCase
class ContextCases {
    private static final Set<String> METHODS = Set.of("fork", "spawn", "forkserver");
    private static final String PARENT_VALUE = "pyconc: set in the parent";

    /**
     * get_all_start_methods() lists distinct names among fork, spawn and forkserver, and its first is the default
     * one, the method get_start_method() fixes when none was set.
     */
    @Test
    @Checks("multiprocessing.get_all_start_methods/default-first")
    void allStartMethodsDefaultFirst(MultiprocessingModule mp, Harness h) {
        List<String> all = mp.getAllStartMethods();
        assertTrue(!all.isEmpty() && METHODS.containsAll(all), "start methods: " + all);
        assertEquals(all.size(), new HashSet<>(all).size(), "no name twice: " + all);
        withGlobalUnset(h, mp, () -> assertEquals(mp.getStartMethod(), all.get(0), "the default comes first in " + all));
    }

    /** On Linux all three start methods are listed. */
    @Test
    @Checks("multiprocessing.get_all_start_methods/linux-has-all-three")
    void linuxHasAllThree(MultiprocessingModule mp) {
        assertEquals(METHODS, new HashSet<>(mp.getAllStartMethods()));
    }

    /**
     * A spawn child is a fresh interpreter: a global of the routines' module set in the parent is unset (None) in
     * a spawn pool worker.
     */
    @Test
    @Checks("multiprocessing/spawn-fresh-interpreter")
    void spawnChildStartsFresh(MultiprocessingModule mp) {
        assertEquals(null, globalSeenByWorker(mp, mp.getContext("spawn")));
    }

    /** A fork child is a copy of the parent: a global of the routines' module set in the parent has that value there. */
    @Test
    @Checks("multiprocessing/fork-child-inherits-parent-state")
    void forkChildInheritsParentState(MultiprocessingModule mp) {
        assertEquals(PARENT_VALUE, globalSeenByWorker(mp, mp.getContext("fork")));
    }

    /**
     * Sets the routines' global in this process, then reads it in a one-worker pool of ctx (bounded get), and
     * clears it again.
     */
    private static Object globalSeenByWorker(MultiprocessingModule mp, Context ctx) {
        mp.routine(Routine.SET_GLOBAL).call(List.of(PARENT_VALUE), Map.of());
        Pool pool = null;
        try {
            pool = ctx.pool(PoolOptions.of(1));
            return pool.applyAsync(mp.routine(Routine.GET_GLOBAL), List.of(), Map.of(), null, null).get(Timing.LONG);
        } finally {
            if (pool != null) {
                pool.terminate();
                pool.join();
            }
            mp.routine(Routine.SET_GLOBAL).call(java.util.Arrays.asList((Object) null), Map.of());
        }
    }

    /** One program runs a spawn child and a forkserver child at the same time, each of its context's method. */
    @Test
    @Checks("multiprocessing.get_context/several-methods-in-one-program")
    void severalMethodsSideBySide(MultiprocessingModule mp) {
        Context spawn = mp.getContext("spawn");
        Context forkserver = mp.getContext("forkserver");
        assertEquals("spawn", spawn.getStartMethod());
        assertEquals("forkserver", forkserver.getStartMethod());
        try (Procs procs = new Procs(); Duplex a = new Duplex(spawn); Duplex b = new Duplex(forkserver)) {
            PyProcess p = procs.start(spawn, mp, Routine.WAIT_MESSAGE, a.theirs);
            PyProcess q = procs.start(forkserver, mp, Routine.WAIT_MESSAGE, b.theirs);
            assertTrue(p.isAlive() && q.isAlive(), "both children run at once");
            Kids.release(a);
            Kids.release(b);
            assertEquals(0L, Procs.joined(p));
            assertEquals(0L, Procs.joined(q));
        }
    }

    /** A lock made by the fork context cannot be handed to a spawn child: start() raises RuntimeError. */
    @Test
    @Checks("multiprocessing.get_context/fork-objects-not-for-spawn-children")
    void forkLockRefusedBySpawnChild(MultiprocessingModule mp) {
        Context spawn = mp.getContext("spawn");
        dev.pyconc.spi.threading.Lock lock = mp.getContext("fork").lock();
        try (Procs procs = new Procs()) {
            assertThrows(RuntimeError.class, () -> procs.start(spawn, mp, Routine.IDENTITY, lock));
        }
    }

    /**
     * get_context() fixes the global start method when it was unset, and its context has the method
     * get_start_method() then reports.
     */
    @Test
    @Checks("multiprocessing.get_context/none-gives-default-context")
    void noneGivesDefaultContext(MultiprocessingModule mp, Harness h) {
        withGlobalUnset(h, mp, () -> {
            Context c = mp.getContext(null);
            String fixed = mp.getStartMethod(true);
            assertNotNull(fixed, "get_context() should fix the global start method");
            assertEquals(fixed, c.getStartMethod());
        });
    }

    /**
     * A named context offers the module's API with its method: its get_start_method() names it, and its Process
     * and Queue work together (a child of the context puts on the context's queue).
     */
    @Test
    @Checks("multiprocessing.get_context/context-has-module-api")
    void contextHasModuleApi(MultiprocessingModule mp, Adapter a) {
        String method = someMethod(a);
        Context ctx = mp.getContext(method);
        assertEquals(method, ctx.getStartMethod());
        Queue q = ctx.queue();
        try (Procs procs = new Procs()) {
            PyProcess p = procs.start(ctx, mp, Routine.PUT, q, 42L);
            assertEquals(42L, asLong(Procs.next(q)));
            assertEquals(0L, Procs.joined(p));
        } finally {
            q.close();
            q.joinThread();
        }
    }

    /** get_context with a name that is no start method raises ValueError. */
    @Test
    @Checks("multiprocessing.get_context/unavailable-method-valueerror")
    void unknownContextRaises(MultiprocessingModule mp) {
        assertThrows(ValueError.class, () -> mp.getContext("no-such-method"));
    }

    /** In CPython get_context(name) leaves an unset global start method unset. */
    @Test
    @Checks("multiprocessing.get_context/named-context-leaves-global-unset")
    void namedContextLeavesGlobalUnset(MultiprocessingModule mp, Adapter a, Harness h) {
        withGlobalUnset(h, mp, () -> {
            mp.getContext(someMethod(a));
            assertNull(mp.getStartMethod(true));
        });
    }

    /** In CPython a named context reports its method and refuses set_start_method with ValueError. */
    @Test
    @Checks("multiprocessing.get_context/concrete-context-method-fixed")
    void concreteContextMethodFixed(MultiprocessingModule mp, Adapter a) {
        String method = someMethod(a);
        restoringGlobal(mp, () -> {
            Context ctx = mp.getContext(method);
            assertEquals(method, ctx.getStartMethod());
            assertThrows(ValueError.class, () -> ctx.setStartMethod(method, false));
            assertThrows(ValueError.class, () -> ctx.setStartMethod(method, true));
            assertEquals(method, ctx.getStartMethod());
        });
    }

    /** get_start_method() with nothing set fixes a method and returns its name; allow_none then sees it. */
    @Test
    @Checks("multiprocessing.get_start_method/sets-default-when-unset")
    void getStartMethodFixesDefault(MultiprocessingModule mp, Harness h) {
        withGlobalUnset(h, mp, () -> {
            String d = mp.getStartMethod();
            assertTrue(METHODS.contains(d), "get_start_method() = " + d);
            assertEquals(d, mp.getStartMethod(true));
        });
    }

    /** get_start_method(allow_none=True) returns None while nothing is set, and does not fix anything. */
    @Test
    @Checks("multiprocessing.get_start_method/allow-none-when-unset")
    void allowNoneWhenUnset(MultiprocessingModule mp, Harness h) {
        withGlobalUnset(h, mp, () -> {
            assertNull(mp.getStartMethod(true));
            assertNull(mp.getStartMethod(true), "the first call must not have fixed a method");
        });
    }

    /** get_start_method() names one of fork, spawn and forkserver. */
    @Test
    @Checks("multiprocessing.get_start_method/returns-method-name")
    void getStartMethodReturnsName(MultiprocessingModule mp) {
        restoringGlobal(mp, () -> {
            String m = mp.getStartMethod();
            assertTrue(METHODS.contains(m), "get_start_method() = " + m);
        });
    }

    /** set_start_method(name) on an unset global makes get_start_method() return that name. */
    @Test
    @Checks("multiprocessing.set_start_method/fixes-global-method")
    void setStartMethodFixesGlobal(MultiprocessingModule mp, Adapter a, Harness h) {
        String method = someMethod(a);
        withGlobalUnset(h, mp, () -> {
            mp.setStartMethod(method, false);
            assertEquals(method, mp.getStartMethod());
            assertEquals(method, mp.getStartMethod(true));
        });
    }

    /** set_start_method without force, once a method is set, raises RuntimeError and keeps the method. */
    @Test
    @Checks("multiprocessing.set_start_method/second-call-runtimeerror")
    void secondSetRaises(MultiprocessingModule mp, Adapter a, Harness h) {
        String method = someMethod(a);
        withGlobalUnset(h, mp, () -> {
            mp.setStartMethod(method, false);
            assertThrows(RuntimeError.class, () -> mp.setStartMethod(method, false));
            assertEquals(method, mp.getStartMethod(true));
        });
    }

    /** set_start_method(name, force=True) replaces a method already set. */
    @Test
    @Checks("multiprocessing.set_start_method/force-replaces")
    void forceReplaces(MultiprocessingModule mp, Harness h) {
        List<String> all = mp.getAllStartMethods();
        String first = all.get(0);
        String other = all.get(all.size() - 1);
        withGlobalUnset(h, mp, () -> {
            mp.setStartMethod(first, false);
            mp.setStartMethod(other, true);
            assertEquals(other, mp.getStartMethod(true));
        });
    }

    /** set_start_method(None, force=True) after a method was set leaves none set. */
    @Test
    @Checks("multiprocessing.set_start_method/none-force-clears")
    void noneForceClears(MultiprocessingModule mp, Adapter a) {
        String method = someMethod(a);
        restoringGlobal(mp, () -> {
            mp.setStartMethod(method, true);
            assertEquals(method, mp.getStartMethod(true));
            mp.setStartMethod(null, true);
            assertNull(mp.getStartMethod(true));
        });
    }

    /** set_start_method(None) without force, while nothing is set, fixes the default method. */
    @Test
    @Checks("multiprocessing.set_start_method/none-sets-default")
    void noneSetsDefault(MultiprocessingModule mp, Harness h) {
        withGlobalUnset(h, mp, () -> {
            String d = mp.getStartMethod();
            mp.setStartMethod(null, true);
            mp.setStartMethod(null, false);
            assertEquals(d, mp.getStartMethod(true));
        });
    }

    /** CPython refuses set_start_method with an unknown name with ValueError. */
    @Test
    @Checks("multiprocessing.set_start_method/unknown-method-valueerror")
    void unknownStartMethodRaises(MultiprocessingModule mp) {
        restoringGlobal(mp, () -> assertThrows(ValueError.class, () -> mp.setStartMethod("no-such-method", true)));
    }

    /**
     * Making any of the module's synchronization objects or queues while the global method is unset fixes it.
     */
    @Test
    @Checks("multiprocessing/creating-objects-sets-global-method")
    void creatingObjectsFixesGlobal(MultiprocessingModule mp, Harness h) {
        Map<String, Supplier<Object>> makers = new java.util.LinkedHashMap<>();
        makers.put("Lock", mp::lock);
        makers.put("RLock", mp::rlock);
        makers.put("Semaphore", mp::semaphore);
        makers.put("BoundedSemaphore", mp::boundedSemaphore);
        makers.put("Condition", mp::condition);
        makers.put("Event", mp::event);
        makers.put("Barrier", () -> mp.barrier(2));
        makers.put("Queue", mp::queue);
        makers.put("SimpleQueue", mp::simpleQueue);
        makers.put("JoinableQueue", mp::joinableQueue);
        for (Map.Entry<String, Supplier<Object>> e : makers.entrySet()) {
            withGlobalUnset(h, mp, () -> {
                Object made = e.getValue().get();
                String fixed = mp.getStartMethod(true);
                close(made);
                assertNotNull(fixed, e.getKey() + "() should fix the global start method");
            });
        }
    }

    private static void close(Object made) {
        if (made instanceof Queue q) {
            q.close();
        } else if (made instanceof dev.pyconc.spi.multiprocessing.SimpleQueue q) {
            q.close();
        }
    }

    /** Since 3.14 on Linux the default start method, fixed when nothing was set, is forkserver. */
    @Test
    @Checks("multiprocessing/posix-default-forkserver")
    void defaultIsForkserver(MultiprocessingModule mp, Harness h) {
        withGlobalUnset(h, mp, () -> assertEquals("forkserver", mp.getStartMethod()));
    }

    /** Up to 3.13 on Linux the default start method is fork. */
    @Test
    @Checks("multiprocessing/posix-default-fork-before-3-14")
    void defaultIsForkBefore314(MultiprocessingModule mp, Harness h) {
        withGlobalUnset(h, mp, () -> assertEquals("fork", mp.getStartMethod()));
    }
}
