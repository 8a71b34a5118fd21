package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.LockContract;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import dev.pyconc.spi.threading.Lock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases only {@code multiprocessing.Lock} has (literal ids): its own errors and timeout rules, and processes
 * sharing one lock. What it shares with {@code threading.Lock} is {@link MultiprocessingLockCases}. These cases do
 * not call {@code locked()} (3.14), so they apply to older Pythons too.
 */
@PyCase
class LockCases {

    /** Releasing an unlocked Lock raises ValueError, before any acquire and after a matching release. */
    @Test
    @Checks("multiprocessing.Lock.release/unlocked-raises-valueerror")
    void releaseUnlockedRaisesValueError(MultiprocessingModule mp) {
        Lock lock = mp.lock();
        assertThrows(ValueError.class, lock::release);
        assertTrue(lock.acquire());
        lock.release();
        assertThrows(ValueError.class, lock::release);
    }

    /** A negative timeout counts as zero: on a held Lock acquire(True, -1) gives False at once, on a free one True. */
    @Test
    @Checks("multiprocessing.Lock.acquire/negative-timeout-is-zero")
    void negativeTimeoutCountsAsZero(MultiprocessingModule mp, Harness h) {
        Lock lock = mp.lock();
        assertTrue(lock.acquire());
        List<Object> got = whileHeld(h, lock, () -> {
            long t0 = h.now();
            boolean minusOne = lock.acquire(true, -1.0);
            boolean minusHalf = lock.acquire(true, -0.5);
            return List.of(minusOne, minusHalf, h.secondsSince(t0));
        });
        assertEquals(List.of(false, false), got.subList(0, 2), "acquire(True, negative) of a held Lock");
        h.assertPrompt((Double) got.get(2));
        lock.release();
        assertTrue(lock.acquire(true, -1.0), "acquire(True, -1) of a free Lock takes it");
        lock.release();
    }

    /** acquire(True) without a timeout (None) keeps waiting for a held Lock and gives True after the release. */
    @Test
    @Checks("multiprocessing.Lock.acquire/none-timeout-waits-forever")
    void noneTimeoutWaitsForRelease(MultiprocessingModule mp, Harness h) {
        Lock lock = mp.lock();
        assertTrue(lock.acquire());
        AtomicBoolean entering = new AtomicBoolean();
        AtomicReference<Boolean> result = new AtomicReference<>();
        boolean released = false;
        Thread t = h.start("acquirer", () -> {
            entering.set(true);
            result.set(lock.acquire(true));
        });
        try {
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertEquals(null, result.get(), "acquire(True) returned while another thread held the Lock");
            lock.release();
            released = true;
            h.join(t);
        } finally {
            if (!released) {
                LockContract.quietly(lock::release);
            }
        }
        assertEquals(Boolean.TRUE, result.get());
        lock.release(); // the acquirer keeps it; any thread may release
    }

    /** With block=False any timeout (large, zero, negative) is ignored: False at once when held, True when free. */
    @Test
    @Checks("multiprocessing.Lock.acquire/timeout-ignored-when-nonblocking")
    void timeoutIgnoredWhenNonblocking(MultiprocessingModule mp, Harness h) {
        Lock lock = mp.lock();
        assertTrue(lock.acquire(false, 5.0), "a free Lock is taken; the timeout raises nothing");
        double took = h.time(() -> {
            assertFalse(lock.acquire(false, 2 * Timing.LONG));
            assertFalse(lock.acquire(false, 0.0));
            assertFalse(lock.acquire(false, -1.0));
        });
        h.assertPrompt(took);
        lock.release();
    }

    /** A with block that raises passes the exception on and leaves the Lock free. */
    @Test
    @Checks("multiprocessing.Lock/with-statement-releases-on-error")
    void withReleasesOnError(MultiprocessingModule mp, Harness h) {
        Lock lock = mp.lock();
        ValueError boom = new ValueError("raised inside the with block");
        ValueError thrown = assertThrows(ValueError.class, () -> lock.with(() -> {
            throw boom;
        }));
        assertSame(boom, thrown);
        h.join(h.start("checker", () -> {
            assertTrue(lock.acquire(false), "the Lock should be free after the with block raised");
            lock.release();
        }));
    }

    /** In CPython Lock is a bound method of the default context, not a class, making multiprocessing.synchronize.Lock objects. */
    @Test
    @Checks("multiprocessing.Lock/factory-of-default-context")
    void factoryOfDefaultContext(MultiprocessingModule mp, Adapter adapter) {
        assertFalse(adapter.builtins().isClass("multiprocessing.Lock"));
        assertTrue(adapter.builtins().isinstance(mp.lock(), "multiprocessing.synchronize.Lock"));
    }

    /** CPython answers a NaN or an infinite timeout on a held Lock with OSError. */
    @Test
    @Checks("multiprocessing.Lock.acquire/bad-timeout-oserror")
    void badTimeoutRaisesOSError(MultiprocessingModule mp, Harness h) {
        Lock lock = mp.lock();
        assertTrue(lock.acquire());
        List<Object> got = whileHeld(h, lock, () -> List.of(
                raised(() -> lock.acquire(true, Double.NaN)),
                raised(() -> lock.acquire(true, Double.POSITIVE_INFINITY)),
                raised(() -> lock.acquire(true, 1e300))));
        for (Object e : got) {
            assertTrue(e instanceof OSError, "expected OSError, got " + e);
        }
        lock.release();
    }

