package dev.pyconc.reference.multiprocessing.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.PeerProcess;
import dev.pyconc.reference.multiprocessing.Peers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The queues shared with a second JVM ({@link QueuePeer}): items, their order, and task accounting cross. */
@Timeout(120)
class QueuesCrossProcessTest {
    private final List<Runnable> disposals = new ArrayList<>();
    private final List<PeerProcess> children = new ArrayList<>();
    private final Set<String> entries = new java.util.TreeSet<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (PeerProcess p : children) {
            p.close();
        }
        for (Runnable d : disposals) {
            d.run();
        }
        dev.pyconc.reference.multiprocessing.sync.Leaks.assertClean(entries);
    }

    private PeerProcess child(String... args) throws IOException {
        PeerProcess c = new PeerProcess(Peers.java(QueuePeer.class, args), "the child");
        children.add(c);
        return c;
    }

    @Test
    void itemsCrossBothWaysInOrder() throws Exception {
        Queue in = new Queue(8);
        Queue out = new Queue();
        disposals.add(in::dispose);
        disposals.add(out::dispose);
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(in));
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(out));
        PeerProcess c = child("queue-double", QueuePeer.encode(in), QueuePeer.encode(out));
        c.expect("ready");
        int n = 200;
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            in.put(i, true, 30.0); // bounded: the child's gets give room back across processes
        }
        in.put("stop", true, 30.0);
        for (long i = 0; i < n; i++) {
            assertEquals(2 * i, ((Number) out.get(true, 30.0)).longValue());
        }
        long t1 = System.nanoTime();
        c.expect("done");
        c.exitsCleanly();
        System.out.printf("queue cross-JVM: %d items there and back, %.1f us per item (pipelined)%n", n, (t1 - t0) / 1e3 / n);
    }

    @Test
    void aProcessThatPutAndEndedFlushedItsBufferFirst() throws Exception {
        Queue q = new Queue();
        disposals.add(q::dispose);
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(q));
        PeerProcess c = child("put-and-exit", QueuePeer.encode(q));
        String pad = "x".repeat(200);
        for (long i = 0; i < 3000; i++) {
            assertEquals(i + pad, q.get(true, 30.0));
        }
        c.expect("returning");
        c.exitsCleanly();
        assertTrue(q.empty());
    }

    /** CPython's {@code created_by_this_process}: the process that made a queue ends without waiting for its feeder. */
    @Test
    void theCreatorEndsWithoutFlushingItsOwnQueue() throws Exception {
        PeerProcess c = child("own-queue-put-and-exit");
        c.expect("returning");
        c.exitsCleanly();
    }

    @Test
    void joinReturnsWhenAnotherProcessHasDoneEveryTask() throws Exception {
        JoinableQueue q = new JoinableQueue();
        disposals.add(q::dispose);
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(q));
        for (long i = 0; i < 5; i++) {
            q.put(i);
        }
        PeerProcess c = child("joinable-worker", QueuePeer.encode(q), "5");
        q.join();
        c.expect("done");
        c.exitsCleanly();
        assertEquals(0, q.qsize());
    }

    @Test
    void simpleQueuesCrossBothWays() throws Exception {
        SimpleQueue in = new SimpleQueue();
        SimpleQueue out = new SimpleQueue();
        disposals.add(in::dispose);
        disposals.add(out::dispose);
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(in));
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(out));
        PeerProcess c = child("simple-double", QueuePeer.encode(in), QueuePeer.encode(out));
        for (long i = 0; i < 50; i++) {
            in.put(i);
            dev.pyconc.reference.multiprocessing.sync.Threads.poll("the child's answer", () -> !out.empty()); // get has no timeout
            assertEquals(2 * i, ((Number) out.get()).longValue());
        }
        in.put("stop");
        c.expect("done");
        c.exitsCleanly();
    }
}
