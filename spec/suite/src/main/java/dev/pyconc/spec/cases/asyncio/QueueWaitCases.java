package dev.pyconc.spec.cases.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cases for the waiting side of asyncio queues: get on an empty queue, put on a full one, join, many tasks. */
@PyCase
class QueueWaitCases {

    /** A task awaiting get() on an empty queue stays suspended until another task puts, then returns that item. */
    @Test
    @Checks("asyncio.Queue.get/waits-until-item")
    void getWaitsUntilItem(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            Task<Object> getter = co.createTask(c -> c.await(q.get()));
            Aio.steps(co, 5);
            Aio.assertPending(getter);
            Task<Object> producer = co.createTask(c -> c.await(q.put("x")));
            assertEquals("x", Aio.bounded(co, getter, "getter after a put"));
            Aio.bounded(co, producer, "producer");
            assertTrue(q.empty(), "the getter removed the item");
            return null;
        });
    }

    /** A task awaiting put() on a full queue stays suspended, adding nothing, until a get frees a slot. */
    @Test
    @Checks("asyncio.Queue.put/waits-while-full")
    void putWaitsWhileFull(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue(1);
            q.putNowait("a");
            Task<Object> putter = co.createTask(c -> c.await(q.put("b")));
            Aio.steps(co, 5);
            Aio.assertPending(putter);
            assertEquals(1L, q.qsize(), "the waiting put added nothing");
            assertEquals("a", q.getNowait());
            Aio.bounded(co, putter, "putter after a get");
            assertEquals(1L, q.qsize());
            assertEquals("b", q.getNowait());
            return null;
        });
    }

    /** A task awaiting join() on three items got by the main task resumes only after the third task_done. */
    @Test
    @Checks("asyncio.Queue.join/waits-for-every-task-done")
    void joinWaitsForEveryTaskDone(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            for (long i = 1; i <= 3; i++) {
                q.putNowait(i);
            }
            Task<Object> joiner = co.createTask(c -> c.await(q.join()));
            Aio.steps(co, 3);
            Aio.assertPending(joiner);
            for (int i = 0; i < 3; i++) {
                q.getNowait();
            }
            q.taskDone();
            q.taskDone();
            Aio.steps(co, 5);
            Aio.assertPending(joiner); // all got, one not marked done
            q.taskDone();
            Aio.bounded(co, joiner, "joiner after the last task_done");
            return null;
        });
    }

    /** Three tasks waiting in get receive items put one at a time in the order they began to wait. */
    @Test
    @Checks("asyncio.Queue.get/waiters-served-in-order")
    void waitersServedInOrder(AsyncioModule m) {
        m.run(co -> {
            Queue q = m.queue();
            List<Task<Object>> getters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                getters.add(co.createTask(c -> c.await(q.get())));
                Aio.steps(co, 2); // each starts waiting before the next is made
            }
            for (long i = 0; i < 3; i++) {
                q.putNowait(i);
                Aio.bounded(co, getters.get((int) i), "getter " + i);
                for (int j = (int) i + 1; j < 3; j++) {
                    Aio.assertPending(getters.get(j));
                }
            }
            for (int i = 0; i < 3; i++) {
                assertEquals((long) i, getters.get(i).result(), "getter " + i);
            }
            return null;
        });
    }

    /**
     * Property: three producer and three consumer tasks on a queue of maxsize 2, stepping at seeded random points:
     * the items got, in the order got, are exactly the items put, in the order put.
     */
    @Test
    @Checks({"asyncio.Queue/many-producers-many-consumers", "asyncio.Queue/first-in-first-out"})
    void manyProducersManyConsumers(AsyncioModule m, Harness h) {
        Random rnd = h.random();
        m.run(co -> {
            Queue q = m.queue(2);
            List<Object> added = new ArrayList<>();
            List<Object> removed = new ArrayList<>();
            List<Task<Object>> producers = new ArrayList<>();
            List<Task<Object>> consumers = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                long base = p * 1000L;
                int pauses = rnd.nextInt(3);
                producers.add(co.createTask(c -> {
                    for (long i = 0; i < 20; i++) {
                        c.await(q.put(base + i));
                        added.add(base + i); // no await between the put returning and this
                        Aio.steps(c, pauses);
                    }
                    return null;
                }));
            }
            for (int k = 0; k < 3; k++) {
                int pauses = rnd.nextInt(3);
                consumers.add(co.createTask(c -> {
                    while (true) {
                        Object v = c.await(q.get());
                        if (v.equals(-1L)) {
                            return null;
                        }
                        removed.add(v);
                        Aio.steps(c, pauses);
                    }
                }));
            }
            Aio.bounded(co, co.coroutine(c -> c.gather(producers, false)), "producers");
            for (int k = 0; k < 3; k++) {
                Aio.bounded(co, q.put(-1L), "stop marker");
            }
            Aio.bounded(co, co.coroutine(c -> c.gather(consumers, false)), "consumers");
            assertEquals(60, added.size());
            assertEquals(added, removed, "got in the order put");
            List<Object> sorted = new ArrayList<>(removed);
            sorted.sort(null);
            assertEquals(60, new java.util.HashSet<>(sorted).size(), "no item got twice");
            return null;
        });
    }

    /**
     * The docs' example: three worker tasks get and task_done twenty items, the main task's join returns once
     * all are processed, and the workers, cancelled, are gathered with return_exceptions=True.
     */
    @Test
    @Checks("asyncio.Queue/worker-pool-example")
    void workerPoolExample(AsyncioModule m, Harness h) {
        Random rnd = h.random();
        m.run(co -> {
            Queue q = m.queue();
            for (long i = 0; i < 20; i++) {
                q.putNowait((long) rnd.nextInt(3)); // how many loop steps the "work" takes
            }
            List<Object> processed = Collections.synchronizedList(new ArrayList<>());
            List<Task<Object>> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                workers.add(co.createTask(co.coroutine(c -> {
                    while (true) {
                        Object work = c.await(q.get());
                        Aio.steps(c, ((Long) work).intValue());
                        processed.add(work);
                        q.taskDone();
                    }
                }), "worker-" + w));
            }
            Aio.bounded(co, q.join(), "join");
            assertEquals(20, processed.size(), "join returned before every item was processed");
            for (Task<Object> t : workers) {
                t.cancel();
            }
            List<Object> results = Aio.bounded(co, co.coroutine(c -> c.gather(workers, true)), "gather");
            for (Object r : results) {
                assertTrue(r instanceof AsyncioCancelledError, "a cancelled worker's result: " + r);
            }
            for (Task<Object> t : workers) {
                assertTrue(t.cancelled(), t.getName() + " cancelled");
            }
            return null;
        });
    }
}
