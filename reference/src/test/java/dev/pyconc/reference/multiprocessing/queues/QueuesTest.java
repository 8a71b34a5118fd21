package dev.pyconc.reference.multiprocessing.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.sync.Threads;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.ValueError;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The three queues in one process (threads), against CPython 3.14's {@code multiprocessing.queues} as seen on this
 * machine. Every queue is disposed at the end: no {@code /dev/shm/sem.*} entry and no file descriptor may be left.
 */
@Timeout(60)
class QueuesTest {
    private final List<Runnable> disposals = new ArrayList<>();
    private Threads threads;
    private final Set<String> entries = new java.util.TreeSet<>();
    private int fdsBefore;

    /** Loads what the JVM opens once (jars, native libraries), so that the fd count of a test is its own. */
    @BeforeAll
    static void warmUp() {
        Queue q = new Queue();
        q.put(1L);
        q.get(true, 20.0);
        q.dispose();
        SimpleQueue s = new SimpleQueue();
        s.put(1L);
        s.get();
        s.dispose();
        new JoinableQueue().dispose();
    }

    @BeforeEach
    void snapshot() {
        fdsBefore = openFds();
        threads = new Threads();
    }

    @AfterEach
    void cleanUp() throws Exception {
        threads.close();
        for (Runnable d : disposals) {
            d.run();
        }
        dev.pyconc.reference.multiprocessing.sync.Leaks.assertClean(entries);
        assertEquals(fdsBefore, openFds(), "file descriptors left open");
    }

