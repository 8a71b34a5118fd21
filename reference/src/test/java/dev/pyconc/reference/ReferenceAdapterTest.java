package dev.pyconc.reference;

import dev.pyconc.spi.queue.QueueModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ShutDown;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Unit tests of reference details the spec cases do not reach: argument validation edges, checked against
 * CPython 3.14's results (noted per test), and the reference's own choices (interrupts, close).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReferenceAdapterTest {
    private ReferenceAdapter adapter;
    private ThreadingModule threading;

    @BeforeEach
    void create() {
        adapter = new ReferenceAdapter();
        threading = adapter.module(ThreadingModule.class);
    }

    @AfterEach
    void close() {
        adapter.close();
        adapter.close(); // idempotent
    }

    private static void awaitState(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "thread did not block");
            Thread.sleep(1);
        }
    }

    /**
     * {@code main_thread().join(timeout)} from another thread waits for the Java thread that created the adapter:
     * a timeout ends the wait (lower bound checked, no ceiling), a Java interrupt does not (and is set again on
     * return), and a join without timeout returns once that thread has ended.
     */
    @Test
    void mainThreadJoinWaitsForTheCreatingJavaThread() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        AtomicReference<ReferenceAdapter> made = new AtomicReference<>();
        Thread creator = new Thread(() -> {
            made.set(new ReferenceAdapter());
            created.countDown();
            try {
                end.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "adapter-creator");
        creator.start();
        try {
            assertTrue(created.await(10, TimeUnit.SECONDS));
            PyThread main = made.get().module(ThreadingModule.class).mainThread();
            long t0 = System.nanoTime();
            main.join(0.05);
            assertTrue(System.nanoTime() - t0 >= 50_000_000L, "join(0.05) waited its timeout");
            assertTrue(main.isAlive());
            Thread.currentThread().interrupt();
            t0 = System.nanoTime();
            main.join(0.05);
            assertTrue(Thread.interrupted(), "the interrupt is set again when join returns");
            assertTrue(System.nanoTime() - t0 >= 50_000_000L, "an interrupt does not end the join");
            end.countDown();
            main.join();
            assertFalse(main.isAlive());
            assertFalse(creator.isAlive());
        } finally {
            end.countDown();
            creator.join(10_000);
            if (made.get() != null) {
                made.get().close();
            }
        }
    }

    @Test
    void describesItself() {
        assertEquals("reference", adapter.name());
        assertEquals("3.14", adapter.pythonVersion().feature());
        assertTrue(adapter.implementation().startsWith("pyconc-reference "));
        assertTrue(adapter.features().containsAll(List.of(Feature.REAL_THREADS, Feature.STACK_SIZE)));
        assertEquals(9223372036.0, threading.timeoutMax());
    }

    /** CPython: ValueError / OverflowError in this order of checks, for Lock and RLock alike. */
    @Test
    void lockAcquireArgumentValidation() {
        for (LockLike l : List.of(threading.lock(), threading.rlock())) {
            assertThrows(ValueError.class, () -> l.acquire(false, 1));
            assertThrows(ValueError.class, () -> l.acquire(true, -2));
            assertThrows(ValueError.class, () -> l.acquire(true, -0.5));
            assertThrows(ValueError.class, () -> l.acquire(true, Double.NaN));
            assertThrows(OverflowError.class, () -> l.acquire(true, 1e10));
            assertThrows(OverflowError.class, () -> l.acquire(false, 1e10)); // conversion comes first
            assertThrows(OverflowError.class, () -> l.acquire(true, Double.POSITIVE_INFINITY));
            assertThrows(OverflowError.class, () -> l.acquire(true, Double.NEGATIVE_INFINITY));
            assertThrows(OverflowError.class, () -> l.acquire(true, threading.timeoutMax() * 2));
            assertFalse(l.locked());
            assertTrue(l.acquire(true, threading.timeoutMax()));
            l.release();
            assertTrue(l.acquire(false, -1));
            l.release();
            assertTrue(l.acquire(true, 0));
            l.release();
            assertThrows(RuntimeError.class, l::release);
        }
    }

    @Test
    void rlockIsReentrantAndOwned() throws Exception {
        RLock r = threading.rlock();
        assertTrue(r.acquire());
        assertTrue(r.acquire(false));
        AtomicReference<Throwable> fromOther = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                r.release();
            } catch (Throwable e) {
                fromOther.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(fromOther.get() instanceof RuntimeError);
        r.release();
        assertTrue(r.locked());
        r.release();
        assertFalse(r.locked());
    }

    /** CPython: wait(-1), wait(0), wait(NaN) return False at once; wait(1e10) raises OverflowError. */
    @Test
    void conditionWaitEdges() {
        Condition c = threading.condition();
        assertThrows(RuntimeError.class, c::await);
        assertThrows(RuntimeError.class, c::signal);
        assertThrows(RuntimeError.class, c::signalAll);
        assertEquals(Boolean.TRUE, c.waitFor(() -> true)); // predicate true: no lock check
        c.acquire();
        c.acquire(); // recursion level 2
        assertFalse(c.await(-1.0));
        assertFalse(c.await(0.0));
        assertFalse(c.await(Double.NaN));
        assertThrows(OverflowError.class, () -> c.await(1e10));
        assertEquals(0L, c.waitFor(() -> 0L, -1.0));
        c.signal(-1);
        c.signal(0);
        assertTrue(c.locked());
        c.release();
        c.release(); // the recursion level survived the waits
        assertFalse(c.locked());
        assertThrows(RuntimeError.class, c::release);
    }

    /** notify(n) wakes the n longest waiters, in arrival order; wait restores an RLock's recursion level. */
    @Test
    void conditionNotifyIsFifo() throws Exception {
        Condition c = threading.condition(threading.rlock());
        List<Integer> woke = new CopyOnWriteArrayList<>();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                c.acquire();
                c.acquire();
                c.await();
                woke.add(id);
                c.release();
                c.release();
            });
            t.start();
            ts.add(t);
            awaitState(t); // blocked in wait: it released both levels, or we could not get here below
            c.acquire();
            c.release();
        }
        for (int i = 0; i < 2; i++) {
            c.acquire();
            c.signal(1);
            c.release();
            ts.get(i).join(30_000);
            assertEquals(List.of(0, 1).subList(0, i + 1), woke); // the longest waiter woke, the others still wait
        }
        c.acquire();
        c.signalAll();
        c.release();
        ts.get(2).join(30_000);
        assertEquals(List.of(0, 1, 2), woke);
    }

    /** CPython: the messages and types of Semaphore's validation. */
    @Test
    void semaphoreValidation() {
        assertThrows(ValueError.class, () -> threading.semaphore(-1));
        assertThrows(ValueError.class, () -> threading.boundedSemaphore(-1));
        assertThrows(ValueError.class, () -> threading.semaphore(1).acquire(false, 1.0));
        assertThrows(ValueError.class, () -> threading.semaphore(0).release(0));
        assertFalse(threading.semaphore(0).acquire(true, -1.0));
        assertTrue(threading.semaphore(1).acquire(true, -1.0));
        var b = threading.boundedSemaphore(2);
        assertThrows(ValueError.class, b::release);
        b.acquire();
        b.acquire();
        assertThrows(ValueError.class, () -> b.release(3));
        b.release(2);
        assertFalse(threading.event().await(-1.0));
    }

    /** CPython: Barrier(0) ValueError; wait(0)/wait(-1) with others missing breaks it; a raising action breaks it. */
    @Test
    void barrierEdges() {
        assertThrows(ValueError.class, () -> threading.barrier(0));
        assertEquals(0L, threading.barrier(1).await());
        Barrier b = threading.barrier(2);
        assertThrows(BrokenBarrierError.class, () -> b.await(0.0));
        assertTrue(b.broken());
        assertThrows(BrokenBarrierError.class, () -> b.await());
        b.reset();
        assertFalse(b.broken());
        Barrier failing = threading.barrier(1, PyCallable.of(() -> {
            throw new ValueError("x");
        }), null);
        assertThrows(ValueError.class, failing::await);
        assertTrue(failing.broken());
    }

    /** CPython: Queue's timeout checks, shutdown, and heapq's behaviour on incomparable items. */
    @Test
    void queueEdges() {
        Queue q = adapter.module(QueueModule.class).queue();
        assertThrows(ValueError.class, () -> q.get(true, -1.0));
        Empty e = assertThrows(Empty.class, () -> q.get(false, -1.0));
        assertEquals("_queue.Empty", e.pythonName());
        assertThrows(Empty.class, () -> q.get(true, 0.0));
        assertThrows(ValueError.class, q::taskDone);
        q.put(1L, true, -1.0); // unbounded: the timeout is never looked at
        Queue bounded = adapter.module(QueueModule.class).queue(1);
        bounded.put(1L);
        assertThrows(ValueError.class, () -> bounded.put(2L, true, -1.0));
        Queue neg = adapter.module(QueueModule.class).queue(-5);
        for (long i = 0; i < 10; i++) {
            neg.put(i);
        }
        assertFalse(neg.full());
        neg.shutdown(true);
        assertEquals(0L, neg.qsize());
        neg.join(); // dropped items counted as done
        assertThrows(ShutDown.class, () -> neg.put(1L));
        assertThrows(ShutDown.class, neg::get);

        Queue pq = adapter.module(QueueModule.class).priorityQueue();
        pq.put(1L);
        assertThrows(TypeError.class, () -> pq.put("a"));
        assertEquals(2L, pq.qsize()); // heapq appends before comparing
        assertEquals(1L, pq.get());
        assertEquals("a", pq.get());
    }

    /** Equal items leave a PriorityQueue in heapq's order (CPython 3.14's output for this input). */
    @Test
    void priorityOrderMatchesHeapq() {
        Queue pq = adapter.module(QueueModule.class).priorityQueue();
        for (Object x : List.<Object>of(1L, true, 1.0, 0L, 2L, 1.0, false, 0.0, 2.0, true, 1L)) {
            pq.put(x);
        }
        List<Object> out = new ArrayList<>();
        while (!pq.empty()) {
            out.add(pq.get());
        }
        assertEquals(List.<Object>of(0L, false, 0.0, 1.0, 1L, 1.0, true, true, 1L, 2L, 2.0), out);
        for (int i = 0; i < out.size(); i++) {
            assertEquals(List.<Object>of(0L, false, 0.0, 1.0, 1L, 1.0, true, true, 1L, 2L, 2.0).get(i).getClass(),
                    out.get(i).getClass());
        }
    }

    /** CPython: SimpleQueue checks the timeout before looking at the items. */
    @Test
    void simpleQueueEdges() {
        SimpleQueue s = adapter.module(QueueModule.class).simpleQueue();
        assertThrows(ValueError.class, () -> s.get(true, -1.0));
        assertThrows(Empty.class, () -> s.get(false, -1.0));
        assertThrows(Empty.class, () -> s.get(true, 0.0));
        s.put(null);
        assertThrows(OverflowError.class, () -> s.get(true, 1e10));
        assertEquals(null, s.get(true, 9223372036.5));
    }

    @Test
    void threadLifecycleErrors() {
        assertThrows(PyAssertionError.class, () -> threading.thread(ThreadOptions.none().withGroup(1L)));
        PyThread t = threading.thread(ThreadOptions.none());
        assertTrue(t.getName().startsWith("Thread-"));
        assertThrows(RuntimeError.class, t::join);
        t.setDaemon(false);
        t.start();
        assertNotNull(t.ident());
        t.join();
        assertFalse(t.isAlive());
        assertThrows(RuntimeError.class, t::start);
        assertThrows(RuntimeError.class, () -> t.setDaemon(true));
        t.join(-1.0);
        assertThrows(ValueError.class, () -> t.join(Double.NaN));
        assertThrows(OverflowError.class, () -> t.join(1e10));
        PyThread me = threading.currentThread();
        assertSame(me, threading.currentThread());
        assertSame(threading.mainThread(), me); // this test thread created the adapter
        assertThrows(RuntimeError.class, me::join);
        assertFalse(me.isDaemon());
        assertThrows(ValueError.class, () -> threading.stackSize(1));
        assertThrows(ValueError.class, () -> threading.stackSize(-1));
        assertEquals(0L, threading.stackSize(65536));
        assertEquals(65536L, threading.stackSize(0));
    }

    @Test
    void dummyThreadsAndInheritedDaemon() throws Exception {
        AtomicReference<PyThread> dummy = new AtomicReference<>();
        AtomicReference<PyThread> child = new AtomicReference<>();
        AtomicReference<Throwable> joinError = new AtomicReference<>();
        Thread j = new Thread(() -> {
            PyThread d = threading.currentThread();
            dummy.set(d);
            child.set(threading.thread(ThreadOptions.none()));
            try {
                d.join();
            } catch (Throwable e) {
                joinError.set(e);
            }
        });
        j.start();
        j.join();
        assertTrue(dummy.get().getName().startsWith("Dummy-"));
        assertTrue(dummy.get().isDaemon());
        assertTrue(child.get().isDaemon()); // inherited from the dummy
        assertTrue(joinError.get() instanceof RuntimeError);
        assertThrows(RuntimeError.class, () -> dummy.get().isAlive()); // 3.14: a dead dummy raises
        assertFalse(threading.enumerate().contains(dummy.get()));
        assertTrue(threading.enumerate().contains(threading.mainThread()));
    }

    @Test
    void excepthookGetsEscapingExceptionsIncludingSystemExit() {
        List<ExceptHookArgs> seen = new CopyOnWriteArrayList<>();
        threading.setExcepthook(seen::add);
        try {
            PyThread a = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
                throw new ValueError("boom");
            })));
            PyThread b = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
                throw new SystemExit("bye");
            })));
            a.start();
            a.join();
            b.start();
            b.join();
        } finally {
            threading.setExcepthook(threading.defaultExcepthook());
        }
        assertEquals(2, seen.size());
        assertEquals("builtins.ValueError", seen.get(0).excType());
        assertTrue(seen.get(0).hasTraceback());
        assertEquals("builtins.SystemExit", seen.get(1).excType());
        threading.defaultExcepthook().call(seen.get(1)); // silently ignored
    }

    /** The default hook prints to the adapter's sys.stderr like CPython's: a header naming the thread, a traceback, then Type: message. */
    @Test
    void defaultExcepthookPrintsNameAndTraceback() {
        String out = adapter.sys().captureStderr(() -> {
            PyThread a = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
                throw new ValueError("boom");
            })).withName("worker"));
            a.start();
            a.join();
        });
        String[] lines = out.split("\\R");
        assertEquals("Exception in thread worker:", lines[0]);
        assertEquals("Traceback (most recent call last):", lines[1]);
        assertEquals("ValueError: boom", lines[lines.length - 1]);
    }

    /** isBlocked is true only for a thread parked inside one of the adapter's blocking calls. */
    @Test
    void isBlockedOnlyInsideAdapterCalls() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Lock lock = threading.lock();
        lock.acquire();
        Thread t = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            lock.acquire();
            lock.release();
        });
        t.start();
        awaitState(t); // parked in the JDK latch, not in the adapter
        assertFalse(adapter.isBlocked(t));
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!adapter.isBlocked(t)) {
            assertTrue(System.nanoTime() < deadline, "never reported blocked in acquire");
            Thread.sleep(1);
        }
        lock.release();
        t.join(30_000);
        assertFalse(adapter.isBlocked(t));
    }

    /** Reference choice: a Java interrupt does not end a wait; the flag is set again on return. */
    @Test
    void interruptDoesNotEndWait() throws Exception {
        Lock lock = threading.lock();
        lock.acquire();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread t = new Thread(() -> {
            lock.acquire();
            flagAfter.set(Thread.currentThread().isInterrupted());
            lock.release();
        });
        t.start();
        awaitState(t);
        t.interrupt();
        t.join(50);
        assertTrue(t.isAlive(), "an interrupt ended the acquire");
        lock.release();
        t.join(30_000);
        assertEquals(Boolean.TRUE, flagAfter.get());
    }

    /** Reference choice: close() makes threads started through the adapter leave their blocking call. */
    @Test
    void closeReleasesStartedThreads() throws Exception {
        Lock lock = threading.lock();
        lock.acquire();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        threading.setExcepthook(a -> errors.add(a.excValue()));
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(lock::acquire)));
        t.start();
        adapter.close();
        t.join(30.0);
        assertFalse(t.isAlive());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0) instanceof RuntimeError);
    }
}
