package dev.pyconc.spec.cases.thread;

import dev.pyconc.spi.threading.ThreadingModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.thread.UnraisableHookArgs;
import dev.pyconc.spi.threading.PyThread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code _thread.start_new_thread}. The function records what it saw in JDK atomics and sets a
 * done flag in a {@code finally} as its last action; the case polls that flag, then asserts.
 */
@PyCase
class StartNewThreadCases {

    /** The function runs with the given arguments on another thread, whose identifier start_new_thread returns. */
    @Test
    @Checks({"_thread.start_new_thread/runs-function-in-new-thread", "_thread.start_new_thread/returns-thread-identifier"})
    void runsFunctionWithArgumentsOnNewThread(ThreadModule thread, Harness h) {
        AtomicReference<List<Object>> gotArgs = new AtomicReference<>();
        AtomicReference<Map<String, Object>> gotKwargs = new AtomicReference<>();
        AtomicLong ident = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        PyCallable f = (args, kwargs) -> {
            try {
                gotArgs.set(new ArrayList<>(args));
                gotKwargs.set(new LinkedHashMap<>(kwargs));
                ident.set(thread.getIdent());
                return null;
            } finally {
                done.set(true);
            }
        };
        long returned = thread.startNewThread(f, PyTuple.of(1L, "two"), Map.of("three", 3L));
        h.poll("function done", done::get);
        assertEquals(List.of(1L, "two"), gotArgs.get());
        assertEquals(Map.of("three", 3L), gotKwargs.get());
        assertNotEquals(0L, ident.get());
        assertNotEquals(thread.getIdent(), ident.get(), "the function ran on the caller's thread");
        assertEquals(ident.get(), returned, "start_new_thread should return the new thread's get_ident()");
    }

    /** Without keyword arguments (None), the function gets the positional ones only. */
    @Test
    @Checks("_thread.start_new_thread/kwargs-optional")
    void keywordArgumentsMayBeLeftOut(ThreadModule thread, Harness h) {
        AtomicReference<List<Object>> gotArgs = new AtomicReference<>();
        AtomicReference<Map<String, Object>> gotKwargs = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        PyCallable f = (args, kwargs) -> {
            try {
                gotArgs.set(new ArrayList<>(args));
                gotKwargs.set(new LinkedHashMap<>(kwargs));
                return null;
            } finally {
                done.set(true);
            }
        };
        thread.startNewThread(f, PyTuple.of("only"), null);
        h.poll("function done", done::get);
        assertEquals(List.of("only"), gotArgs.get());
        assertEquals(Map.of(), gotKwargs.get());
        done.set(false);
        thread.startNewThread(f, PyTuple.of(), null);
        h.poll("function done", done::get);
        assertEquals(List.of(), gotArgs.get());
        assertEquals(Map.of(), gotKwargs.get());
    }

    /**
     * The positional arguments must be a tuple: a list or a string raises TypeError; the same function with a
     * tuple then runs.
     */
    @Test
    @Checks("_thread.start_new_thread/args-must-be-tuple")
    void argumentsMustBeATuple(ThreadModule thread, Harness h) {
        AtomicReference<List<Object>> gotArgs = new AtomicReference<>();
        PyCallable f = (args, kwargs) -> {
            gotArgs.set(new ArrayList<>(args));
            return null;
        };
        assertThrows(TypeError.class, () -> thread.startNewThread(f, List.of(1L, 2L), null), "a list");
        assertThrows(TypeError.class, () -> thread.startNewThread(f, "12", null), "a string");
        thread.startNewThread(f, PyTuple.of(1L, 2L), null);
        h.poll("the function started with a tuple to run", () -> gotArgs.get() != null);
        assertEquals(List.of(1L, 2L), gotArgs.get());
    }

    /**
     * A function that calls exit() stops right there, silently: nothing reaches sys.unraisablehook, and the
     * program, new threads included, goes on.
     */
    @Test
    @Checks("_thread.start_new_thread/systemexit-ends-thread-silently")
    void exitInFunctionEndsOnlyThatThread(ThreadModule thread, Harness h) {
        assertEndsSilently(thread, h, thread::exit);
    }

    /** Raising SystemExit in the function does what exit() does: the thread ends there, silently. */
    @Test
    @Checks("_thread.exit/sys-exit-equivalent")
    void raisingSystemExitIsLikeExit(ThreadModule thread, Harness h) {
        assertEndsSilently(thread, h, () -> {
            throw new SystemExit("3");
        });
    }