    private static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private Queue queue(long maxsize) {
        Queue q = new Queue(maxsize);
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(q));
        disposals.add(q::dispose);
        return q;
    }

    private JoinableQueue joinable() {
        JoinableQueue q = new JoinableQueue();
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(q));
        disposals.add(q::dispose);
        return q;
    }

    private SimpleQueue simple() {
        SimpleQueue q = new SimpleQueue();
        entries.addAll(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(q));
        disposals.add(q::dispose);
        return q;
    }

    // ---- Queue ----

    @Test
    void itemsComeOutInOrderAsPlainValues() {
        Queue q = queue(0);
        List<Object> items = Arrays.asList(1L, "two", null, List.of(3L, 4L), Map.of("k", 5L), 6.5, true);
        for (Object o : items) {
            q.put(o);
        }
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            got.add(q.get(true, 20.0));
        }
        assertEquals(items.size(), got.size());
        assertEquals(1L, ((Number) got.get(0)).longValue());
        assertEquals("two", got.get(1));
        assertNull(got.get(2));
        assertEquals(List.of(3L, 4L), ((List<?>) got.get(3)).stream().map(x -> ((Number) x).longValue()).toList());
        assertEquals(5L, ((Number) ((Map<?, ?>) got.get(4)).get("k")).longValue());
        assertEquals(6.5, got.get(5));
        assertEquals(true, got.get(6));
    }

    @Test
    void getOnAnEmptyQueueRaisesEmpty() {
        Queue q = queue(0);
        assertThrows(Empty.class, q::getNowait);
        assertThrows(Empty.class, () -> q.get(false));
        long t0 = System.nanoTime();
        assertThrows(Empty.class, () -> q.get(true, 0.1));
        assertTrue(System.nanoTime() - t0 >= 90_000_000L);
        assertThrows(Empty.class, () -> q.get(true, -1.0), "negative timeout: one try");
    }

    @Test
    void aBoundedQueueRaisesFull() {
        Queue q = queue(2);
        assertFalse(q.full());
        q.put(1L);
        q.putNowait(2L);
        assertTrue(q.full(), "room is taken at put, before the feeder sends");
        assertEquals(2, q.qsize());
        assertThrows(Full.class, () -> q.putNowait(3L));
        long t0 = System.nanoTime();
        assertThrows(Full.class, () -> q.put(3L, true, 0.1));
        assertTrue(System.nanoTime() - t0 >= 90_000_000L);
        assertEquals(1L, ((Number) q.get(true, 20.0)).longValue());
        assertFalse(q.full());
        q.put(3L, true, 0.1);
        assertEquals(2, q.qsize());
    }

    @Test
    void emptyReadsThePipe() throws Exception {
        Queue q = queue(0);
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
        q.put("x");
        Threads.poll("the feeder sent the item", () -> !q.empty());
        assertEquals(1, q.qsize());
        assertEquals("x", q.get(true, 20.0));
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
    }

    @Test
    void aBlockedGetIsWokenByAPut() throws Exception {
        Queue q = queue(0);
        AtomicBoolean started = new AtomicBoolean();
        CompletableFuture<Object> f = threads.start("getter", () -> {
            started.set(true);
            return q.get();
        });
        Threads.poll("getter started", started::get);
        q.put("hello");
        assertEquals("hello", Threads.get(f));
    }

    @Test
    void aBlockedPutIsWokenByAGet() throws Exception {
        Queue q = queue(1);
        q.put(1L);
        CompletableFuture<Object> f = threads.start("putter", () -> {
            q.put(2L, true, 20.0);
            return null;
        });
        assertEquals(1L, ((Number) q.get(true, 20.0)).longValue());
        Threads.get(f);
        assertEquals(2L, ((Number) q.get(true, 20.0)).longValue());
    }

    @Test
    void manyProducersAndConsumersLoseNothing() throws Exception {
        Queue q = queue(16);
        int producers = 4;
        int per = 300;
        List<CompletableFuture<Object>> ps = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long base = p * 1000L;
            ps.add(threads.start("producer" + p, () -> {
                for (int i = 0; i < per; i++) {
                    q.put(base + i, true, 20.0);
                }
                return null;
            }));
        }
        List<CompletableFuture<List<Long>>> cs = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            cs.add(threads.start("consumer" + c, () -> {
                List<Long> got = new ArrayList<>();
                while (true) {
                    Object o = q.get(true, 20.0);
                    if ("stop".equals(o)) {
                        return got;
                    }
                    got.add(((Number) o).longValue());
                }
            }));
        }
        for (CompletableFuture<Object> p : ps) {
            Threads.get(p);
        }
        for (int c = 0; c < 3; c++) {
            q.put("stop", true, 20.0);
        }
        Set<Long> all = new HashSet<>();
        int count = 0;
        for (CompletableFuture<List<Long>> c : cs) {
            List<Long> got = Threads.get(c);
            count += got.size();
            all.addAll(got);
        }
        assertEquals(producers * per, count);
        assertEquals(producers * per, all.size());
    }

    @Test
    void anItemsOrderFromOneProducerIsKept() throws Exception {
        Queue q = queue(0);
        for (long i = 0; i < 200; i++) {
            q.put(i);
        }
        for (long i = 0; i < 200; i++) {
            assertEquals(i, ((Number) q.get(true, 20.0)).longValue());
        }
    }

    @Test
    void aClosedQueueRaisesValueError() {
        Queue q = queue(0);
        q.put(1L);
        q.close();
        q.close();
        ValueError e = assertThrows(ValueError.class, () -> q.put(2L));
        assertTrue(e.getMessage().startsWith("Queue <multiprocessing.queues.Queue object at 0x") && e.getMessage().endsWith("> is closed"),
                e.getMessage());
        assertThrows(ValueError.class, q::get);
        assertThrows(ValueError.class, q::getNowait);
        q.joinThread();
        assertThrows(OSError.class, q::empty, "the feeder closed the pipe ends of this process");
    }

    @Test
    void joinThreadBeforeCloseIsAnAssertionError() {
        Queue q = queue(0);
        PyAssertionError e = assertThrows(PyAssertionError.class, q::joinThread);
        assertTrue(e.getMessage().endsWith("not closed"));
    }

    @Test
    void joinThreadWaitsForTheFeederToFlush() throws Exception {
        Queue q = queue(0);
        for (int i = 0; i < 50; i++) {
            q.put((long) i);
        }
        q.close();
        q.joinThread();
        assertFalse(q.feeder.thread().isAlive());
        q.joinThread(); // again: returns at once
    }

    @Test
    void cancelJoinThreadMakesJoinThreadReturnAtOnce() {
        Queue q = queue(0);
        q.put(1L);
        q.cancelJoinThread();
        q.close();
        q.joinThread();
    }

    @Test
    void joinThreadWithoutAFeederReturns() {
        Queue q = queue(0);
        q.close();
        q.joinThread();
    }

    @Test
    void anItemTheFeederCannotPickleIsReportedAndSkipped() throws Exception {
        Queue q = queue(0);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            q.put(new Object()); // no Python counterpart: pickling fails in the feeder thread, not in put
            q.put(1L);
            assertEquals(1L, ((Number) q.get(true, 20.0)).longValue(), "the feeder went on");
            Threads.poll("the error is printed", () -> captured.toString().contains("TypeError"));
        } finally {
            System.setErr(err);
        }
        assertEquals(0, q.qsize(), "the failed item's unit was given back");
        assertTrue(captured.toString().contains("QueueFeederThread"), captured.toString());
    }

    // ---- JoinableQueue ----

    @Test
    void taskDoneTooOftenRaisesValueError() {
        JoinableQueue q = joinable();
        ValueError e = assertThrows(ValueError.class, q::taskDone);
        assertEquals("task_done() called too many times", e.getMessage());
        q.put(1L);
        q.get(true, 20.0);
        q.taskDone();
        assertThrows(ValueError.class, q::taskDone);
    }

    @Test
    void joinWaitsForEveryTask() throws Exception {
        JoinableQueue q = joinable();
        q.join(); // nothing unfinished: at once
        q.put("a");
        q.put("b");
        AtomicBoolean joining = new AtomicBoolean();
        CompletableFuture<Object> joiner = threads.start("joiner", () -> {
            joining.set(true);
            q.join();
            return null;
        });
        Threads.poll("joiner started", joining::get);
        q.get(true, 20.0);
        q.taskDone();
        assertFalse(joiner.isDone(), "one task is still unfinished");
        q.get(true, 20.0);
        q.taskDone();
        Threads.get(joiner);
    }

    @Test
    void joinableQueueIsAQueue() {
        JoinableQueue q = joinable();
        q.put(1L);
        assertEquals(1, q.qsize());
        assertEquals(1L, ((Number) q.get(true, 20.0)).longValue());
        assertThrows(Empty.class, q::getNowait);
        q.close();
        assertThrows(ValueError.class, () -> q.put(2L));
    }

    // ---- SimpleQueue ----

    @Test
    void simpleQueuePutGetEmpty() throws Exception {
        SimpleQueue q = simple();
        assertTrue(q.empty());
        q.put("a");
        q.put(null);
        assertFalse(q.empty(), "put sends in the calling thread");
        assertEquals("a", q.get());
        assertNull(q.get());
        assertTrue(q.empty());
        CompletableFuture<Object> f = threads.start("getter", q::get);
        q.put(7L);
        assertEquals(7L, ((Number) Threads.get(f)).longValue());
    }

    @Test
    void aClosedSimpleQueueRaisesOSError() {
        SimpleQueue q = simple();
        q.close();
        q.close();
        assertEquals("handle is closed", assertThrows(OSError.class, q::empty).getMessage());
        assertThrows(OSError.class, () -> q.put(1L));
        assertThrows(OSError.class, q::get);
    }
}
