package dev.pyconc.stress.jcstress;

import dev.pyconc.spi.threading.ThreadingModule;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.stress.StressAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress tests of {@code threading.Semaphore} and {@code threading.BoundedSemaphore}
 * (https://docs.python.org/3/library/threading.html#semaphore-objects), through the adapter of this JVM.
 */
public final class SemaphoreStress {
    private SemaphoreStress() {}

    /**
     * Semaphore(1): two threads each take the permit, count themselves in a shared "inside" counter (r2, r3:
     * the count each saw on entering), increment a plain counter (r1) and give the permit back; the arbiter
     * then counts the permits left with acquire(blocking=False), at most twice (r4).
     */
    @JCStressTest
    @Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "one holder at a time: each found nobody inside, both increments kept, the single permit back")
    @Outcome(id = {"2, 1, 1, 2", "2, 1, 2, 2", "2, 2, 1, 2", "1, 1, 1, 2"}, expect = FORBIDDEN, desc = "two threads held the single permit at once: both took it and both gave one back (2 permits left of 1)")
    @Outcome(expect = FORBIDDEN, desc = "two threads held the single permit at once (a 2 in r2/r3, or a lost update in r1), or the permit was lost")
    @State
    public static class MutualExclusion {
        final Semaphore sem = StressAdapter.get().module(ThreadingModule.class).semaphore(1);
        final AtomicInteger inside = new AtomicInteger();
        int v;

        private int critical() {
            sem.acquire();
            try {
                int n = inside.incrementAndGet();
                v++;
                inside.decrementAndGet();
                return n;
            } finally {
                sem.release();
            }
        }

        @Actor
        public void actor1(IIII_Result r) {
            r.r2 = critical();
        }

        @Actor
        public void actor2(IIII_Result r) {
            r.r3 = critical();
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r1 = v;
            int left = 0;
            while (left < 2 && sem.acquire(false)) {
                left++;
            }
            r.r4 = left;
        }
    }

    /**
     * Semaphore(0): actor1 calls release(2); actor2 calls acquire(timeout=5) then acquire(blocking=False).
     * release(2) adds two permits at once, so both acquisitions succeed.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "release(2) made two permits: the blocking and the non-blocking acquire both got one")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "release(2) made fewer than two permits")
    @Outcome(expect = FORBIDDEN, desc = "the blocking acquire timed out (5 s) although release(2) was called")
    @State
    public static class ReleaseN {
        final Semaphore sem = StressAdapter.get().module(ThreadingModule.class).semaphore(0);

        @Actor
        public void actor1() {
            sem.release(2);
        }

        @Actor
        public void actor2(II_Result r) {
            r.r1 = sem.acquire(true, 5.0) ? 1 : 0;
            r.r2 = sem.acquire(false) ? 1 : 0;
        }
    }

    /**
     * BoundedSemaphore(2) with one permit taken: two threads release concurrently. One release is fine, the
     * other would exceed the initial value and must raise ValueError; exactly one of them does.
     */
    @JCStressTest
    @Outcome(id = {"1, 0", "0, 1"}, expect = ACCEPTABLE, desc = "exactly one release succeeded and the over-release raised ValueError")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "both releases succeeded: the semaphore went above its initial value unnoticed")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both releases raised although one permit was taken")
    @State
    public static class BoundedOverRelease {
        final BoundedSemaphore sem = StressAdapter.get().module(ThreadingModule.class).boundedSemaphore(2);

        public BoundedOverRelease() {
            sem.acquire();
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = release();
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = release();
        }

        private int release() {
            try {
                sem.release();
                return 1;
            } catch (ValueError raised) {
                return 0;
            }
        }
    }
}
