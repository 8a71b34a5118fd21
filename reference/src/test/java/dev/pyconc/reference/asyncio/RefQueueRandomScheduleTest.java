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
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded random schedule of puts, gets, their nowait forms, cancellations and loop steps on a FIFO
 * {@link RefQueue}, checked against the simplest model: the items got, in order, then those left, are exactly the
 * items put, in order (nothing lost, nothing duplicated, a cancelled put adds nothing, a cancelled get takes
 * nothing); {@code qsize()} always equals puts minus gets; and once the loop is quiet, no getter waits while an
 * item is there and no putter waits while there is room (every wake-up was handed on). Replay one seed with
 * {@code -Dtest='RefQueueRandomScheduleTest'} and the printed seed.
 */
class RefQueueRandomScheduleTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomScheduleKeepsTheModel(long seed) {
        System.out.println("RefQueueRandomScheduleTest seed=" + seed);
        Random rnd = new Random(seed);
        run(co -> {
            int maxsize = rnd.nextInt(4); // 0: unbounded
            RefQueue q = new RefQueue(maxsize);
            List<Object> putOrder = new ArrayList<>();
            List<Object> gotOrder = new ArrayList<>();
            List<Task<Object>> getters = new ArrayList<>();
            List<Task<Object>> putters = new ArrayList<>();
            long next = 0;
            for (int op = 0; op < 150; op++) {
                String where = "seed " + seed + ", op " + op;
                switch (rnd.nextInt(7)) {
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
                    default -> co.sleep(0);
                }
                assertEquals(putOrder.size() - gotOrder.size(), q.qsize(), where);
                assertTrue(maxsize == 0 || q.qsize() <= maxsize, where);
            }
            steps(co, 40); // let every hand-over finish (each step moves a chain of wake-ups one link)
            boolean getterWaits = getters.stream().anyMatch(t -> !t.done());
            boolean putterWaits = putters.stream().anyMatch(t -> !t.done());
            assertFalse(getterWaits && !q.empty(), "seed " + seed + ": a getter waits beside an item " + q);
            assertFalse(putterWaits && !q.full(), "seed " + seed + ": a putter waits beside room " + q);
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
}
