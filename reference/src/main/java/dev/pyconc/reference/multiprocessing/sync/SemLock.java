package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.posix.SysCalls;
import dev.pyconc.spi.exceptions.FileExistsError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.lang.ref.Cleaner;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.ffi.Pointer;

/**
 * CPython's {@code _multiprocessing.SemLock} on Linux: a POSIX named semaphore ({@code sem_open}) with the
 * bookkeeping of {@code Modules/_multiprocessing/semaphore.c}, the object behind {@code multiprocessing}'s
 * {@code Lock} ({@code SemLock(SEMAPHORE, 1, 1)}), {@code RLock} ({@code SemLock(RECURSIVE_MUTEX, 1, 1)}),
 * {@code Semaphore(value)} ({@code SemLock(SEMAPHORE, value, SEM_VALUE_MAX)}) and {@code BoundedSemaphore(value)}
 * ({@code SemLock(SEMAPHORE, value, value)}).
 *
 * <p>The semaphore lives in the kernel ({@code /dev/shm/sem.NAME}), so any process that opens the same name shares
 * it: another JVM through {@link #rebuild}, CPython through {@code _multiprocessing.SemLock._rebuild(0, kind,
 * maxvalue, name)} (on Linux {@code _rebuild} opens the name and ignores the handle). What is kept in this object
 * is CPython's per-object bookkeeping: the count of acquires by this object ({@link #count()}) and the thread of the
 * last acquire ({@link #isMine()}). Like CPython, the count is per object, not per thread: a {@code Lock} released
 * by another thread drops it to 0, and a {@code Semaphore} released more often than acquired through this object
 * has a negative count.
 *
 * <p><b>Ownership.</b> CPython's test is {@code count > 0 && last_tid == PyThread_get_thread_ident()}, the process
 * being implied because the count is reset in a forked child ({@code _after_fork}). A JVM does not fork, and a
 * SemLock opened elsewhere is a new object with count 0, so here the owner is the Java thread
 * ({@link Thread#getId()}) and the process is this one.
 *
 * <p><b>Waiting.</b> A blocking {@link #acquire} first tries {@code sem_trywait}, then waits in
 * {@code sem_timedwait} slices of at most {@value #SLICE_MILLIS} ms (so no CPU is spent while waiting) and, between
 * slices, honours a Java interrupt through the {@link InterruptPolicy} and abandons the wait if the object was
 * {@linkplain #close() closed}. The overall deadline is kept on {@link System#nanoTime()}, so a jump of the wall
 * clock moves at most one slice (CPython computes one {@code CLOCK_REALTIME} deadline from {@code gettimeofday}).
 *
 * <p><b>Memory effects.</b> POSIX counts {@code sem_post} and the waits among the functions that synchronize
 * memory, which covers other processes (for instance a shared memory block written under the lock). Within this
 * JVM a {@link #release()} also writes a volatile field before {@code sem_post} and a successful {@link #acquire}
 * reads it after the wait, so a release <em>happens-before</em> the acquire (on any SemLock object of this JVM for
 * the same semaphore) that sees it, in the sense of the Java Memory Model.
 *
 * <p>Not thread-confined; all methods may be called from any thread. Closing is explicit ({@link #close()}) or left
 * to a {@link Cleaner} when the object becomes unreachable, as CPython's {@code dealloc} calls {@code sem_close};
 * neither unlinks the name ({@link #unlink(String)} does).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#synchronization-primitives">multiprocessing
 *     synchronization primitives</a>
 * @see <a href="https://github.com/python/cpython/blob/3.14/Modules/_multiprocessing/semaphore.c">semaphore.c</a>
 */
