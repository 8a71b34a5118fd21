package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code threading.excepthook} and {@code threading.__excepthook__}. Each case installs its own hook
 * and restores the previous one in {@code finally}; hooks record only calls about the case's own threads.
 */
@PyCase
class ExcepthookCases {

    /** Records the hook calls it receives. */
    private static final class Recorder implements ExceptHook {
        final List<ExceptHookArgs> calls = new CopyOnWriteArrayList<>();

        @Override
        public void call(ExceptHookArgs args) {
            calls.add(args);
        }

        Optional<ExceptHookArgs> about(PyThread t) {
            return calls.stream().filter(a -> a.thread() == t).findFirst();
        }
    }

    private static PyCallable raising(java.util.function.Supplier<RuntimeException> error) {
        return (args, kwargs) -> {
            throw error.get();
        };
    }

    private static PyThread runToEnd(ThreadingModule threading, PyCallable target) {
        PyThread t = threading.thread(ThreadOptions.of(target));
        t.start();
        t.join(Timing.LONG);
        return t;
    }

    /** An exception escaping run() reaches the installed hook with its type, value and the raising thread. */
    @Test
    @Checks({"threading.excepthook/custom-hook-gets-uncaught-exception", "threading.excepthook/args-thread-is-raising-thread"})
    void hookReceivesException(ThreadingModule threading, Harness h) {
        ExceptHook previous = threading.getExcepthook();
        Recorder hook = new Recorder();
        threading.setExcepthook(hook);
        try {
            PyThread t = runToEnd(threading, raising(() -> new ValueError("boom")));
            assertFalse(t.isAlive());
            h.poll("excepthook called for " + t.getName(), () -> hook.about(t).isPresent());
            ExceptHookArgs args = hook.about(t).orElseThrow();
            assertEquals("builtins.ValueError", args.excType());
            assertInstanceOf(ValueError.class, args.excValue());
            assertEquals("boom", args.excValue().getMessage());
            assertSame(t, args.thread());
        } finally {
            threading.setExcepthook(previous);
        }
    }

    /** SystemExit escaping run() is passed to a replaced hook as well. */
    @Test
    @Checks("threading.excepthook/systemexit-reaches-custom-hook")
    void systemExitReachesCustomHook(ThreadingModule threading, Harness h) {
        ExceptHook previous = threading.getExcepthook();
        Recorder hook = new Recorder();
        threading.setExcepthook(hook);
        try {
            PyThread t = runToEnd(threading, raising(() -> new SystemExit("3")));
            assertFalse(t.isAlive());
            h.poll("excepthook called for " + t.getName(), () -> hook.about(t).isPresent());
            ExceptHookArgs args = hook.about(t).orElseThrow();
            assertEquals("builtins.SystemExit", args.excType());
            assertInstanceOf(SystemExit.class, args.excValue());
        } finally {
            threading.setExcepthook(previous);
        }
    }

    /**
     * A thread that returns normally does not call the hook: checked once a later, raising thread's call has
     * arrived.
     */
    @Test
    @Checks("threading.excepthook/not-called-on-normal-return")
    void notCalledOnNormalReturn(ThreadingModule threading, Harness h) {
        ExceptHook previous = threading.getExcepthook();
        Recorder hook = new Recorder();
        threading.setExcepthook(hook);
        try {
            PyThread quiet = runToEnd(threading, PyCallable.of(() -> {}));
            assertFalse(quiet.isAlive());
            PyThread loud = runToEnd(threading, raising(() -> new ValueError("marker")));
            h.poll("excepthook called for " + loud.getName(), () -> hook.about(loud).isPresent());
            assertTrue(hook.about(quiet).isEmpty(), "excepthook called for a thread that returned normally");
        } finally {
            threading.setExcepthook(previous);
        }
    }

    /** A thread whose run() raised is no longer alive, and join() returns without raising, repeatedly. */
    @Test
    @Checks({"threading.Thread.is_alive/false-after-run-raises", "threading.Thread.join/returns-after-run-raises"})
    void raisingThreadEnds(ThreadingModule threading, Harness h) {
        ExceptHook previous = threading.getExcepthook();
        Recorder hook = new Recorder();
        threading.setExcepthook(hook);
        try {
            PyThread t = threading.thread(ThreadOptions.of(raising(() -> new ValueError("ends the thread"))));
            t.start();
            t.join();
            assertFalse(t.isAlive());
            t.join(Timing.SHORT);
            t.join();
            assertFalse(t.isAlive());
            h.poll("excepthook called for " + t.getName(), () -> hook.about(t).isPresent());
        } finally {
            threading.setExcepthook(previous);
        }
    }

