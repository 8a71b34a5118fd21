package dev.pyconc.spec.cases.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.threading.Lock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** Cases for {@code _thread}'s module functions: error, exit, allocate_lock, identities and stack_size. */
@PyCase
class ThreadModuleCases {
    private static final long ONE_MIB = 1L << 20;
    private static final long TWO_MIB = 2L << 20;

    /**
     * _thread.error is the class RuntimeError (its MRO starts with builtins.RuntimeError), and the module's
     * errors, here releasing a free lock before and after a use, are raised as RuntimeError.
     */
    @Test
    @Checks("_thread.error/is-runtimeerror")
    void errorIsRuntimeError(ThreadModule thread) {
        assertEquals(List.of("builtins.RuntimeError", "builtins.Exception", "builtins.BaseException"),
                thread.errorMro(), "_thread.error.__mro__ (without object)");
    }

    /** exit() raises SystemExit in its caller, which can catch it and go on. */
    @Test
    @Checks("_thread.exit/raises-systemexit")
    void exitRaisesSystemExit(ThreadModule thread) {
        assertThrows(SystemExit.class, thread::exit);
        assertThrows(SystemExit.class, thread::exit, "the caller goes on after catching it");
    }

    /** Two allocate_lock() calls give two locks: holding one leaves the other free. */
    @Test
    @Checks("_thread.allocate_lock/new-independent-lock")
    void allocateLockGivesIndependentLocks(ThreadModule thread) {
        Lock a = thread.allocateLock();
        Lock b = thread.allocateLock();
        assertTrue(a.acquire());
        assertFalse(b.locked());
        assertTrue(b.acquire(false), "the second lock should be free while the first is held");
        a.release();
        assertFalse(a.locked());
        assertTrue(b.locked(), "releasing the first must not release the second");
        b.release();
    }

    /** get_ident() is nonzero and the same on every call in one thread. */
    @Test
    @Checks({"_thread.get_ident/nonzero", "_thread.get_ident/stable-within-thread"})
    void getIdentNonzeroAndStable(ThreadModule thread, Harness h) {
        long mine = thread.getIdent();
        assertNotEquals(0L, mine);
        assertEquals(mine, thread.getIdent());
        h.join(h.start("other", () -> {
            long theirs = thread.getIdent();
            assertNotEquals(0L, theirs);
            assertEquals(theirs, thread.getIdent());
        }));
    }

    /** Threads alive at the same time have distinct get_ident() values. */
    @Test
    @Checks("_thread.get_ident/distinct-for-live-threads")
    void getIdentDistinctForLiveThreads(ThreadModule thread, Harness h) {
        assertDistinctWhileAlive(h, thread, ThreadModule::getIdent);
    }

    /** get_native_id() is non-negative and the same on every call in one thread. */
    @Test
    @Checks("_thread.get_native_id/non-negative")
    void getNativeIdNonNegativeAndStable(ThreadModule thread, Harness h) {
        long mine = thread.getNativeId();
        assertTrue(mine >= 0, "native id " + mine);
        assertEquals(mine, thread.getNativeId());
        h.join(h.start("other", () -> {
            long theirs = thread.getNativeId();
            assertTrue(theirs >= 0, "native id " + theirs);
            assertEquals(theirs, thread.getNativeId());
        }));
    }

    /** Threads alive at the same time have distinct get_native_id() values. */
    @Test
    @Checks("_thread.get_native_id/distinct-for-live-threads")
    void getNativeIdDistinctForLiveThreads(ThreadModule thread, Harness h) {
        assertDistinctWhileAlive(h, thread, ThreadModule::getNativeId);
    }

    /** The case thread and three helpers, all kept alive until every one has read its id, read distinct ids. */
    private static void assertDistinctWhileAlive(Harness h, ThreadModule thread, ToLongFunction<ThreadModule> id) {
        int n = 3;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ids.add(id.applyAsLong(thread));
        CountDownLatch read = new CountDownLatch(n);
        CountDownLatch leave = new CountDownLatch(1);
        Harness.Bunch bunch = h.bunch("reader", n, i -> {
            ids.add(id.applyAsLong(thread));
            read.countDown();
            assertTrue(leave.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS), "leave signal");
        });
        try {
            assertTrue(awaitQuietly(read), "readers did not read their ids");
            assertEquals(n + 1, ids.size(), "ids of live threads: " + new TreeSet<>(ids));
        } finally {
            leave.countDown();
            bunch.join();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(Timing.nanos(Timing.LONG), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** stack_size(size) answers the size set before and sets the new one. */
    @Test
    @Checks("_thread.stack_size/returns-previous-and-sets")
    void stackSizeReturnsPreviousAndSets(ThreadModule thread) {
        long original = thread.stackSize(ONE_MIB);
        try {
            assertEquals(ONE_MIB, thread.stackSize(TWO_MIB));
            assertEquals(TWO_MIB, thread.stackSize(0));
            assertEquals(0L, thread.stackSize(ONE_MIB), "0 (the platform default) is a size like any other");
        } finally {
            thread.stackSize(original);
        }
    }

    /** stack_size() without a size answers the current size and resets it to 0, the platform default. */
    @Test
    @Checks("_thread.stack_size/no-argument-resets-to-default")
    void stackSizeWithoutArgumentResets(ThreadModule thread) {
        long original = thread.stackSize(ONE_MIB);
        try {
            assertEquals(ONE_MIB, thread.stackSize());
            assertEquals(0L, thread.stackSize(), "the call without a size should have reset it to 0");
        } finally {
            thread.stackSize(original);
        }
    }

    /** A negative size or one under 32 KiB raises ValueError and leaves the size as it was. */
    @Test
    @Checks("_thread.stack_size/invalid-raises-valueerror-unchanged")
    void invalidStackSizeRaisesAndKeepsSize(ThreadModule thread) {
        long original = thread.stackSize(ONE_MIB);
        try {
            assertThrows(ValueError.class, () -> thread.stackSize(1000));
            assertThrows(ValueError.class, () -> thread.stackSize(-1));
            assertThrows(ValueError.class, () -> thread.stackSize(32767));
        } finally {
            assertEquals(ONE_MIB, thread.stackSize(original), "a rejected size must not change the setting");
        }
    }

    /**
     * Where stack sizes cannot be changed (the adapter lacks STACK_SIZE), stack_size(size) with a size that
     * would otherwise be fine raises RuntimeError. Adapters with STACK_SIZE are NOT_APPLICABLE.
     */
    @Test
    @Checks("_thread.stack_size/unsupported-raises-runtimeerror")
    void stackSizeUnsupportedRaisesRuntimeError(ThreadModule thread) {
        assertThrows(RuntimeError.class, () -> thread.stackSize(ONE_MIB));
    }
}
