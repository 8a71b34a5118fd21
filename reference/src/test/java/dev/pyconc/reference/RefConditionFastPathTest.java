package dev.pyconc.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of Condition() and SimpleQueue keep CPython's outcomes where they differ from a plain port: a
 * notified timed waiter whose wake-up is deferred still returns True, a deferred wake-up happens at the last
 * release of the RLock, and SimpleQueue hands an item to the longest waiter.
 */
class RefConditionFastPathTest {
    private Adapter adapter;
    private ThreadingModule threading;

    @BeforeEach
    void setUp() {
        adapter = new ReferenceAdapterProvider().create(AdapterConfig.fromSystemProperties());
        threading = adapter.module(ThreadingModule.class);
    }

    @AfterEach
    void tearDown() {
        adapter.close();
    }

    private void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
        while (!adapter.isBlocked(t)) {
            assertTrue(System.nanoTime() < deadline, t.getName() + " never blocked");
            Thread.sleep(1);
        }
    }

    private static void join(Thread t) throws InterruptedException {
        t.join((long) (Timing.LONG * 1000));
        assertFalse(t.isAlive(), t.getName() + " still running");
    }

    @Test
    void timedWaiterNotifiedBeforeItsTimeoutReturnsTrueEvenIfTheLockIsHeldPastIt() throws Exception {
        Condition cond = threading.condition();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            cond.acquire();
            try {
                result.set(cond.await(Timing.MEDIUM));
            } finally {
                cond.release();
            }
        }, "timed-waiter");
        waiter.start();
        awaitBlocked(waiter);
        cond.acquire();
        try {
            cond.signal();
            Thread.sleep((long) (Timing.MEDIUM * 1500)); // past the waiter's timeout, still holding the lock
        } finally {
            cond.release();
        }
        join(waiter);
        assertEquals(Boolean.TRUE, result.get(), "CPython's notify released the waiter lock in time: wait() is True");
    }

    @Test
    void notifyUnderNestedRLockLevelsWakesAtTheLastRelease() throws Exception {
        Condition cond = threading.condition();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            cond.acquire();
            try {
                result.set(cond.await());
            } finally {
                cond.release();
            }
        }, "waiter");
        waiter.start();
        awaitBlocked(waiter);
        cond.acquire();
        cond.acquire(); // two levels of the RLock
        cond.signal();
        cond.release(); // still held: the waiter cannot return yet
        assertEquals(null, result.get());
        try (var held = cond.enter()) { // a third level, left through the with block
            assertTrue(cond.locked());
        }
        cond.release(); // the last level: the waiter wakes
        join(waiter);
        assertEquals(Boolean.TRUE, result.get());
    }

    @Test
    void simpleQueueHandsAnItemToTheLongestWaiter() throws Exception {
        SimpleQueue q = adapter.module(QueueModule.class).simpleQueue();
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>("unset");
        Thread a = new Thread(() -> first.set(q.get()), "first-getter");
        a.start();
        awaitBlocked(a);
        Thread b = new Thread(() -> second.set(q.get(true, 10.0)), "second-getter");
        b.start();
        awaitBlocked(b);
        q.put("x");
        join(a);
        assertEquals("x", first.get());
        assertEquals(0, q.qsize(), "the item went to the waiter, not into the queue");
        q.put(null); // None
        join(b);
        assertEquals(null, second.get());
        assertTrue(q.empty());
    }
}