    /**
     * __excepthook__ is not replaced along with excepthook; assigning it back makes it current again and a
     * formerly installed hook is no longer called.
     */
    @Test
    @Checks("threading.__excepthook__/holds-original-hook")
    void dunderExcepthookRestores(ThreadingModule threading, Harness h) {
        ExceptHook previous = threading.getExcepthook();
        ExceptHook original = threading.defaultExcepthook();
        Recorder custom = new Recorder();
        threading.setExcepthook(custom);
        try {
            assertNotSame(custom, threading.defaultExcepthook(), "__excepthook__ followed the replacement");
            assertSame(original, threading.defaultExcepthook());
            PyThread first = runToEnd(threading, raising(() -> new SystemExit("first")));
            h.poll("custom hook called for " + first.getName(), () -> custom.about(first).isPresent());

            threading.setExcepthook(threading.defaultExcepthook());
            assertSame(original, threading.getExcepthook());
            // SystemExit: the original hook handles it silently.
            PyThread second = runToEnd(threading, raising(() -> new SystemExit("second")));
            assertFalse(second.isAlive());
            assertTrue(custom.about(second).isEmpty(), "replaced hook still called after restoring __excepthook__");
        } finally {
            threading.setExcepthook(previous);
        }
    }

    /**
     * Starts a thread whose target throws {@code exc} and joins it, with the default excepthook installed and
     * sys.stderr captured; returns what was written there.
     */
    private static String stderrOfDefaultHook(Adapter adapter, ThreadingModule threading, RuntimeException exc) {
        ExceptHook previous = threading.getExcepthook();
        threading.setExcepthook(threading.defaultExcepthook());
        try {
            PyThread t = threading.thread(ThreadOptions.of((args, kwargs) -> {
                throw exc;
            }).withName("pyconc-raiser"));
            String out = adapter.sys().captureStderr(() -> {
                t.start();
                t.join(Timing.LONG);
            });
            assertFalse(t.isAlive(), "the thread did not end");
            return out;
        } finally {
            threading.setExcepthook(previous);
        }
    }

    /** The default hook reports an exception escaping run() on sys.stderr, naming its type and message. */
    @Test
    @Checks("threading.excepthook/default-prints-to-stderr")
    void defaultHookPrintsToStderr(Adapter adapter, ThreadingModule threading) {
        String out = stderrOfDefaultHook(adapter, threading, new ValueError("pyconc-marker-4711"));
        assertTrue(out.contains("ValueError") && out.contains("pyconc-marker-4711"),
                "sys.stderr got: " + out);
    }

    /** The default hook writes nothing at all for a SystemExit escaping run(). */
    @Test
    @Checks("threading.excepthook/default-ignores-systemexit")
    void defaultHookIgnoresSystemExit(Adapter adapter, ThreadingModule threading) {
        String out = stderrOfDefaultHook(adapter, threading, new SystemExit("pyconc-marker-4712"));
        assertEquals("", out, "sys.stderr got output for SystemExit");
    }

    /**
     * An exception raised by threading.excepthook itself goes to sys.excepthook, whose default prints it on
     * sys.stderr.
     */
    @Test
    @Checks("threading.excepthook/hook-error-goes-to-sys-excepthook")
    void hookErrorGoesToSysExcepthook(Adapter adapter, ThreadingModule threading) {
        ExceptHook previous = threading.getExcepthook();
        threading.setExcepthook(args -> {
            throw new ValueError("pyconc-marker-4713");
        });
        try {
            PyThread t = threading.thread(ThreadOptions.of((args, kwargs) -> {
                throw new ValueError("pyconc-thread-failure");
            }));
            String out = adapter.sys().captureStderr(() -> {
                t.start();
                t.join(Timing.LONG);
            });
            assertFalse(t.isAlive(), "the thread did not end");
            assertTrue(out.contains("ValueError") && out.contains("pyconc-marker-4713"),
                    "sys.stderr got: " + out);
        } finally {
            threading.setExcepthook(previous);
        }
    }
}
