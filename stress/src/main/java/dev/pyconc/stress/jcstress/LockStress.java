package dev.pyconc.stress.jcstress;

import dev.pyconc.spi.threading.ThreadingModule;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.RLock;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * jcstress tests of {@code threading.Lock} and {@code threading.RLock}
 * (https://docs.python.org/3/library/threading.html#lock-objects), through the adapter of this JVM.
 */
public final class LockStress {
    private LockStress() {}

    /**
     * Two threads each take the Lock, count themselves in a shared "inside" counter (r2, r3: the count each
     * saw on entering), increment a plain counter (r1) and leave. With mutual exclusion each sees 1 and no
     * increment is lost.
     */
    @JCStressTest
    @Outcome(id = "2, 1, 1", expect = ACCEPTABLE, desc = "one holder at a time: each found nobody else inside, both increments kept")
    @Outcome(id = "1, 1, 1", expect = FORBIDDEN, desc = "lost update: both threads held the Lock at the same time")
    @Outcome(expect = FORBIDDEN, desc = "both threads held the Lock at the same time: one found the other inside (a 2 in r2/r3)")
    @State
    public static class MutualExclusion {
        final Lock lock = StressAdapter.get().module(ThreadingModule.class).lock();
        final AtomicInteger inside = new AtomicInteger();
        int v;

        private int critical() {
            lock.acquire();
            try {
                int n = inside.incrementAndGet();
                v++;
                inside.decrementAndGet();
                return n;
            } finally {
                lock.release();
            }
        }

        @Actor
        public void actor1(III_Result r) {
            r.r2 = critical();
        }

        @Actor
        public void actor2(III_Result r) {
            r.r3 = critical();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = v;
        }
    }

    /**
     * The actor acquires the Lock and then acquires it again, which blocks (a Lock is not reentrant); the
     * signal waits until the Lock is locked and releases it from its own thread. A Lock has no owner, so that
     * release must let the actor's second acquire() through.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the release by another thread let the blocked acquire() through")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "acquire() stayed blocked: the release by a non-acquiring thread did not free the Lock")
    @State
    public static class ReleasedByOtherThread {
        final Lock lock = StressAdapter.get().module(ThreadingModule.class).lock();

        @Actor
        public void actor() {
            lock.acquire();
            lock.acquire();
        }

        @Signal
        public void signal() {
            while (!lock.locked()) {
                Thread.yield();
            }
            try {
                lock.release();
            } catch (RuntimeException refused) {
                // a lock that refuses a non-owner's release stays held: the actor stays blocked (STALE)
            }
        }
    }

    /**
     * Two threads each take the RLock, count themselves in a shared "inside" counter (r2, r3: the count each
     * saw on entering), increment a plain counter (r1) and leave. With mutual exclusion each sees 1 and no
     * increment is lost.
     */
    @JCStressTest
    @Outcome(id = "2, 1, 1", expect = ACCEPTABLE, desc = "one holder at a time: each found nobody else inside, both increments kept")
    @Outcome(id = "1, 1, 1", expect = FORBIDDEN, desc = "lost update: both threads held the RLock at the same time")
    @Outcome(expect = FORBIDDEN, desc = "both threads held the RLock at the same time: one found the other inside (a 2 in r2/r3)")
    @State
    public static class RLockMutualExclusion {
        final RLock lock = StressAdapter.get().module(ThreadingModule.class).rlock();
        final AtomicInteger inside = new AtomicInteger();
        int v;

        private int critical() {
            lock.acquire();
            try {
                int n = inside.incrementAndGet();
                v++;
                inside.decrementAndGet();
                return n;
            } finally {
                lock.release();
            }
        }

        @Actor
        public void actor1(III_Result r) {
            r.r2 = critical();
        }

        @Actor
        public void actor2(III_Result r) {
            r.r3 = critical();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = v;
        }
    }

    /**
     * actor1 acquires the RLock twice, reads the counter, releases once (still holding it at depth 1), then
     * writes the incremented value and releases again; actor2 increments under the RLock. The inner release
     * must not let actor2 in.
     */
    @JCStressTest
    @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "both increments kept; actor1 still held the RLock after its inner release")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "lost update: actor2 got in between actor1's inner and outer release")
    @Outcome(id = {"1, 2", "2, 2"}, expect = FORBIDDEN, desc = "actor1's outer release raised RuntimeError: its inner release had already given the RLock up")
    @Outcome(expect = FORBIDDEN, desc = "actor1's recursive acquire(blocking=False) failed (r2 = 0)")
    @State
    public static class RecursionUnderContention {
        final RLock lock = StressAdapter.get().module(ThreadingModule.class).rlock();
        int v;

        @Actor
        public void actor1(II_Result r) {
            lock.acquire();
            boolean again = lock.acquire(false);
            int t = v;
            if (again) {
                lock.release();
            }
            v = t + 1;
            int outcome = again ? 1 : 0;
            try {
                lock.release();
            } catch (RuntimeException notOwned) {
                outcome = 2;
            }
            r.r2 = outcome;
        }

        @Actor
        public void actor2() {
            lock.acquire();
            try {
                v++;
            } finally {
                lock.release();
            }
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = v;
        }
    }
}
