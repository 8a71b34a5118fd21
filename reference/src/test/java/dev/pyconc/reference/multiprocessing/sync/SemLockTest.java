package dev.pyconc.reference.multiprocessing.sync;

import static dev.pyconc.reference.multiprocessing.sync.SemLock.RECURSIVE_MUTEX;
import static dev.pyconc.reference.multiprocessing.sync.SemLock.SEMAPHORE;
import static dev.pyconc.reference.multiprocessing.sync.SemLock.SEM_VALUE_MAX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Hygiene;
import dev.pyconc.spi.exceptions.FileExistsError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SemLock in one process, against what CPython 3.14.3 and 3.11.2 were seen to do on this machine with
 * {@code _multiprocessing.SemLock} directly (the two agree on every line checked here).
 */
@Timeout(60)
class SemLockTest {
    private final List<SemLock> opened = new ArrayList<>();
    private Set<String> shmBefore;
    private Set<Long> trackersBefore;

    @BeforeEach
    void snapshot() {
        shmBefore = Hygiene.devShm();
        trackersBefore = Hygiene.resourceTrackers();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (SemLock s : opened) {
            s.close();
        }
        Hygiene.assertClean(shmBefore, trackersBefore);
    }

    /** A semaphore unlinked at creation, as under the fork start method: nothing in /dev/shm to clean. */
    private SemLock sem(int kind, int value, int maxvalue) {
        SemLock s = SemLock.create(kind, value, maxvalue, SemLock.makeName(), true);
        opened.add(s);
        return s;
    }

    private static <T> T onOtherThread(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        t.start();
        t.join();
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void lockReleasedByNobodyIsValueError() {
        SemLock l = sem(SEMAPHORE, 1, 1);
        assertNull(l.name(), "unlinked at creation: name is None");
        ValueError e = assertThrows(ValueError.class, l::release);
        assertEquals("semaphore or lock released too many times", e.getMessage());
        assertEquals(0, l.count());
        assertTrue(l.acquire());
        assertEquals(1, l.count());
        assertTrue(l.isMine());
        assertTrue(l.isZero());
        assertFalse(l.acquire(false));
        assertFalse(l.acquire(true, -1.0), "negative timeout: one more try");
        assertFalse(l.acquire(false, 1.0), "block=False ignores the timeout");
    }

    @Test
    void timeoutWaitsAboutThatLongWithoutSpinning() {
        SemLock l = sem(SEMAPHORE, 1, 1);
        l.acquire();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        assertFalse(l.acquire(true, 0.3));
        double took = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        assertTrue(took >= 0.3 && took < 2.0, "took " + took);
        assertTrue(cpu < 0.1, "CPU while waiting 0.3 s: " + cpu);
    }

    @Test
    void lockReleasedByAnotherThreadDropsTheCount() throws Exception {
        SemLock l = sem(SEMAPHORE, 1, 1);
        l.acquire();
        onOtherThread(() -> {
            l.release(); // a Lock has no owner: allowed
            return null;
        });
        assertEquals(0, l.count(), "the count is per object, not per thread");
        assertFalse(l.isMine());
        assertFalse(l.isZero());
    }

    @Test
    void rlockCountsAndBelongsToItsThread() throws Exception {
        SemLock r = sem(RECURSIVE_MUTEX, 1, 1);
        PyAssertionError e = assertThrows(PyAssertionError.class, r::release);
        assertEquals("attempt to release recursive lock not owned by thread", e.getMessage());
        assertEquals("builtins.AssertionError", e.pythonName());
        assertTrue(r.acquire());
        assertTrue(r.acquire());
        assertEquals(2, r.count());
        assertEquals(0, r.getValue());
        assertInstanceOf(PyAssertionError.class, assertThrows(Exception.class, () -> onOtherThread(() -> {
            r.release();
            return null;
        })));
        assertFalse(onOtherThread(() -> r.acquire(false)));
        assertFalse(onOtherThread(r::isMine));
        assertEquals(2, onOtherThread(r::count), "the count is the object's, whoever asks");
        r.release();
        r.release();
        assertEquals(0, r.count());
        assertEquals(1, r.getValue());
        assertThrows(PyAssertionError.class, r::release);
        assertTrue(onOtherThread(() -> {
            boolean got = r.acquire(false);
            r.release();
            return got;
        }));
    }

    @Test
    void semaphoreCountGoesNegativeAndBoundedOneStops() {
        SemLock s = sem(SEMAPHORE, 0, SEM_VALUE_MAX);
        s.release();
        assertEquals(-1, s.count());
        assertEquals(1, s.getValue());
        s.release();
        assertEquals(-2, s.count());
        assertTrue(s.acquire());
        assertEquals(-1, s.count());
        assertFalse(s.isMine(), "count not positive");

        SemLock b = sem(SEMAPHORE, 2, 2);
        assertThrows(ValueError.class, b::release);
        b.acquire();
        b.release();
        assertEquals("semaphore or lock released too many times", assertThrows(ValueError.class, b::release).getMessage());
        SemLock zero = sem(SEMAPHORE, 0, 0);
        assertThrows(ValueError.class, zero::release, "maxvalue 0 is accepted; nothing can be released");
        SemLock over = sem(SEMAPHORE, 3, 2);
        assertThrows(ValueError.class, over::release, "value above maxvalue is accepted too");
    }

    @Test
    void creationErrorsAsCPython() {
        assertEquals("unrecognized kind", assertThrows(ValueError.class,
                () -> SemLock.create(5, 1, 1, SemLock.makeName(), true)).getMessage());
        OSError neg = assertThrows(OSError.class, () -> SemLock.create(SEMAPHORE, -1, 2, SemLock.makeName(), true));
        assertEquals("[Errno 22] Invalid argument", neg.getMessage());
        assertEquals("[Errno 22] Invalid argument",
                assertThrows(OSError.class, () -> SemLock.create(SEMAPHORE, 1, 1, "/mp/x", true)).getMessage());
        String name = SemLock.makeName();
        assertTrue(name.matches("/mp-[a-z0-9_]{8}"), name);
        try (SemLock a = SemLock.create(SEMAPHORE, 1, 1, name, false)) {
            assertEquals(name, a.name());
            FileExistsError e = assertThrows(FileExistsError.class, () -> SemLock.create(SEMAPHORE, 1, 1, name, false));
            assertEquals("[Errno 17] File exists", e.getMessage());
            assertEquals(17L, e.errno());
            Path f = Path.of("/dev/shm/sem." + name.substring(1));
            assertTrue(Files.exists(f));
            try {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            } catch (java.io.IOException ex) {
                throw new AssertionError(ex);
            }
            try (SemLock b = SemLock.rebuild(SEMAPHORE, 1, name)) {
                assertEquals(0, b.count());
                assertEquals(1, b.getValue());
                assertTrue(a.acquire());
                assertEquals(0, b.getValue(), "one semaphore, two objects");
                assertFalse(b.acquire(false));
                b.release(); // a Lock released through another object: allowed, as in CPython
                assertEquals(1, a.getValue());
            }
        } finally {
            SemLock.unlink(name);
        }
        assertThrows(FileNotFoundError.class, () -> SemLock.unlink(name));
        assertEquals("[Errno 2] No such file or directory",
                assertThrows(FileNotFoundError.class, () -> SemLock.rebuild(SEMAPHORE, 1, name)).getMessage());
        assertThrows(ValueError.class, () -> SemLock.rebuild(SEMAPHORE, 1, null));
    }

    @Test
    void timeoutsCPythonCannotTurnIntoADeadline() {
        SemLock l = sem(SEMAPHORE, 1, 1);
        assertTrue(l.acquire(true, Double.NaN), "free: sem_trywait succeeds before any deadline is used");
        for (double t : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1e300, 9.3e18}) {
            OSError e = assertThrows(OSError.class, () -> l.acquire(true, t), "timeout " + t);
            assertEquals(22L, e.errno());
        }
    }