    /** A Lock taken by the parent may be released by a child, and one a child took (and kept) by the parent. */
    @Test
    @Checks("multiprocessing.Lock.release/any-process-or-thread")
    void anotherProcessMayRelease(MultiprocessingModule mp) {
        Lock lock = mp.lock();
        try (Procs procs = new Procs(); Pipe pipe = Pipe.open(mp)) {
            assertTrue(lock.acquire());
            PyProcess releaser = procs.start(mp, mp, Routine.RELEASE, lock, pipe.child());
            assertEquals("released", pipe.next(), "the child's release of the parent's Lock");
            assertEquals(0L, Procs.joined(releaser));
            assertTrue(lock.acquire(false), "the child's release should have freed the Lock");

            lock.release();
            PyProcess taker = procs.start(mp, mp, Routine.ACQUIRE, lock, Timing.LONG, pipe.child());
            assertEquals(Boolean.TRUE, pipe.next(), "the child's acquire of the free Lock");
            assertEquals(0L, Procs.joined(taker));
            lock.release(); // taken, and kept, by the child that has ended
            assertTrue(lock.acquire(false), "the parent's release should have freed the Lock");
            lock.release();
        }
    }

    /** While a child holds the Lock the parent cannot take it; a parent thread blocked in acquire gets it when the child releases. */
    @Test
    @Checks("multiprocessing.Lock/mutual-exclusion-across-processes")
    void heldByChildExcludesParent(MultiprocessingModule mp, Harness h) {
        Lock lock = mp.lock();
        try (Procs procs = new Procs(); Pipe pipe = Pipe.open(mp)) {
            PyProcess holder = procs.start(mp, mp, Routine.HOLD_LOCK, lock, pipe.child());
            assertEquals("acquired", pipe.next());
            assertFalse(lock.acquire(false), "the parent took a Lock a child holds");
            AtomicBoolean entering = new AtomicBoolean();
            AtomicReference<Boolean> result = new AtomicReference<>();
            Thread t = h.start("acquirer", () -> {
                entering.set(true);
                result.set(lock.acquire(true, Timing.LONG));
            });
            h.poll("acquirer about to acquire", entering::get);
            h.awaitBlocked(t);
            assertEquals(null, result.get(), "the parent's acquire returned while the child held the Lock");
            pipe.parent().send("release");
            assertEquals("released", pipe.next());
            h.join(t);
            assertEquals(Boolean.TRUE, result.get(), "the parent's acquire after the child's release");
            assertEquals(0L, Procs.joined(holder));
            lock.release();
        }
    }

    /**
     * Random 2-4 child processes, let loose together, each add 100-300 to a shared-memory counter under the Lock:
     * the total is exact.
     */
    @Test
    @Checks("multiprocessing.Lock/mutual-exclusion-across-processes")
    void counterUnderLockIsExact(MultiprocessingModule mp, SharedMemoryModule shm, Harness h) {
        Random rnd = h.random();
        int n = 2 + rnd.nextInt(3);
        int k = 100 + rnd.nextInt(201);
        h.note("processes", Integer.toString(n));
        h.note("increments", Integer.toString(k));
        Lock lock = mp.lock();
        dev.pyconc.spi.multiprocessing.Queue ready = mp.queue();
        SharedMemory block = shm.sharedMemory(null, true, 16); // the counter at 0, the start gate at byte 8
        try (Procs procs = new Procs()) {
            List<PyProcess> children = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                children.add(procs.start(mp, mp, Routine.INCREMENT, lock, block.name(), (long) k, ready));
            }
            for (int i = 0; i < n; i++) {
                assertEquals("ready", Procs.next(ready), "a child waiting at the start gate");
            }
            block.buf().write(8, dev.pyconc.spi.PyBytes.of((byte) 1)); // all children increment at once
            for (PyProcess p : children) {
                assertEquals(0L, Procs.joined(p), "exit code of an incrementing child");
            }
            byte[] raw = block.buf().read(0, 8).toByteArray();
            long total = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals((long) n * k, total, n + " processes x " + k + " increments under the Lock");
        } finally {
            LockContract.quietly(block::close);
            LockContract.quietly(block::unlink);
            // as a Python local, the Lock stays alive until the case returns, not only until its last use here
            java.lang.ref.Reference.reachabilityFence(lock);
        }
    }

    /** What a call raised (null if it returned). */
    private static Object raised(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Runs {@code body} on a helper thread while the case thread holds {@code lock}; releases it if the helper hangs. */
    static <T> T whileHeld(Harness h, Lock lock, java.util.concurrent.Callable<T> body) {
        AtomicReference<T> out = new AtomicReference<>();
        Thread t = h.start("caller", () -> out.set(body.call()));
        boolean ok = false;
        try {
            h.join(t);
            ok = true;
        } finally {
            if (!ok) {
                LockContract.quietly(lock::release); // let a helper blocked in acquire end
            }
        }
        assertNotNull(out.get());
        return out.get();
    }
}
