package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.ThreadCases.Probe;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadingModule;
import dev.pyconc.spi.threading.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.Timer}. */
@PyCase
class TimerCases {

    /** A started Timer calls its function once, and not before its interval has passed. */
    @Test
    @Checks("threading.Timer/calls-after-interval")
    void callsAfterInterval(ThreadingModule threading, Harness h) throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong calledAt = new AtomicLong();
        CountDownLatch called = new CountDownLatch(1);
        Timer timer = threading.timer(Timing.SHORT, (args, kwargs) -> {
            calledAt.set(h.now());
            calls.incrementAndGet();
            called.countDown();
            return null;
        });
        long t0 = h.now();
        timer.start();
        Probe.await(called, "the timer's function");
        timer.join(Timing.LONG);
        assertFalse(timer.isAlive());
        h.assertTimedOut((calledAt.get() - t0) / 1e9, Timing.SHORT);
        assertEquals(1, calls.get());
    }

    /** The function gets the Timer's args and kwargs. */
    @Test
    @Checks("threading.Timer/passes-args-and-kwargs")
    void passesArguments(ThreadingModule threading) {
        AtomicReference<List<Object>> args = new AtomicReference<>();
        AtomicReference<Map<String, Object>> kwargs = new AtomicReference<>();
        Timer timer = threading.timer(0.0, (a, k) -> {
            args.set(a);
            kwargs.set(k);
            return null;
        }, List.of(1L, "a", List.of(2L)), Map.of("k", 2L, "s", "v"));
        timer.start();
        timer.join(Timing.LONG);
        assertFalse(timer.isAlive());
        assertEquals(List.of(1L, "a", List.of(2L)), args.get());
        assertEquals(Map.of("k", 2L, "s", "v"), kwargs.get());
    }

    /** With args and kwargs None the function is called without arguments. */
    @Test
    @Checks("threading.Timer/none-args-mean-empty")
    void noneArgumentsMeanEmpty(ThreadingModule threading) {
        for (boolean explicitNone : new boolean[] {true, false}) {
            AtomicReference<List<Object>> args = new AtomicReference<>();
            AtomicReference<Map<String, Object>> kwargs = new AtomicReference<>();
            dev.pyconc.spi.PyCallable f = (a, k) -> {
                args.set(a);
                kwargs.set(k);
                return null;
            };
            Timer timer = explicitNone ? threading.timer(0.0, f, null, null) : threading.timer(0.0, f);
            timer.start();
            timer.join(Timing.LONG);
            assertFalse(timer.isAlive());
            assertEquals(List.of(), args.get());
            assertEquals(Map.of(), kwargs.get());
        }
    }

    /** The function runs in the Timer's own thread, and a Timer, being a Thread, cannot be started twice. */
    @Test
    @Checks("threading.Timer/runs-in-own-thread")
    void runsInOwnThread(ThreadingModule threading) {
        Probe probe = new Probe();
        AtomicReference<PyThread> current = new AtomicReference<>();
        AtomicReference<Long> ident = new AtomicReference<>();
        Timer timer = threading.timer(0.0, probe.run(() -> {
            current.set(threading.currentThread());
            ident.set(threading.getIdent());
        }));
        timer.start();
        timer.join(Timing.LONG);
        assertFalse(timer.isAlive());
        probe.check();
        assertSame(timer, current.get());
        assertEquals(timer.ident(), ident.get());
        assertNotEquals(threading.getIdent(), ident.get());
    }

    /** cancel() while the Timer waits ends its thread at once, and the function is never called. */
    @Test
    @Checks("threading.Timer.cancel/while-waiting-prevents-call")
    void cancelWhileWaiting(ThreadingModule threading, Harness h) {
        AtomicInteger calls = new AtomicInteger();
        // An interval no correct run reaches: only a cancel that works lets the thread end in time.
        Timer timer = threading.timer(Timing.CASE, (a, k) -> {
            calls.incrementAndGet();
            return null;
        });
        timer.start();
        timer.cancel();
        double elapsed = h.time(() -> timer.join(Timing.LONG));
        assertFalse(timer.isAlive(), "cancelled timer still waiting");
        h.assertPrompt(elapsed);
        assertEquals(0, calls.get());
        timer.cancel();
    }

    /** cancel() once the function has begun does not interrupt it or raise; a later cancel() is harmless too. */
    @Test
    @Checks("threading.Timer.cancel/no-effect-once-action-started")
    void cancelAfterStartOfAction(ThreadingModule threading) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean completed = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        Timer timer = threading.timer(0.0, probe.run(() -> {
            calls.incrementAndGet();
            begun.countDown();
            Probe.await(release, "release");
            completed.set(true);
        }));
        timer.start();
        try {
            Probe.await(begun, "the timer's function to begin");
            timer.cancel();
        } finally {
            release.countDown();
        }
        timer.join(Timing.LONG);
        assertFalse(timer.isAlive());
        probe.check();
        assertTrue(completed.get(), "the function did not complete after cancel()");
        timer.cancel();
        assertEquals(1, calls.get());
    }
}
