package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property-style cases with several producer and consumer threads on one queue; thread and item counts come
 * from the case's seed. Every put and get is timed (deadline {@link Timing#LONG}), so a lost item or a stuck
 * thread ends as an Empty or Full failure, never as a hang.
 */
@PyCase
class ProducerConsumerCases {
    /** Item value of producer {@code p}'s {@code j}-th item: unique, and ordered by j within a producer. */
    private static long item(int p, int j) {
        return p * 1_000_000L + j;
    }

    /** A random workload: how many items each producer puts, how many consumers there are, the queue's maxsize. */
    private record Workload(int[] counts, int consumers, long maxsize) {
        int total() {
            int t = 0;
            for (int c : counts) {
                t += c;
            }
            return t;
        }

        List<Long> items() {
            List<Long> all = new ArrayList<>();
            for (int p = 0; p < counts.length; p++) {
                for (int j = 0; j < counts[p]; j++) {
                    all.add(item(p, j));
                }
            }
            return all;
        }

        /**
         * Two to four producers of 1 to 100 items each (so at least two producers really put something, and
         * per-producer order is observable), two to four consumers, and maxsize 0 (unbounded) or 1 to 4.
         */
        static Workload random(Harness h) {
            Random rnd = h.random();
            int[] counts = new int[2 + rnd.nextInt(3)];
            for (int p = 0; p < counts.length; p++) {
                counts[p] = 1 + rnd.nextInt(100);
            }
            Workload w = new Workload(counts, 2 + rnd.nextInt(3), rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(4));
            h.note("workload", java.util.Arrays.toString(counts) + " items by producer, " + w.consumers
                    + " consumers, maxsize " + w.maxsize);
            return w;
        }
    }

    /**
     * Runs the workload: producers put their items, consumers together get exactly as many items as were put.
     *
     * @return what each consumer got, in the order it got them
     */
    private static List<List<Object>> run(Harness h, Workload w, Consumer<Object> put, Supplier<Object> get,
            Runnable afterGet) {
        int total = w.total();
        AtomicInteger claims = new AtomicInteger();
        List<List<Object>> gotBy = new ArrayList<>();
        for (int c = 0; c < w.consumers(); c++) {
            gotBy.add(Collections.synchronizedList(new ArrayList<>()));
        }
        Harness.Bunch consumers = h.bunch("consumer", w.consumers(), c -> {
            while (claims.getAndIncrement() < total) {
                gotBy.get(c).add(get.get());
                afterGet.run();
            }
        });
        Harness.Bunch producers = h.bunch("producer", w.counts().length, p -> {
            for (int j = 0; j < w.counts()[p]; j++) {
                put.accept(item(p, j));
            }
        });
        producers.join();
        consumers.join();
        List<Object> all = new ArrayList<>();
        gotBy.forEach(all::addAll);
        assertEquals(total, all.size(), "items got");
        assertEquals(w.items(), QueueKind.sorted(all), "every item got exactly once");
        return gotBy;
    }

    /** Each consumer sees any one producer's items in the order that producer put them. */
    private static void assertPerProducerOrder(List<List<Object>> gotBy) {
        for (int c = 0; c < gotBy.size(); c++) {
            java.util.Map<Long, Long> last = new java.util.HashMap<>();
            for (Object o : gotBy.get(c)) {
                long v = (Long) o;
                Long prev = last.put(v / 1_000_000L, v);
                assertTrue(prev == null || prev < v, "consumer " + c + " got " + v + " after " + prev);
            }
        }
    }

    /**
     * Property: several producers and consumers on one Queue, LifoQueue or PriorityQueue (bounded or not) lose
     * and duplicate nothing, and after a task_done per get, join returns and no task is left.
     */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue/many-producers-many-consumers")
    void manyProducersManyConsumers(QueueKind kind, QueueModule queue, Harness h) {
        Workload w = Workload.random(h);
        Queue q = kind.make(queue, w.maxsize());
        run(h, w, x -> q.put(x, true, Timing.LONG), () -> q.get(true, Timing.LONG), q::taskDone);
        assertTrue(q.empty());
        h.assertPrompt(h.time(q::join));
    }

    /** Property: with concurrent producers and consumers on a Queue, each producer's items leave in its order. */
    @Test
    @Checks({"queue.Queue/first-in-first-out", "queue.Queue/many-producers-many-consumers"})
    void fifoOrderPerProducerUnderConcurrency(QueueModule queue, Harness h) {
        Workload w = Workload.random(h);
        Queue q = queue.queue(w.maxsize());
        assertPerProducerOrder(run(h, w, x -> q.put(x, true, Timing.LONG), () -> q.get(true, Timing.LONG),
                q::taskDone));
    }

    /**
     * Property: several producers and consumers on one SimpleQueue lose and duplicate nothing, and each
     * producer's items leave in its order.
     */
    @Test
    @Checks({"queue.SimpleQueue/many-producers-many-consumers", "queue.SimpleQueue/first-in-first-out"})
    void simpleQueueManyProducersManyConsumers(QueueModule queue, Harness h) {
        Workload w = Workload.random(h);
        SimpleQueue q = queue.simpleQueue();
        assertPerProducerOrder(run(h, w, q::put, () -> q.get(true, Timing.LONG), () -> { }));
        assertTrue(q.empty());
    }
}
