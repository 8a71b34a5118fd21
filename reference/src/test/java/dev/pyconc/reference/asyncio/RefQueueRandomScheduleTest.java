package dev.pyconc.reference.asyncio;

import static dev.pyconc.reference.asyncio.PrimTesting.run;
import static dev.pyconc.reference.asyncio.PrimTesting.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.QueueFull;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded random schedule of puts, gets, their nowait forms, cancellations and loop steps on a FIFO
 * {@link RefQueue}, checked against the simplest model: the items got, in order, then those left, are exactly the
 * items put, in order (nothing lost, nothing duplicated, a cancelled put adds nothing, a cancelled get takes
 * nothing); {@code qsize()} always equals puts minus gets; and once the loop is quiet, no getter waits while an
 * item is there and no putter waits while there is room (every wake-up was handed on). The seeds are fixed (printed
 * with each run); a failure names its seed and operation.
 */
class RefQueueRandomScheduleTest {
    /**
     * The operations: 0 spawn a putter, 1 spawn a getter, 2 cancel a live task (then, half the time, as 6),
     * 3 put_nowait, 4 get_nowait, 5 one loop step, 6 quiet the loop and check the hand-over. A seed either favours
     * getters (so that getters wait on an empty queue) or putters on a bounded queue (so that putters wait on a
     * full one); cancels and nowait calls come often, so that a waiter is often cancelled after it was woken and
     * before it ran.
     */
    private static final int[] GETTER_HEAVY = {0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6};

    private static final int[] PUTTER_HEAVY = {0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 32).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomScheduleKeepsTheModel(long seed) {
        System.out.println("RefQueueRandomScheduleTest seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        run(co -> {
            boolean putterHeavy = rnd.nextBoolean();
            int[] ops = putterHeavy ? PUTTER_HEAVY : GETTER_HEAVY;
            int maxsize = putterHeavy ? 1 + rnd.nextInt(3) : rnd.nextInt(3); // 0: unbounded
            RefQueue q = new RefQueue(maxsize);
            List<Object> putOrder = new ArrayList<>();
            List<Object> gotOrder = new ArrayList<>();
            List<Task<Object>> getters = new ArrayList<>();
            List<Task<Object>> putters = new ArrayList<>();
            long next = 0;
            for (int op = 0; op < 300; op++) {
                String where = "seed " + seed + ", op " + op;
                switch (ops[rnd.nextInt(ops.length)]) {
                    case 0 -> {
                        long item = next++;
                        putters.add(co.createTask(c -> {
                            c.await(q.put(item));
                            putOrder.add(item); // no await in between: this is the enqueue order
                            return null;
                        }));
                    }
                    case 1 -> getters.add(co.createTask(c -> {
                        gotOrder.add(c.await(q.get())); // no await in between: this is the dequeue order
                        return null;
                    }));
                    case 2 -> {
                        List<Task<Object>> live = new ArrayList<>(getters);
                        live.addAll(putters);
                        live.removeIf(Task::done);
                        if (!live.isEmpty()) {
                            live.get(rnd.nextInt(live.size())).cancel();
                        }
                        if (rnd.nextBoolean()) { // check soon after a cancel, before later puts and gets mask a loss
                            steps(co, 10);
                            assertHandedOn(q, getters, putters, where);
                        }
                    }
                    case 3 -> {
                        long item = next++;
                        boolean wasFull = q.full();
                        try {
                            q.putNowait(item);
                            putOrder.add(item);
                            assertFalse(wasFull, where);
                        } catch (QueueFull e) {
                            assertTrue(wasFull, where);
                        }
                    }
                    case 4 -> {
                        boolean wasEmpty = q.empty();
                        try {
                            gotOrder.add(q.getNowait());
                            assertFalse(wasEmpty, where);
                        } catch (QueueEmpty e) {
                            assertTrue(wasEmpty, where);
                        }
                    }
                    case 5 -> co.sleep(0);
                    default -> {
                        steps(co, 10); // quiet: every hand-over has finished
                        assertHandedOn(q, getters, putters, where);
                    }
                }
                assertEquals(putOrder.size() - gotOrder.size(), q.qsize(), where);
                assertTrue(maxsize == 0 || q.qsize() <= maxsize, where);
            }
            steps(co, 10);
            assertHandedOn(q, getters, putters, "seed " + seed + ", end");
            getters.forEach(Task::cancel);
            putters.forEach(Task::cancel);
            List<Task<Object>> all = new ArrayList<>(getters);
            all.addAll(putters);
            co.gather(all, true);
            assertEquals(putOrder.size() - gotOrder.size(), q.qsize());
            while (!q.empty()) {
                gotOrder.add(q.getNowait());
            }
            assertEquals(putOrder, gotOrder, "seed " + seed + ": items got then left must be the items put");
            return null;
        });
    }

    /** Once the loop is quiet: no getter waits while an item is there, no putter while there is room. */
    private static void assertHandedOn(RefQueue q, List<Task<Object>> getters, List<Task<Object>> putters, String where) {
        boolean getterWaits = getters.stream().anyMatch(t -> !t.done());
        boolean putterWaits = putters.stream().anyMatch(t -> !t.done());
        assertFalse(getterWaits && !q.empty(), where + ": a getter waits beside an item " + q);
        assertFalse(putterWaits && !q.full(), where + ": a putter waits beside room " + q);
    }
}
