package dev.pyconc.stress.jcstress;

import dev.pyconc.spi.threading.ThreadingModule;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.stress.StressAdapter;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress tests of {@code threading.Event} (https://docs.python.org/3/library/threading.html#event-objects)
 * and {@code threading.Barrier} (https://docs.python.org/3/library/threading.html#barrier-objects), through
 * the adapter of this JVM.
 */
public final class EventBarrierStress {
    private EventBarrierStress() {}

    /** actor1 writes a plain field then set(); actor2 wait(timeout=5) then reads the field. */
    @JCStressTest
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "wait() returned True and saw the write made before set()")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "wait() returned True but the write made before set() was not visible")
    @Outcome(expect = FORBIDDEN, desc = "wait() timed out (5 s) although set() was called")
    @State
    public static class EventSetVisibility {
        final Event event = StressAdapter.get().module(ThreadingModule.class).event();
        int data;

        @Actor
        public void actor1() {
            data = 42;
            event.set();
        }

        @Actor
        public void actor2(II_Result r) {
            r.r1 = event.await(5.0) ? 1 : 0;
            r.r2 = data;
        }
    }

    /**
     * The actor calls wait() with no timeout; once its thread is parked (Thread.State WAITING), the signal
     * calls set() and at once clear(). A wait that was in progress when set() ran must return, even though the
     * flag is false again by the time the woken thread runs.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter returned from wait() after set(), even though clear() followed at once")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the waiter stayed blocked: a set() made while it waited was missed because clear() followed")
    @State
    public static class EventSetClearNoStuckWaiter {
        final Event event = StressAdapter.get().module(ThreadingModule.class).event();
        volatile Thread waiter;

        @Actor
        public void actor() {
            waiter = Thread.currentThread();
            event.await();
        }

        @Signal
        public void signal() {
            Thread t;
            while ((t = waiter) == null || t.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
            event.set();
            event.clear();
        }
    }

    /** Barrier(2): each party writes its own plain field, waits (timeout 5 s), then reads the other's. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "each party saw the other's write made before wait()")
    @Outcome(id = {"0, 1", "1, 0", "0, 0"}, expect = FORBIDDEN, desc = "a party passed the barrier without seeing the other's pre-wait write")
    @Outcome(expect = FORBIDDEN, desc = "wait() raised BrokenBarrierError (-1): the barrier broke or timed out (5 s) with both parties arriving")
    @State
    public static class BarrierVisibility {
        final Barrier barrier = StressAdapter.get().module(ThreadingModule.class).barrier(2);
        int x1;
        int x2;

        @Actor
        public void party1(II_Result r) {
            x1 = 1;
            r.r1 = pass() ? x2 : -1;
        }

        @Actor
        public void party2(II_Result r) {
            x2 = 1;
            r.r2 = pass() ? x1 : -1;
        }

        private boolean pass() {
            try {
                barrier.await(5.0);
                return true;
            } catch (BrokenBarrierError broken) {
                return false;
            }
        }
    }

    /**
     * Barrier(2): the actor waits with no timeout as the only party; the signal calls abort(). The waiter must
     * raise BrokenBarrierError (or, if abort() ran first, raise at once).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "abort() broke the barrier and the waiter left wait() with BrokenBarrierError")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "abort() did not wake the waiting party: it stayed blocked")
    @State
    public static class BarrierAbortBreaksWaiters {
        final Barrier barrier = StressAdapter.get().module(ThreadingModule.class).barrier(2);

        @Actor
        public void actor() {
            try {
                barrier.await();
            } catch (BrokenBarrierError expected) {
                // the only way out with one party of two: abort() broke it
            }
        }

        @Signal
        public void signal() {
            barrier.abort();
        }
    }
}