public final class SemLock implements AutoCloseable {
    /** {@code multiprocessing.synchronize.RECURSIVE_MUTEX}: the kind of an {@code RLock}. */
    public static final int RECURSIVE_MUTEX = 0;
    /** {@code multiprocessing.synchronize.SEMAPHORE}: the kind of a {@code Lock}, {@code Semaphore} and {@code BoundedSemaphore}. */
    public static final int SEMAPHORE = 1;
    /** {@code _multiprocessing.SemLock.SEM_VALUE_MAX} on Linux ({@code INT_MAX}). */
    public static final int SEM_VALUE_MAX = Integer.MAX_VALUE;
    /** The longest single {@code sem_timedwait} of a blocking acquire, in milliseconds: the latency of an interrupt or a close. */
    public static final long SLICE_MILLIS = 50;
    /** The characters of {@code tempfile._RandomNameSequence}, from which {@link #makeName()} draws. */
    static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private static final long SLICE_NANOS = SLICE_MILLIS * 1_000_000L;
    /** 2^63 as a double: CPython's {@code (long) timeout} is out of range from here on (EINVAL). */
    private static final double TWO_TO_63 = 9.223372036854775807E18;
    private static final Cleaner CLEANER = Cleaner.create();
    /** Written before every sem_post, read after every successful wait: the Java-level happens-before edge. */
    private static final java.util.concurrent.atomic.AtomicLong RELEASES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What a blocked {@link #acquire} does when its Java thread is interrupted: the role of a Python signal handler
     * run by {@code PyErr_CheckSignals()} when {@code sem_wait} returns EINTR.
     */
    @FunctionalInterface
    public interface InterruptPolicy {
        /**
         * Called on the waiting thread, its interrupt status cleared. Returning goes on waiting (the status is set
         * again when acquire returns); throwing abandons the wait with that exception (status set again too).
         */
        void onInterrupt();

        /** Python's own behaviour for a non-main thread: an interrupt does not end the wait. */
        InterruptPolicy KEEP_WAITING = () -> {};

        /** The default: the wait is abandoned with RuntimeError, the interrupt status kept. */
        InterruptPolicy ABANDON = () -> {
            throw new RuntimeError("SemLock.acquire abandoned: the Java thread was interrupted");
        };
    }

    /** The native side, reachable from the Cleaner without the SemLock. */
    private static final class Handle implements Runnable {
        final long address;
        int users; // guarded by this
        boolean closing; // guarded by this
        volatile boolean closed;

        Handle(long address) {
            this.address = address;
        }

        @Override
        public void run() {
            closed = true;
            SemNative.SEM.sem_close(SemNative.pointer(address));
        }
    }

    private final Handle handle;
    private final Pointer sem;
    private final Cleaner.Cleanable cleanable;
    private final int kind;
    private final int maxvalue;
    private final String name;
    private final InterruptPolicy interrupts;
    private final AtomicInteger count = new AtomicInteger();
    private volatile long lastTid;

    private SemLock(Pointer sem, int kind, int maxvalue, String name, InterruptPolicy interrupts) {
        this.sem = sem;
        this.handle = new Handle(sem.address());
        this.cleanable = CLEANER.register(this, handle);
        this.kind = kind;
        this.maxvalue = maxvalue;
        this.name = name;
        this.interrupts = interrupts == null ? InterruptPolicy.ABANDON : interrupts;
    }

    private static void checkKind(int kind) {
        if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
            throw new ValueError("unrecognized kind");
        }
    }

    /**
     * {@code _multiprocessing.SemLock(kind, value, maxvalue, name, unlink)}: creates the semaphore {@code name}
     * ({@code sem_open} with {@code O_CREAT|O_EXCL}, mode 0600) with the initial {@code value}.
     *
     * @param kind {@link #RECURSIVE_MUTEX} or {@link #SEMAPHORE}
     * @param value the initial value; negative or above {@link #SEM_VALUE_MAX} gives OSError EINVAL, as in CPython
     * @param maxvalue the value above which {@link #release()} of a SEMAPHORE raises ValueError (not checked
     *     against {@code value}: CPython does not either)
     * @param name the semaphore name, {@code /mp-XXXXXXXX} in CPython ({@link #makeName()})
     * @param unlink whether to {@code sem_unlink} the name at once (CPython does so under the fork start method);
     *     then {@link #name()} is null and only this object reaches the semaphore
     * @param interrupts what an interrupt of a blocked acquire does; null for {@link InterruptPolicy#ABANDON}
     * @throws ValueError "unrecognized kind"
     * @throws FileExistsError when {@code name} exists ({@code [Errno 17] File exists}, no filename)
     * @throws OSError for another errno of {@code sem_open} (EINVAL for a name with a '/' after the first
     *     character, or an out-of-range value)
     */
    public static SemLock create(int kind, int value, int maxvalue, String name, boolean unlink, InterruptPolicy interrupts) {
        checkKind(kind);
        byte[] cname = SemNative.cString(name);
        Pointer p = SemNative.SEM.sem_open(cname, SemNative.O_CREAT | SemNative.O_EXCL, 0600, value);
        if (p == null || p.address() == 0) {
            throw SemNative.oserror(SemNative.errno());
        }
        if (unlink && SemNative.SEM.sem_unlink(cname) < 0) {
            OSError e = SemNative.oserror(SemNative.errno());
            SemNative.SEM.sem_close(p);
            throw e;
        }
        return new SemLock(p, kind, maxvalue, unlink ? null : name, interrupts);
    }