    @Test
    void releaseWakesAWaiterAndHappensBeforeIt() throws Exception {
        SemLock l = sem(SEMAPHORE, 0, 1);
        int[] plain = new int[1];
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> seen = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            l.acquire(); // no timeout
            return plain[0];
        });
        started.await();
        Thread.sleep(100);
        plain[0] = 42; // a plain write, published by the release
        long t0 = System.nanoTime();
        l.release();
        assertEquals(42, seen.get(5, TimeUnit.SECONDS));
        assertTrue((System.nanoTime() - t0) / 1e9 < 0.04, "woken by sem_post, not by the end of a slice");
    }

    @Test
    void interruptAbandonsOrNotAsThePolicySays() throws Exception {
        SemLock abandon = sem(SEMAPHORE, 0, 1);
        AtomicReference<Throwable> got = new AtomicReference<>();
        AtomicLong flag = new AtomicLong();
        Thread t = new Thread(() -> {
            try {
                abandon.acquire();
            } catch (Throwable e) {
                got.set(e);
                flag.set(Thread.currentThread().isInterrupted() ? 1 : 0);
            }
        });
        t.start();
        Thread.sleep(100);
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive());
        assertTrue((System.nanoTime() - t0) / 1e9 < 1.0);
        assertInstanceOf(RuntimeError.class, got.get());
        assertEquals(1, flag.get(), "the interrupt status is kept");

        SemLock keep = SemLock.create(SEMAPHORE, 0, 1, SemLock.makeName(), true, SemLock.InterruptPolicy.KEEP_WAITING);
        opened.add(keep);
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread u = new Thread(() -> {
            result.set(keep.acquire(true, 5.0));
            flag.set(Thread.currentThread().isInterrupted() ? 2 : 0);
        });
        u.start();
        Thread.sleep(100);
        u.interrupt();
        Thread.sleep(200);
        assertTrue(u.isAlive(), "KEEP_WAITING: still waiting after the interrupt");
        keep.release();
        u.join(5000);
        assertEquals(Boolean.TRUE, result.get());
        assertEquals(2, flag.get(), "the interrupt status is set again on return");
    }

    @Test
    void closeAbandonsWaitersAndLaterCallsRaise() throws Exception {
        SemLock l = SemLock.create(SEMAPHORE, 0, 1, SemLock.makeName(), true);
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                l.acquire();
            } catch (Throwable e) {
                got.set(e);
            }
        });
        t.start();
        Thread.sleep(100);
        l.close();
        t.join(5000);
        assertInstanceOf(ValueError.class, got.get());
        assertTrue(l.isClosed());
        assertThrows(ValueError.class, l::acquire);
        assertThrows(ValueError.class, l::getValue);
        l.close(); // twice: nothing
    }

    @Test
    void contextManagerAndRecursionThroughEnter() {
        SemLock r = sem(RECURSIVE_MUTEX, 1, 1);
        try (SemLock.Held outer = r.enter(); SemLock.Held inner = r.enter()) {
            assertEquals(2, r.count());
        }
        assertEquals(0, r.count());
        assertEquals(1, r.getValue());
    }

    @Test
    void threadsOfOneJvmExcludeEachOther() throws Exception {
        SemLock l = sem(SEMAPHORE, 1, 1);
        int[] counter = new int[1];
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (int j = 0; j < 2000; j++) {
                    try (SemLock.Held h = l.enter()) {
                        counter[0]++;
                    }
                }
            });
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(8000, counter[0]);
    }
}
