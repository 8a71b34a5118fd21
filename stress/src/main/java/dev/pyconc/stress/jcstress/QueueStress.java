package dev.pyconc.stress.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.stress.StressAdapter;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * jcstress tests of the {@code queue} module's classes (https://docs.python.org/3/library/queue.html),
 * through the adapter of this JVM.
 *
 * <p>The put/get tests: each of two threads puts its own item (1 or 2) and then takes one with
 * get_nowait(); the arbiter records how many items are left. Every thread put before it took, so the queue
 * is never empty at a get: the two gets return the two items, once each, and nothing is left. A get that
 * finds the queue empty is recorded as -1.
 */
public final class QueueStress {
    private QueueStress() {}

    private static QueueModule q() {
        return StressAdapter.get().module(QueueModule.class);
    }

    private static int take(Queue q) {
        try {
            return (Integer) q.getNowait();
        } catch (Empty e) {
            return -1;
        }
    }

    private static int take(SimpleQueue q) {
        try {
            return (Integer) q.getNowait();
        } catch (Empty e) {
            return -1;
        }
    }

    /** Put/get on Queue(): see the class comment. */
    @JCStressTest
    @Outcome(id = {"1, 2, 0", "2, 1, 0"}, expect = ACCEPTABLE, desc = "each item taken exactly once, queue empty after (r1, r2: items taken; r3: qsize)")
    @Outcome(expect = FORBIDDEN, desc = "an item was lost (-1: get_nowait found the queue empty) or handed out twice, or left over")
    @State
    public static class QueuePutGet {
        final Queue q = q().queue();

        @Actor public void actor1(III_Result r) { q.put(1); r.r1 = take(q); }
        @Actor public void actor2(III_Result r) { q.put(2); r.r2 = take(q); }
        @Arbiter public void arbiter(III_Result r) { r.r3 = (int) q.qsize(); }
    }

    /** Put/get on LifoQueue(): see the class comment. */
    @JCStressTest
    @Outcome(id = {"1, 2, 0", "2, 1, 0"}, expect = ACCEPTABLE, desc = "each item taken exactly once, queue empty after (r1, r2: items taken; r3: qsize)")
    @Outcome(expect = FORBIDDEN, desc = "an item was lost (-1: get_nowait found the queue empty) or handed out twice, or left over")
    @State
    public static class LifoQueuePutGet {
        final Queue q = q().lifoQueue();

        @Actor public void actor1(III_Result r) { q.put(1); r.r1 = take(q); }
        @Actor public void actor2(III_Result r) { q.put(2); r.r2 = take(q); }
        @Arbiter public void arbiter(III_Result r) { r.r3 = (int) q.qsize(); }
    }

    /** Put/get on PriorityQueue(): see the class comment. */
    @JCStressTest
    @Outcome(id = {"1, 2, 0", "2, 1, 0"}, expect = ACCEPTABLE, desc = "each item taken exactly once, queue empty after (r1, r2: items taken; r3: qsize)")
    @Outcome(expect = FORBIDDEN, desc = "an item was lost (-1: get_nowait found the queue empty) or handed out twice, or left over")
    @State
    public static class PriorityQueuePutGet {
        final Queue q = q().priorityQueue();

        @Actor public void actor1(III_Result r) { q.put(1); r.r1 = take(q); }
        @Actor public void actor2(III_Result r) { q.put(2); r.r2 = take(q); }
        @Arbiter public void arbiter(III_Result r) { r.r3 = (int) q.qsize(); }
    }

    /** Put/get on SimpleQueue(): see the class comment. */
    @JCStressTest
    @Outcome(id = {"1, 2, 0", "2, 1, 0"}, expect = ACCEPTABLE, desc = "each item taken exactly once, queue empty after (r1, r2: items taken; r3: qsize)")
    @Outcome(expect = FORBIDDEN, desc = "an item was lost (-1: get_nowait found the queue empty) or handed out twice, or left over")
    @State
    public static class SimpleQueuePutGet {
        final SimpleQueue q = q().simpleQueue();

        @Actor public void actor1(III_Result r) { q.put(1); r.r1 = take(q); }
        @Actor public void actor2(III_Result r) { q.put(2); r.r2 = take(q); }
        @Arbiter public void arbiter(III_Result r) { r.r3 = (int) q.qsize(); }
    }

    /** Queue(maxsize=1) holding one item: the actor's put() blocks; the signal's get() must let it through. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the put blocked on the full queue returned after get() made room")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the put stayed blocked although get() made room")
    @State
    public static class BlockedPutWakesOnGet {
        final Queue q = q().queue(1);

        public BlockedPutWakesOnGet() {
            q.put(0);
        }

        @Actor
        public void actor() {
            q.put(1);
        }

        @Signal
        public void signal() {
            q.get();
        }
    }

    /**
     * Queue() holding one unfinished task: actor1 gets it, writes a plain "processed" field and calls
     * task_done(); actor2 calls join() and then reads the field.
     */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "join() returned only after task_done(), and saw the work done before it")
    @Outcome(id = "0", expect = FORBIDDEN, desc = "join() returned before task_done() (or the work done before task_done() was not visible)")
    @State
    public static class JoinAfterTaskDone {
        final Queue q = q().queue();
        int processed;

        public JoinAfterTaskDone() {
            q.put(7);
        }

        @Actor
        public void worker() {
            q.get();
            processed = 1;
            q.taskDone();
        }

        @Actor
        public void joiner(I_Result r) {
            q.join();
            r.r1 = processed;
        }
    }
}