    /** {@link #create(int, int, int, String, boolean, InterruptPolicy)} with the default interrupt policy. */
    public static SemLock create(int kind, int value, int maxvalue, String name, boolean unlink) {
        return create(kind, value, maxvalue, name, unlink, null);
    }

    /**
     * What {@code multiprocessing.synchronize.SemLock.__init__} does before it registers the name with the
     * resource tracker: up to 100 tries with fresh {@link #makeName()} names, not unlinked.
     *
     * @throws FileExistsError "cannot find name for semaphore" after 100 names that all existed
     */
    public static SemLock create(int kind, int value, int maxvalue, InterruptPolicy interrupts) {
        for (int i = 0; i < 100; i++) {
            try {
                return create(kind, value, maxvalue, makeName(), false, interrupts);
            } catch (FileExistsError e) {
                // next name
            }
        }
        throw new FileExistsError("cannot find name for semaphore");
    }

    /**
     * {@code _multiprocessing.SemLock._rebuild(handle, kind, maxvalue, name)} on POSIX: opens the existing
     * semaphore {@code name} ({@code sem_open(name, 0)}); the new object has count 0. CPython also accepts
     * {@code name=None} and then uses {@code handle} as is (a handle inherited through fork); a JVM does not fork,
     * so a name is required here.
     *
     * @throws ValueError for a null name or an unknown kind
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when no semaphore has that name
     */
    public static SemLock rebuild(int kind, int maxvalue, String name, InterruptPolicy interrupts) {
        checkKind(kind);
        if (name == null) {
            throw new ValueError("SemLock.rebuild needs the semaphore's name (a handle alone is meaningful only after fork)");
        }
        Pointer p = SemNative.SEM.sem_open(SemNative.cString(name), 0, 0, 0);
        if (p == null || p.address() == 0) {
            throw SemNative.oserror(SemNative.errno());
        }
        return new SemLock(p, kind, maxvalue, name, interrupts);
    }

    /** {@link #rebuild(int, int, String, InterruptPolicy)} with the default interrupt policy. */
    public static SemLock rebuild(int kind, int maxvalue, String name) {
        return rebuild(kind, maxvalue, name, null);
    }

    /**
     * {@code _multiprocessing.sem_unlink(name)}: removes the name; processes that have it open keep their semaphore.
     *
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when no semaphore has that name (no filename, as CPython)
     */
    public static void unlink(String name) {
        if (SemNative.SEM.sem_unlink(SemNative.cString(name)) < 0) {
            throw SemNative.oserror(SemNative.errno());
        }
    }