    /**
     * Runs {@code body} as a start_new_thread function and checks that it stops at the SystemExit it raises
     * and that the hook stays silent: a thread started afterwards whose function raises ValueError is the only
     * one the hook hears of (the silent thread ended first, so a report from it would come first, in all but
     * freak schedules).
     */
    private static void assertEndsSilently(ThreadModule thread, Harness h, Runnable body) {
        List<UnraisableHookArgs> heard = new CopyOnWriteArrayList<>();
        thread.setUnraisableHook(heard::add);
        try {
            AtomicReference<Throwable> raised = new AtomicReference<>();
            AtomicBoolean pastExit = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            thread.startNewThread((args, kwargs) -> {
                try {
                    body.run();
                    pastExit.set(true);
                    return null;
                } catch (RuntimeException e) {
                    raised.set(e);
                    throw e; // uncaught in the function, as in Python
                } finally {
                    done.set(true);
                }
            }, PyTuple.of(), null);
            h.poll("function done", done::get);
            assertFalse(pastExit.get(), "the function went on after SystemExit");
            assertInstanceOf(SystemExit.class, raised.get());
            assertStillRunsThreads(thread, h);
            thread.startNewThread((args, kwargs) -> {
                throw new ValueError("raised on purpose by the case");
            }, PyTuple.of(), null);
            h.poll("the hook called for the ValueError thread", () -> !heard.isEmpty());
            assertEquals(List.of("builtins.ValueError"), heard.stream().map(UnraisableHookArgs::excType).toList(),
                    "the SystemExit must not reach sys.unraisablehook");
        } finally {
            thread.setUnraisableHook(null);
        }
    }

    /** An exception escaping the function ends that thread only; later threads still start and run. */
    @Test
    @Checks("_thread.start_new_thread/exception-ends-only-that-thread")
    void exceptionInFunctionEndsOnlyThatThread(ThreadModule thread, Harness h) {
        AtomicBoolean done = new AtomicBoolean();
        thread.startNewThread((args, kwargs) -> {
            try {
                throw new ValueError("raised on purpose by the case (the traceback printed is expected)");
            } finally {
                done.set(true);
            }
        }, PyTuple.of(), null);
        h.poll("function done", done::get);
        assertStillRunsThreads(thread, h);
    }

    /**
     * An exception escaping the function goes to sys.unraisablehook, once, with its type and value; the
     * object is the function (CPython 3.11) or None (3.14, which names the function in err_msg instead).
     */
    @Test
    @Checks("_thread.start_new_thread/exception-goes-to-unraisablehook")
    void exceptionGoesToUnraisableHook(ThreadModule thread, Harness h) {
        List<UnraisableHookArgs> heard = new CopyOnWriteArrayList<>();
        thread.setUnraisableHook(heard::add);
        try {
            PyCallable f = (args, kwargs) -> {
                throw new ValueError("to the hook");
            };
            thread.startNewThread(f, PyTuple.of(), null);
            h.poll("the hook called", () -> !heard.isEmpty());
            assertStillRunsThreads(thread, h); // time for a second, wrong call to show
            assertEquals(1, heard.size(), "calls: " + heard);
            UnraisableHookArgs u = heard.get(0);
            assertEquals("builtins.ValueError", u.excType());
            assertInstanceOf(ValueError.class, u.excValue());
            assertEquals("to the hook", u.excValue().getMessage());
            assertTrue(u.object() == null || u.object() == f, "object is the function or None: " + u.object());
        } finally {
            thread.setUnraisableHook(null);
        }
    }

    private static void assertStillRunsThreads(ThreadModule thread, Harness h) {
        AtomicLong ranOn = new AtomicLong();
        thread.startNewThread((args, kwargs) -> {
            ranOn.set(thread.getIdent());
            return null;
        }, PyTuple.of(), null);
        h.poll("a thread started afterwards to run", () -> ranOn.get() != 0);
        assertNotEquals(thread.getIdent(), ranOn.get());
    }

    /** threading.current_thread() inside such a thread is a dummy Thread object: alive, daemonic, same ident. */
    @Test
    @Checks("_thread.start_new_thread/foreign-thread-gets-dummy-thread")
    void currentThreadIsDummy(Adapter adapter, ThreadModule thread, Harness h) {
        AtomicReference<PyThread> current = new AtomicReference<>();
        AtomicBoolean alive = new AtomicBoolean();
        AtomicBoolean daemon = new AtomicBoolean();
        AtomicReference<Long> ident = new AtomicReference<>();
        AtomicLong own = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        thread.startNewThread((args, kwargs) -> {
            try {
                PyThread t = adapter.module(ThreadingModule.class).currentThread();
                current.set(t);
                alive.set(t.isAlive());
                daemon.set(t.isDaemon());
                ident.set(t.ident());
                own.set(thread.getIdent());
                return null;
            } finally {
                done.set(true);
            }
        }, PyTuple.of(), null);
        h.poll("function done", done::get);
        assertNotNull(current.get());
        assertTrue(alive.get(), "a dummy Thread counts as alive");
        assertTrue(daemon.get(), "a dummy Thread counts as a daemon");
        assertEquals(own.get(), ident.get(), "its ident is the thread's get_ident()");
        assertNotEquals(adapter.module(ThreadingModule.class).mainThread().ident(), ident.get());
    }
}
