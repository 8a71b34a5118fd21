package dev.pyconc.spec.cases.threading;

import static dev.pyconc.spec.cases.threading.ThreadCases.containsSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.ThreadCases.Probe;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Cases for the module-level functions and data of {@code threading}. The adapter may run threads of its own
 * (and the case's thread may be a dummy), so counts and lists are checked relative to what the case started.
 */
@PyCase
class ModuleFunctionCases {

    /** A Python thread per index that calls {@code record}, then waits until all have recorded, then ends. */
    private static List<PyThread> startTogether(ThreadingModule threading, Probe probe, int n,
            ConcurrentHashMap<Integer, Long> values, LongSupplier record) {
        CountDownLatch all = new CountDownLatch(n);
        List<PyThread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(threading.thread(ThreadOptions.of(probe.run(() -> {
                values.put(index, record.getAsLong());
                all.countDown();
                Probe.await(all, "all threads to record");
            }))));
        }
        threads.forEach(PyThread::start);
        return threads;
    }

    private static void joinAll(List<PyThread> threads) {
        for (PyThread t : threads) {
            t.join(Timing.LONG);
            assertFalse(t.isAlive(), t.getName() + " still alive after " + Timing.LONG + " s");
        }
    }

    /** Polls until active_count() and len(enumerate()) agree (the adapter's own threads may come and go). */
    private static List<PyThread> consistentEnumerate(ThreadingModule threading, Harness h) {
        AtomicReference<List<PyThread>> snapshot = new AtomicReference<>();
        h.poll("active_count() == len(enumerate())", () -> {
            long before = threading.activeCount();
            List<PyThread> list = threading.enumerate();
            long after = threading.activeCount();
            snapshot.set(list);
            return before == list.size() && after == list.size();
        });
        return snapshot.get();
    }

    /** active_count() equals the length of enumerate(), with and without an extra thread running. */
    @Test
    @Checks("threading.active_count/equals-enumerate-length")
    void activeCountEqualsEnumerateLength(ThreadingModule threading, Harness h) throws InterruptedException {
        consistentEnumerate(threading, h);
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            started.countDown();
            Probe.await(release, "release");
        })));
        t.start();
        try {
            Probe.await(started, "the thread to start");
            assertTrue(containsSame(consistentEnumerate(threading, h), t));
        } finally {
            release.countDown();
        }
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        assertFalse(containsSame(consistentEnumerate(threading, h), t));
        probe.check();
    }

    /** enumerate() lists a running thread (daemon or not) but neither an unstarted nor a finished one. */
    @Test
    @Checks({"threading.enumerate/includes-started-alive-thread", "threading.enumerate/excludes-unstarted-thread",
            "threading.enumerate/excludes-finished-thread", "threading.enumerate/includes-daemon-threads"})
    void enumerateMembership(ThreadingModule threading) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        PyCallable body = probe.run(() -> {
            started.countDown();
            Probe.await(release, "release");
        });
        PyThread plain = threading.thread(ThreadOptions.of(body).withDaemon(false));
        PyThread daemon = threading.thread(ThreadOptions.of(body).withDaemon(true));
        PyThread unstarted = threading.thread(ThreadOptions.of(body));
        assertFalse(containsSame(threading.enumerate(), plain));
        plain.start();
        daemon.start();
        try {
            Probe.await(started, "both threads to start");
            List<PyThread> alive = threading.enumerate();
            assertTrue(containsSame(alive, plain), "running thread missing from enumerate()");
            assertTrue(containsSame(alive, daemon), "running daemon thread missing from enumerate()");
            assertFalse(containsSame(alive, unstarted), "unstarted thread listed by enumerate()");
        } finally {
            release.countDown();
        }
        plain.join(Timing.LONG);
        daemon.join(Timing.LONG);
        assertFalse(plain.isAlive());
        assertFalse(daemon.isAlive());
        List<PyThread> after = threading.enumerate();
        assertFalse(containsSame(after, plain), "finished thread still listed by enumerate()");
        assertFalse(containsSame(after, daemon), "finished daemon thread still listed by enumerate()");
        assertFalse(containsSame(after, unstarted));
        probe.check();
    }

    /** enumerate() lists the case thread's dummy Thread object and the main thread. */
    @Test
    @Checks({"threading.enumerate/includes-dummy-threads", "threading.enumerate/includes-main-thread"})
    void enumerateIncludesDummyAndMain(ThreadingModule threading) {
        PyThread me = threading.currentThread();
        List<PyThread> all = threading.enumerate();
        assertTrue(containsSame(all, me), "current (dummy) thread missing from enumerate()");
        assertTrue(containsSame(all, threading.mainThread()), "main thread missing from enumerate()");
    }

    /** main_thread() is one object seen from any thread, is not a started thread's object, and is not a daemon. */
    @Test
    @Checks({"threading.main_thread/same-object-everywhere", "threading.main_thread/not-daemon"})
    void mainThread(ThreadingModule threading) {
        PyThread main = threading.mainThread();
        assertNotNull(main);
        assertSame(main, threading.mainThread());
        assertFalse(main.isDaemon());
        Probe probe = new Probe();
        AtomicReference<PyThread> seenMain = new AtomicReference<>();
        AtomicReference<PyThread> seenCurrent = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            seenMain.set(threading.mainThread());
            seenCurrent.set(threading.currentThread());
        })));
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        assertSame(main, seenMain.get());
        assertNotSame(main, seenCurrent.get());
        assertNotSame(main, t);
    }

    /** get_ident() is non-zero, and two threads alive together see different values. */
    @Test
    @Checks({"threading.get_ident/nonzero", "threading.get_ident/distinct-for-live-threads"})
    void getIdent(ThreadingModule threading) {
        assertNotEquals(0L, threading.getIdent());
        Probe probe = new Probe();
        ConcurrentHashMap<Integer, Long> ids = new ConcurrentHashMap<>();
        List<PyThread> threads = startTogether(threading, probe, 3, ids, threading::getIdent);
        joinAll(threads);
        probe.check();
        assertEquals(3, ids.size());
        assertEquals(3, ids.values().stream().distinct().count(), "idents of live threads: " + ids);
        assertFalse(ids.containsValue(0L));
        assertFalse(ids.containsValue(threading.getIdent()), "a started thread shares the case thread's ident");
    }

    /** get_native_id() is non-negative, equals native_id of the running Thread, and differs between live threads. */
    @Test
    @Checks({"threading.get_native_id/non-negative", "threading.get_native_id/matches-thread-native-id",
            "threading.get_native_id/distinct-for-live-threads"})
    void getNativeId(ThreadingModule threading) {
        assertTrue(threading.getNativeId() >= 0);
        Probe probe = new Probe();
        ConcurrentHashMap<Integer, Long> ids = new ConcurrentHashMap<>();
        List<PyThread> threads = startTogether(threading, probe, 3, ids, () -> {
            long id = threading.getNativeId();
            Long attr = threading.currentThread().nativeId();
            if (attr == null || attr != id) {
                probe.fail(new AssertionError("get_native_id() " + id + " but current_thread().native_id " + attr));
            }
            return id;
        });
        joinAll(threads);
        probe.check();
        assertEquals(3, ids.size());
        assertTrue(ids.values().stream().allMatch(v -> v >= 0), ids.toString());
        assertEquals(3, ids.values().stream().distinct().count(), "native ids of live threads: " + ids);
    }

    /**
     * Where stack sizes cannot be changed (the adapter lacks STACK_SIZE), stack_size(size) with a size that
     * would otherwise be fine raises RuntimeError. Adapters with STACK_SIZE are NOT_APPLICABLE.
     */
    @Test
    @Checks("threading.stack_size/unsupported-runtimeerror")
    void stackSizeUnsupportedRaisesRuntimeError(ThreadingModule threading) {
        assertThrows(RuntimeError.class, () -> threading.stackSize(1024 * 1024));
    }

    /**
     * stack_size() reports 0 while no size is in force. The cases share one interpreter, so the state at its
     * start is not observable from a case (an earlier case may have set a size); the case first puts the
     * no-size state back with stack_size(0) (0: the platform default) and restores what was in force after.
     */
    @Test
    @Checks("threading.stack_size/initially-zero")
    void stackSizeInitiallyZero(ThreadingModule threading) {
        long before = threading.stackSize(0);
        try {
            assertEquals(0L, threading.stackSize(), "stack_size() with no size in force");
            assertEquals(0L, threading.stackSize(), "and again");
        } finally {
            threading.stackSize(before);
        }
    }

    /**
     * stack_size() without a size uses 0: it returns the size in force and puts the default back. (CPython
     * 3.14: {@code stack_size(262144); stack_size()} gives 262144, then {@code stack_size()} gives 0.)
     */
    @Test
    @Checks("threading.stack_size/no-argument-resets-to-default")
    void stackSizeWithoutArgumentResets(ThreadingModule threading) {
        long original = threading.stackSize();
        try {
            threading.stackSize(256 * 1024);
            assertEquals(256 * 1024L, threading.stackSize());
            assertEquals(0L, threading.stackSize(), "stack_size() without a size did not go back to 0");
            assertEquals(0L, threading.stackSize(256 * 1024));
        } finally {
            threading.stackSize(original);
        }
    }

    /**
     * stack_size(size) returns the size in force before; new threads still run; stack_size(0) restores the
     * default. The current size is read only as what the next stack_size(size) returns, since a call without a
     * size also resets it.
     */
    @Test
    @Checks({"threading.stack_size/set-returns-previous", "threading.stack_size/zero-restores-default"})
    void stackSizeSetAndRestore(ThreadingModule threading) {
        long original = threading.stackSize(0);
        try {
            assertEquals(0L, threading.stackSize(256 * 1024));
            assertEquals(256 * 1024L, threading.stackSize(512 * 1024));
            Probe probe = new Probe();
            AtomicReference<Boolean> ran = new AtomicReference<>(false);
            PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> ran.set(true))));
            t.start();
            t.join(Timing.LONG);
            assertFalse(t.isAlive());
            probe.check();
            assertTrue(ran.get());
            assertEquals(512 * 1024L, threading.stackSize(0));
            assertEquals(0L, threading.stackSize(256 * 1024), "stack_size(0) did not restore the default");
        } finally {
            threading.stackSize(original);
        }
    }

    /** Sizes below 32 KiB (but not 0) and negative sizes raise ValueError and keep the setting. */
    @Test
    @Checks("threading.stack_size/invalid-size-valueerror")
    void stackSizeInvalid(ThreadingModule threading) {
        long original = threading.stackSize(0);
        try {
            threading.stackSize(256 * 1024);
            for (long bad : new long[] {1, 1000, 32 * 1024 - 1, -1, -256 * 1024}) {
                assertThrows(ValueError.class, () -> threading.stackSize(bad), "stack_size(" + bad + ")");
                assertEquals(256 * 1024L, threading.stackSize(256 * 1024), "setting changed by stack_size(" + bad + ")");
            }
        } finally {
            threading.stackSize(original);
        }
    }

    /** TIMEOUT_MAX is positive and accepted as a timeout by Lock.acquire. */
    @Test
    @Checks("threading.TIMEOUT_MAX/max-timeout-accepted")
    void timeoutMaxAccepted(ThreadingModule threading) {
        double max = threading.timeoutMax();
        assertTrue(max > 0 && !Double.isNaN(max), "TIMEOUT_MAX " + max);
        Lock lock = threading.lock();
        assertTrue(lock.acquire(true, max));
        lock.release();
    }

    /** A timeout above TIMEOUT_MAX makes Lock.acquire raise OverflowError (even on a free lock), leaving it free. */
    @Test
    @Checks("threading.TIMEOUT_MAX/larger-timeout-overflowerror")
    void timeoutAboveMaxOverflows(ThreadingModule threading) {
        double max = threading.timeoutMax();
        Lock lock = threading.lock();
        assertThrows(OverflowError.class, () -> lock.acquire(true, max * 2));
        assertFalse(lock.locked());
        if (!Double.isInfinite(max * 2)) {
            assertThrows(OverflowError.class, () -> lock.acquire(true, Double.MAX_VALUE));
        }
        assertFalse(lock.locked());
    }
}
