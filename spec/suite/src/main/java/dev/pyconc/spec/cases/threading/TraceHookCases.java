package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.ThreadCases.Probe;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code threading.settrace}, {@code gettrace}, {@code setprofile} and {@code getprofile}: the
 * hooks are Java functions, called by the implementation as Python calls trace and profile functions.
 */
@PyCase
class TraceHookCases {

    /** One call of a hook: the calling thread's ident, the event, and whether the thread's target had run. */
    record Call(long ident, String event, boolean targetHadRun) {}

    /**
     * Installs a recording hook with {@code set}, starts a thread, removes the hook, and returns the calls the
     * hook got from that thread; checks that the thread ran its target.
     */
    private static List<Call> callsFromNewThread(ThreadingModule threading, Consumer<PyCallable> set) {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean targetRan = new AtomicBoolean();
        PyCallable hook = (args, kwargs) -> {
            calls.add(new Call(threading.getIdent(), String.valueOf(args.get(1)), targetRan.get()));
            return null; // no local trace function: the frame's own lines are not traced
        };
        Probe probe = new Probe();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> targetRan.set(true))));
        set.accept(hook);
        try {
            t.start();
            t.join(Timing.LONG);
        } finally {
            set.accept(null);
        }
        assertFalse(t.isAlive(), "the thread did not end");
        probe.check();
        assertTrue(targetRan.get());
        long ident = t.ident();
        return calls.stream().filter(c -> c.ident() == ident).toList();
    }

    /** A trace function set with settrace is called in a thread started afterwards, with "call", before its target runs. */
    @Test
    @Checks("threading.settrace/applies-to-new-threads")
    void settraceReachesNewThread(ThreadingModule threading) {
        List<Call> calls = callsFromNewThread(threading, threading::settrace);
        assertFalse(calls.isEmpty(), "the trace function was never called in the new thread");
        assertEquals("call", calls.get(0).event(), "first trace event in the new thread: " + calls);
        assertFalse(calls.get(0).targetHadRun(), "the first trace event came after the target ran: " + calls);
    }

    /** A profile function set with setprofile is called in a thread started afterwards, with "call" among the events before its target runs. */
    @Test
    @Checks("threading.setprofile/applies-to-new-threads")
    void setprofileReachesNewThread(ThreadingModule threading) {
        List<Call> calls = callsFromNewThread(threading, threading::setprofile);
        assertTrue(calls.stream().anyMatch(c -> c.event().equals("call") && !c.targetHadRun()),
                "no profile \"call\" event in the new thread before its target ran: " + calls);
    }

    /** gettrace() gives back the very function settrace installed, and None once settrace(None) removed it. */
    @Test
    @Checks("threading.gettrace/returns-settrace-function")
    void gettraceRoundTrip(ThreadingModule threading) {
        roundTrip(threading::settrace, threading::gettrace);
    }

    /** getprofile() gives back the very function setprofile installed, and None once setprofile(None) removed it. */
    @Test
    @Checks("threading.getprofile/returns-setprofile-function")
    void getprofileRoundTrip(ThreadingModule threading) {
        roundTrip(threading::setprofile, threading::getprofile);
    }

    private static void roundTrip(Consumer<PyCallable> set, Supplier<PyCallable> get) {
        PyCallable first = (args, kwargs) -> null;
        PyCallable second = (args, kwargs) -> null;
        try {
            set.accept(first);
            assertSame(first, get.get());
            set.accept(second);
            assertSame(second, get.get(), "after a second set");
        } finally {
            set.accept(null);
        }
        assertNull(get.get(), "after set(None)");
    }
}
