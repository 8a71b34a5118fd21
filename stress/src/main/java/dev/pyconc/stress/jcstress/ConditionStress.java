package dev.pyconc.stress.jcstress;

import dev.pyconc.spi.threading.ThreadingModule;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.pyconc.spi.threading.Condition;
import dev.pyconc.stress.StressAdapter;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress tests of {@code threading.Condition}
 * (https://docs.python.org/3/library/threading.html#condition-objects), through the adapter of this JVM.
 */
public final class ConditionStress {
    private ConditionStress() {}

    /**
     * The actor waits ({@code with cond: while not ready: cond.wait()}); the signal sets {@code ready} and
     * calls notify() under the lock (giving up if it cannot get the lock within 5 s). The waiter must
     * terminate whichever runs first.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the notify (or the predicate already true) and returned")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wakeup: the waiter stayed blocked although ready was set and notify() called (or the notifier could not get the lock within 5 s)")
    @State
    public static class NoLostWakeup {
        final Condition cond = StressAdapter.get().module(ThreadingModule.class).condition();
        boolean ready;

        @Actor
        public void actor() {
            cond.acquire();
            try {
                while (!ready) {
                    cond.await();
                }
            } finally {
                cond.release();
            }
        }

        @Signal
        public void signal() {
            if (!cond.acquire(true, 5.0)) {
                return; // the waiter kept the lock for 5 s: it will be reported STALE
            }
            try {
                ready = true;
                cond.signal();
            } finally {
                cond.release();
            }
        }
    }

    /**
     * actor1 writes {@code data} without the lock, then sets {@code ready} and notify_all() under it; actor2
     * runs {@code cond.wait_for(lambda: ready, timeout=5)} and then reads {@code data}.
     */
    @JCStressTest
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "wait_for returned True and saw the data written before the notify")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "wait_for returned True but the write made before notify_all was not visible")
    @Outcome(expect = FORBIDDEN, desc = "wait_for timed out (5 s) although the predicate was made true and notified")
    @State
    public static class WaitForSeesState {
        final Condition cond = StressAdapter.get().module(ThreadingModule.class).condition();
        int data;
        boolean ready;

        @Actor
        public void actor1() {
            data = 42;
            cond.acquire();
            try {
                ready = true;
                cond.signalAll();
            } finally {
                cond.release();
            }
        }

        @Actor
        public void actor2(II_Result r) {
            cond.acquire();
            try {
                Object ok = cond.waitFor(() -> ready, 5.0);
                r.r1 = Boolean.TRUE.equals(ok) ? 1 : 0;
            } finally {
                cond.release();
            }
            r.r2 = data;
        }
    }
}
