package dev.pyconc.spec.cases.contextvars;

import static dev.pyconc.spec.cases.contextvars.Contexts.hasValue;
import static dev.pyconc.spec.cases.contextvars.Contexts.call;
import static dev.pyconc.spec.cases.contextvars.Contexts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for contexts across threads: per-thread current contexts, entering from two threads, Thread(context=). */
@PyCase
class ContextThreadCases {

    /** A value set in one thread is invisible in another; each of several threads sees only its own value. */
    @Test
    @Checks("contextvars.Context/per-thread-current-context")
    void eachThreadHasItsOwnContext(ContextVarsModule cv, Harness h) {
        ContextVar var = cv.contextVar("var");
        var.set("main");
        h.join(h.start("reader", () -> {
            assertFalse(hasValue(var), "another thread must not see this thread's value");
            var.set("reader");
            assertEquals("reader", var.get());
        }));
        assertEquals("main", var.get(), "another thread's set() must not reach this thread");

        int n = 4;
        CyclicBarrier allSet = new CyclicBarrier(n);
        Map<Integer, Object> seen = new ConcurrentHashMap<>();
        h.bunch("setter", n, i -> {
            var.set((long) i);
            try {
                allSet.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS); // every set() before any get()
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new AssertionError("the setters did not all arrive", e);
            }
            seen.put(i, var.get());
        }).join();
        for (int i = 0; i < n; i++) {
            assertEquals((long) i, seen.get(i), "thread " + i);
        }
        assertEquals("main", var.get());
    }

    /** While one thread is inside ctx.run(), ctx.run() in another thread raises RuntimeError. */
    @Test
    @Checks("contextvars.Context.run/entered-in-other-thread-raises-runtimeerror")
    void contextEnteredInAnotherThreadIsRefused(ContextVarsModule cv, Harness h) {
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        AtomicReference<Object> calledThere = new AtomicReference<>();
        run(ctx, () -> {
            var.set(1L);
            h.join(h.start("intruder", () -> assertThrows(RuntimeError.class,
                    () -> run(ctx, () -> calledThere.set("called")))));
            assertEquals(1L, var.get(), "this thread must still be in the context");
        });
        assertNull(calledThere.get(), "the refused run() must not call its callable");
    }

    /** After run() returned in this thread, another thread may run the context and sees (and changes) its values. */
    @Test
    @Checks("contextvars.Context.run/reenter-from-other-thread-after-exit")
    void contextMayBeReenteredFromAnotherThread(ContextVarsModule cv, Harness h) {
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        run(ctx, () -> var.set(1L));
        AtomicReference<Object> seen = new AtomicReference<>();
        h.join(h.start("other", () -> seen.set(call(ctx, () -> {
            Object before = var.get();
            var.set(2L);
            return before;
        }))));
        assertEquals(1L, seen.get());
        assertEquals(2L, ctx.getItem(var));
        assertEquals(2L, call(ctx, var::get), "and this thread may enter it again afterwards");
    }

    /** Thread(context=ctx): the target sees ctx's values, its set() lands in ctx, the starter is unaffected. */
    @Test
    @Checks("threading.Thread/context-argument")
    void threadRunsInGivenContext(ContextVarsModule cv, ThreadingModule threading) {
        ContextVar var = cv.contextVar("var");
        ContextVar fresh = cv.contextVar("fresh");
        Context ctx = cv.context();
        run(ctx, () -> var.set("given"));
        var.set("starter");
        AtomicReference<Object> seen = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            seen.set(var.get(null));
            var.set("thread");
            fresh.set(1L);
        })).withContext(ctx));
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        assertEquals("given", seen.get());
        assertEquals("thread", ctx.getItem(var));
        assertEquals(1L, ctx.getItem(fresh));
        assertEquals("starter", var.get());
        assertFalse(hasValue(fresh));
    }

    /** A context given to a running Thread is entered there: run() of it elsewhere raises until the thread ends. */
    @Test
    @Checks({"threading.Thread/context-argument", "contextvars.Context.run/entered-in-other-thread-raises-runtimeerror",
            "contextvars.Context.run/reenter-from-other-thread-after-exit"})
    void contextOfRunningThreadIsEntered(ContextVarsModule cv, ThreadingModule threading) {
        ContextVar var = cv.contextVar("var");
        Context ctx = cv.context();
        Event inside = threading.event();
        Event release = threading.event();
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            var.set("thread");
            inside.set();
            release.await(Timing.LONG);
        })).withContext(ctx));
        t.start();
        try {
            assertTrue(inside.await(Timing.LONG), "the thread did not start its target");
            assertThrows(RuntimeError.class, () -> run(ctx, () -> var.set("intruder")));
        } finally {
            release.set();
            t.join(Timing.LONG);
        }
        assertFalse(t.isAlive());
        assertEquals("thread", ctx.getItem(var));
        assertEquals("thread", call(ctx, var::get), "after the thread ended its context is free again");
    }

    /**
     * With context None, the thread starts in an empty context when sys.flags.thread_inherit_context is false,
     * and in a copy of the starter's current context when it is true. The copy is taken by start(), not by the
     * constructor (CPython 3.14 with {@code -X thread_inherit_context=1}): the thread is built outside
     * {@code run(starterCtx)} and started inside it, so a copy taken at construction would miss the values.
     */
    @Test
    @Checks("threading.Thread/context-none-follows-inherit-flag")
    void defaultThreadContextFollowsFlag(ContextVarsModule cv, ThreadingModule threading) {
        ContextVar var = cv.contextVar("var");
        ContextVar other = cv.contextVar("other");
        Context starterCtx = cv.context();
        boolean inherit = cv.threadInheritContext();
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            List<Object> found = List.of(var.get("none"), cv.copyContext().len());
            var.set("thread");
            seen.set(found);
        })));
        run(starterCtx, () -> {
            var.set("starter");
            other.set(2L);
            t.start();
            t.join(Timing.LONG);
        });
        assertFalse(t.isAlive());
        if (inherit) {
            assertEquals(List.of("starter", 2L), seen.get(), "flag true: a copy of the starter's context");
        } else {
            assertEquals(List.of("none", 0L), seen.get(), "flag false: an empty context");
        }
        assertEquals("starter", starterCtx.getItem(var), "the thread's set() must not reach the starter");
    }
}
