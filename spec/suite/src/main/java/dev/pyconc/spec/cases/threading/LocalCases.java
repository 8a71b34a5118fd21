package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.ThreadCases.Probe;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.threading.Local;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code threading.local}. */
@PyCase
class LocalCases {

    private static void runToEnd(ThreadingModule threading, Probe probe, dev.pyconc.spec.harness.ThrowingRunnable body) {
        PyThread t = threading.thread(ThreadOptions.of(probe.run(body)));
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive(), "thread still alive after " + Timing.LONG + " s");
        probe.check();
    }

    /** A new thread does not see the attributes this thread set, and its own writes stay invisible here. */
    @Test
    @Checks({"threading.local/new-thread-sees-no-values", "threading.local/other-thread-writes-invisible"})
    void valuesArePerThread(ThreadingModule threading) {
        Local data = threading.local();
        data.setattr("number", 42L);
        data.setattr("kept", "mine");
        Probe probe = new Probe();
        AtomicReference<Boolean> sawNumber = new AtomicReference<>();
        AtomicReference<Object> ownRead = new AtomicReference<>();
        runToEnd(threading, probe, () -> {
            sawNumber.set(data.hasattr("number"));
            data.setattr("number", 11L);
            ownRead.set(data.getattr("number"));
            data.setattr("kept", "theirs");
            data.delattr("kept");
        });
        assertEquals(Boolean.FALSE, sawNumber.get(), "another thread saw this thread's attribute");
        assertEquals(11L, ownRead.get());
        assertEquals(42L, data.getattr("number"));
        assertEquals("mine", data.getattr("kept"));
    }

    /** A helper thread not created by threading (a foreign thread) also gets its own, empty, set of values. */
    @Test
    @Checks({"threading.local/new-thread-sees-no-values", "threading.local/other-thread-writes-invisible"})
    void foreignThreadsIsolated(ThreadingModule threading, Harness h) {
        Local data = threading.local();
        data.setattr("x", "case");
        h.join(h.start("other", () -> {
            assertFalse(data.hasattr("x"));
            data.setattr("x", "helper");
            assertEquals("helper", data.getattr("x"));
        }));
        assertEquals("case", data.getattr("x"));
    }

    /** Several threads writing the same attribute at once each read back their own value. */
    @Test
    @Checks("threading.local/concurrent-threads-isolated")
    void concurrentThreadsIsolated(ThreadingModule threading, Harness h) {
        Random random = h.random();
        int n = 2 + random.nextInt(5);
        int rounds = 1 + random.nextInt(5);
        Local data = threading.local();
        data.setattr("v", -1L);
        Probe probe = new Probe();
        ConcurrentHashMap<Integer, String> mismatches = new ConcurrentHashMap<>();
        List<CountDownLatch> written = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            written.add(new CountDownLatch(n));
        }
        List<PyThread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            long seed = random.nextLong();
            threads.add(threading.thread(ThreadOptions.of(probe.run(() -> {
                Random mine = new Random(seed);
                for (int r = 0; r < rounds; r++) {
                    long value = mine.nextLong();
                    data.setattr("v", value);
                    written.get(r).countDown();
                    // every thread has written this round before any reads back
                    Probe.await(written.get(r), "all threads to write round " + r);
                    Object back = data.getattr("v");
                    if (!Long.valueOf(value).equals(back)) {
                        mismatches.put(index, "round " + r + ": wrote " + value + ", read " + back);
                    }
                }
            }))));
        }
        threads.forEach(PyThread::start);
        for (PyThread t : threads) {
            t.join(Timing.LONG);
            assertFalse(t.isAlive());
        }
        probe.check();
        assertEquals(java.util.Map.of(), mismatches, n + " threads, " + rounds + " rounds");
        assertEquals(-1L, data.getattr("v"));
    }

    /** getattr and delattr of an attribute the calling thread never set raise AttributeError; after delattr it is gone. */
    @Test
    @Checks("threading.local/unset-attribute-error")
    void unsetAttribute(ThreadingModule threading) {
        Local data = threading.local();
        assertFalse(data.hasattr("missing"));
        assertThrows(AttributeError.class, () -> data.getattr("missing"));
        assertThrows(AttributeError.class, () -> data.delattr("missing"));
        data.setattr("present", 1L);
        data.delattr("present");
        assertFalse(data.hasattr("present"));
        AttributeError e = assertThrows(AttributeError.class, () -> data.getattr("present"));
        assertInstanceOf(AttributeError.class, e);
    }

    /** Two local objects keep separate values for the same attribute name in one thread. */
    @Test
    @Checks("threading.local/instances-independent")
    void instancesIndependent(ThreadingModule threading) {
        Local a = threading.local();
        Local b = threading.local();
        a.setattr("name", "a");
        assertFalse(b.hasattr("name"));
        b.setattr("name", "b");
        assertEquals("a", a.getattr("name"));
        assertEquals("b", b.getattr("name"));
        a.delattr("name");
        assertTrue(b.hasattr("name"));
    }

    /** __dict__ read in each of two threads holds exactly the attributes that thread set, and follows a delete. */
    @Test
    @Checks("threading.local/dict-is-per-thread")
    void dictIsPerThread(ThreadingModule threading, Harness h) {
        Local local = threading.local();
        assertEquals(Map.of(), local.dict());
        local.setattr("mine", 1L);
        local.setattr("shared", "main");
        AtomicReference<Map<String, Object>> before = new AtomicReference<>();
        AtomicReference<Map<String, Object>> after = new AtomicReference<>();
        h.join(h.start("other", () -> {
            before.set(local.dict());
            local.setattr("theirs", 2L);
            local.setattr("shared", "other");
            after.set(local.dict());
        }));
        assertEquals(Map.of(), before.get(), "another thread's __dict__ before it set anything");
        assertEquals(Map.of("theirs", 2L, "shared", "other"), after.get(), "the other thread's __dict__");
        assertEquals(Map.of("mine", 1L, "shared", "main"), local.dict(), "this thread's __dict__");
        local.delattr("mine");
        assertEquals(Map.of("shared", "main"), local.dict(), "__dict__ after delattr");
    }
}