    /**
     * A fresh name as {@code multiprocessing.synchronize.SemLock._make_name()} makes it: the process's
     * {@code semprefix} ({@code /mp}), a dash, and 8 characters of {@code tempfile._RandomNameSequence}.
     */
    public static String makeName() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder("/mp-");
        for (int i = 0; i < 8; i++) {
            b.append(NAME_CHARS.charAt(r.nextInt(NAME_CHARS.length())));
        }
        return b.toString();
    }

    // ---- use counting against close ----

    private void use() {
        synchronized (handle) {
            if (handle.closing) {
                throw closedError();
            }
            handle.users++;
        }
    }

    private void unuse() {
        synchronized (handle) {
            if (--handle.users == 0 && handle.closing) {
                handle.notifyAll();
            }
        }
    }

    private static ValueError closedError() {
        return new ValueError("operation on a closed SemLock");
    }

    // ---- acquire / release ----

    /** {@code acquire()}: {@code acquire(True, None)}. */
    public boolean acquire() {
        return acquire(true, null);
    }

    /** {@code acquire(block)}: {@code acquire(block, None)}. */
    public boolean acquire(boolean block) {
        return acquire(block, null);
    }

    /**
     * {@code SemLock.acquire(block=True, timeout=None)}. An RLock already held by the calling thread only counts
     * up. Otherwise {@code sem_trywait}; if the semaphore is zero and {@code block} is true, waits at most
     * {@code timeout} seconds (null: without limit; negative: as 0, a last try). With {@code block} false the
     * timeout is ignored, as in CPython.
     *
     * @param timeout seconds, or null for None
     * @return true when acquired, false when not (non-blocking, or the timeout expired)
     * @throws OSError EINVAL when the wait is reached with a timeout CPython cannot turn into a deadline (NaN,
     *     infinite or at least 2^63 seconds) — CPython 3.11 and 3.14 raise {@code [Errno 22] Invalid argument}
     * @throws ValueError if the object is closed, or closed while waiting
     * @throws RuntimeException whatever the {@link InterruptPolicy} throws when the waiting thread is interrupted
     */
    public boolean acquire(boolean block, Double timeout) {
        if (kind == RECURSIVE_MUTEX && isMine()) {
            count.incrementAndGet();
            return true;
        }
        use();
        try {
            int res;
            int err = 0;
            do {
                res = SemNative.SEM.sem_trywait(sem);
                err = res < 0 ? SemNative.errno() : 0;
            } while (res < 0 && err == SemNative.EINTR);
            if (res < 0) {
                if (err != SemNative.EAGAIN) {
                    throw SemNative.oserror(err);
                }
                if (!block || !waitSliced(timeout)) {
                    return false;
                }
            }
            RELEASES.get(); // the acquire side of the happens-before edge (see the class documentation)
            lastTid = Thread.currentThread().getId();
            count.incrementAndGet();
            return true;
        } finally {
            unuse();
        }
    }

    /** The blocking part of acquire: true when the semaphore was decremented, false when the timeout expired. */
    private boolean waitSliced(Double timeout) {
        boolean forever = timeout == null;
        long waitNanos = 0;
        if (!forever) {
            double t = timeout;
            if (t < 0.0) {
                t = 0.0;
            }
            if (Double.isNaN(t) || t >= TWO_TO_63) {
                throw SemNative.oserror(SemNative.EINVAL); // CPython's deadline is invalid: sem_timedwait says EINVAL
            }
            double ns = Math.floor(t) * 1e9 + Math.floor(1e9 * (t - Math.floor(t)) + 0.5);
            if (ns >= Long.MAX_VALUE / 4.0) {
                forever = true; // centuries: no deadline worth computing
            } else {
                waitNanos = (long) ns;
            }
        }
        long start = System.nanoTime();
        long[] abstime = new long[2];
        boolean interrupted = false;
        try {
            while (true) {
                if (Thread.interrupted()) {
                    interrupted = true;
                    interrupts.onInterrupt();
                }
                synchronized (handle) {
                    if (handle.closing) {
                        throw closedError();
                    }
                }
                long slice = SLICE_NANOS;
                if (!forever) {
                    slice = Math.max(0, Math.min(slice, waitNanos - (System.nanoTime() - start)));
                }
                Instant now = Instant.now();
                long nsec = now.getNano() + slice;
                abstime[0] = now.getEpochSecond() + nsec / 1_000_000_000L;
                abstime[1] = nsec % 1_000_000_000L;
                int res;
                SysCalls.begin();
                try {
                    res = SemNative.SEM.sem_timedwait(sem, abstime);
                } finally {
                    SysCalls.end();
                }
                if (res == 0) {
                    return true;
                }
                int err = SemNative.errno();
                if (err == SemNative.ETIMEDOUT) {
                    if (!forever && waitNanos - (System.nanoTime() - start) <= 0) {
                        return false;
                    }
                } else if (err != SemNative.EINTR) {
                    throw SemNative.oserror(err);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code SemLock.release()}. For an RLock: only the owning thread may release; its count goes down and the
     * semaphore is posted when it reaches 0. For the SEMAPHORE kind: any thread may release, unless the value is
     * already at {@code maxvalue} ({@code sem_getvalue}; like CPython's, this check is not atomic with the post).
     *
     * @throws PyAssertionError "attempt to release recursive lock not owned by thread" (RLock not held by the
     *     calling thread; CPython 3.11 and 3.14 raise AssertionError)
     * @throws ValueError "semaphore or lock released too many times" (a Lock held by nobody, a BoundedSemaphore
     *     at its initial value, any SEMAPHORE at {@code maxvalue}), or if the object is closed
     * @throws OSError when {@code sem_post} or {@code sem_getvalue} fails (EOVERFLOW past {@link #SEM_VALUE_MAX})
     */
    public void release() {
        if (kind == RECURSIVE_MUTEX) {
            if (!isMine()) {
                throw new PyAssertionError("attempt to release recursive lock not owned by thread");
            }
            if (count.get() > 1) {
                count.decrementAndGet();
                return;
            }
            use();
            try {
                // CPython posts and then counts down, atomically for Python threads because it keeps the GIL;
                // counting down first gives the same outcome to other Java threads.
                count.set(0);
                RELEASES.incrementAndGet();
                if (SemNative.SEM.sem_post(sem) < 0) {
                    count.set(1);
                    throw SemNative.oserror(SemNative.errno());
                }
            } finally {
                unuse();
            }
            return;
        }
        use();
        try {
            if (value() >= maxvalue) {
                throw new ValueError("semaphore or lock released too many times");
            }
            count.decrementAndGet();
            RELEASES.incrementAndGet();
            if (SemNative.SEM.sem_post(sem) < 0) {
                count.incrementAndGet();
                throw SemNative.oserror(SemNative.errno());
            }
        } finally {
            unuse();
        }
    }

    /** A held acquisition, released by {@link #close()}: what {@code with lock:} gives. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        /** Releases ({@code __exit__}). */
        @Override
        void close();
    }

    /** {@code __enter__}: a blocking {@link #acquire()}; closing the result is {@code __exit__} ({@link #release()}). */
    public Held enter() {
        acquire();
        return this::release;
    }

    // ---- state ----

    /** {@code _count()}: acquires minus releases through this object (see the class documentation). */
    public int count() {
        return count.get();
    }

    /** {@code _is_mine()}: whether the count is positive and the last acquire was by the calling thread. */
    public boolean isMine() {
        return count.get() > 0 && lastTid == Thread.currentThread().getId();
    }

    /**
     * {@code _get_value()}: the semaphore's value ({@code sem_getvalue}; on Linux never negative).
     *
     * @throws ValueError if the object is closed
     */
    public int getValue() {
        use();
        try {
            return value();
        } finally {
            unuse();
        }
    }

    private int value() {
        int[] sval = new int[1];
        if (SemNative.SEM.sem_getvalue(sem, sval) < 0) {
            throw SemNative.oserror(SemNative.errno());
        }
        return sval[0];
    }

    /**
     * {@code _is_zero()}: whether the value is 0 ({@code multiprocessing}'s {@code Lock.locked()} in 3.14).
     *
     * @throws ValueError if the object is closed
     */
    public boolean isZero() {
        return getValue() == 0;
    }

    /** {@code handle}: the {@code sem_t *} address, meaningful in this process only. */
    public long handle() {
        return handle.address;
    }

    /** {@code kind}: {@link #RECURSIVE_MUTEX} or {@link #SEMAPHORE}. */
    public int kind() {
        return kind;
    }

    /** {@code maxvalue}. */
    public int maxvalue() {
        return maxvalue;
    }

    /** {@code name}: the semaphore's name, or null (None) when it was unlinked at creation. */
    public String name() {
        return name;
    }

    /** Whether {@link #close()} was called (or the cleaner ran). */
    public boolean isClosed() {
        return handle.closed;
    }

    /**
     * {@code sem_close}: what CPython's {@code dealloc} does. Waits for calls in progress on other threads to leave
     * the semaphore: a blocked acquire gives up at its next slice with ValueError. Later calls raise ValueError;
     * closing twice does nothing. The name is not unlinked.
     */
    @Override
    public void close() {
        synchronized (handle) {
            if (handle.closing) {
                return;
            }
            handle.closing = true;
            boolean interrupted = false;
            while (handle.users > 0) {
                try {
                    handle.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "<_multiprocessing.SemLock kind=" + (kind == SEMAPHORE ? "SEMAPHORE" : "RECURSIVE_MUTEX") + " name="
                + (name == null ? "None" : "'" + name + "'") + " maxvalue=" + maxvalue + (isClosed() ? " closed" : "") + ">";
    }
}
