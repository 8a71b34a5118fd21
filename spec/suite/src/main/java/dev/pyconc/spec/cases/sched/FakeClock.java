package dev.pyconc.spec.cases.sched;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A simulated clock for a scheduler under test: {@link #timefunc()} reads it, {@link #delayfunc()} moves it
 * forward. Free-running, a delay moves it at once by the delay asked (or by at most {@link #maxStep}). Gated,
 * it never passes a limit the case raises with {@link #advance}: a delay beyond the limit waits (at most
 * {@link Timing#LONG}, then fails) until the case advances it, then returns at the limit even if that is
 * short of the delay asked, like an interrupted sleep.
 *
 * <p>It records every delay asked and every action run (see {@link #action}) in one {@link #log()}, in the
 * order they happened.
 */
final class FakeClock {
    private final Object monitor = new Object();
    private final boolean ints;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private double now;
    private double stop = Double.POSITIVE_INFINITY;
    private double maxStep = Double.POSITIVE_INFINITY;
    private boolean waiting;
    private int waiters;

    private FakeClock(double start, boolean ints, boolean gated) {
        this.now = start;
        this.ints = ints;
        if (gated) {
            stop = start;
        }
    }

    /** A free-running clock at {@code start}, whose timefunc returns floats. */
    static FakeClock at(double start) {
        return new FakeClock(start, false, false);
    }

    /** A free-running clock at {@code start}, whose timefunc returns ints. */
    static FakeClock ints(long start) {
        return new FakeClock(start, true, false);
    }

    /** A gated clock at {@code start} (limit {@code start}), whose timefunc returns floats. */
    static FakeClock gated(double start) {
        return new FakeClock(start, false, true);
    }

    /** Lets each delay move the clock by at most {@code step}: delayfunc then returns early for longer delays. */
    FakeClock maxStep(double step) {
        synchronized (monitor) {
            maxStep = step;
        }
        return this;
    }

    /** {@code timefunc}: the clock's time, a float (an int for {@link #ints}). */
    PyCallable timefunc() {
        return (args, kwargs) -> {
            synchronized (monitor) {
                return ints ? (Object) (long) now : (Object) now;
            }
        };
    }

    /** {@code delayfunc(d)}: records "delay d" and moves the clock forward (see the class comment). */
    PyCallable delayfunc() {
        return (args, kwargs) -> {
            if (args.size() != 1 || !(args.get(0) instanceof Number n)) {
                throw new AssertionFailedError("delayfunc called with " + args + " " + kwargs);
            }
            sleep(n.doubleValue());
            return null;
        };
    }

    private void sleep(double d) {
        log.add("delay " + d);
        if (!(d >= 0)) {
            throw new AssertionFailedError("delayfunc called with a negative delay " + d);
        }
        synchronized (monitor) {
            double target = ints ? Math.ceil(now + d) : now + d;
            long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
            while (target > now && stop <= now) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    waiting = false;
                    throw new AssertionFailedError("the case never advanced the fake clock past " + now);
                }
                waiting = true;
                waiters++;
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    waiting = false;
                    throw new AssertionFailedError("interrupted in the fake delayfunc", e);
                } finally {
                    waiters--;
                }
            }
            waiting = false;
            now = Math.min(target, Math.min(stop, now + maxStep));
        }
    }

    /** Gated: raises the limit by {@code t}; a delayfunc waiting for it moves on (and is no longer waiting). */
    void advance(double t) {
        synchronized (monitor) {
            stop += t;
            waiting = false;
            monitor.notifyAll();
        }
    }

    /** Removes the limit: every delay now returns at once (for finally blocks, so that no runner is left). */
    void open() {
        advance(Double.POSITIVE_INFINITY);
    }

    /** Sets the time directly (free-running clocks, between calls; or an action that takes long). */
    void set(double t) {
        synchronized (monitor) {
            now = t;
        }
    }

    /** The current time. */
    double now() {
        synchronized (monitor) {
            return now;
        }
    }

    /** Gated: whether a delayfunc call is waiting for the case to advance the clock, and the time is {@code t}. */
    boolean waitingAt(double t) {
        synchronized (monitor) {
            return waiting && now == t;
        }
    }

    /**
     * Gated: how many delayfunc calls are waiting for the case to advance the clock right now (a thread woken
     * by {@link #advance} leaves the count once it runs again).
     */
    int waitingCount() {
        synchronized (monitor) {
            return waiters;
        }
    }

    /** An action that records "name@time" in the log when it runs. */
    PyCallable action(String name) {
        return (args, kwargs) -> {
            log.add(name + "@" + (ints ? Long.toString((long) now()) : Double.toString(now())));
            return null;
        };
    }

    /** A copy of the log: "delay d" for each delayfunc call, "name@time" for each action run. */
    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The actions of the log only, without the delays. */
    List<String> actions() {
        return log().stream().filter(s -> !s.startsWith("delay ")).toList();
    }

    /** Forgets the log so far. */
    void clearLog() {
        log.clear();
    }
}
