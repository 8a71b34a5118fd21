package dev.pyconc.stress.seeded;

import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.Full;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The deliberately broken primitives behind the seeded adapters ({@link SeededProviders}). Each is small and
 * wrong in exactly one documented way; none of them is meant to be used for anything but proving that a
 * stress test fails.
 */
final class Broken {
    private Broken() {}

    private static long deadline(Double timeout) {
        return timeout == null || timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
    }

    /**
     * A Lock whose acquire is check-then-act: it spins until it reads {@code held == false}, then writes
     * {@code true}. Two threads can both read {@code false} before either writes, and both "own" the lock:
     * mutual exclusion is lost. (Its release does not check the state, so the second of two owners releasing
     * does not raise.)
     */
    static final class CheckThenActLock implements Lock {
        private volatile boolean held;

        @Override public boolean acquire() { return acquire(true, -1); }
        @Override public boolean acquire(boolean blocking) { return acquire(blocking, -1); }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            long end = blocking ? deadline(timeout) : System.nanoTime();
            while (held) {
                if (System.nanoTime() - end >= 0) {
                    return false;
                }
                Thread.onSpinWait();
            }
            held = true; // BUG: not atomic with the check above
            return true;
        }

        @Override
        public void release() {
            held = false; // no "release unlocked lock" check: the double ownership shows only as a lost update
        }

        @Override public boolean locked() { return held; }
        @Override public Held enter() { acquire(); return Lock.Held.of(this::release); }
    }

    /**
     * A Lock with an owner, like {@link java.util.concurrent.locks.ReentrantLock} (but not reentrant): only
     * the thread that acquired it may release it. Python's {@code Lock} has no owner, so a lock acquired by
     * one thread and released by another must become acquirable; here the other thread's release raises
     * RuntimeError and the lock stays held forever.
     */
    static final class OwnerOnlyReleaseLock implements Lock {
        private final java.util.concurrent.Semaphore permit = new java.util.concurrent.Semaphore(1);
        private volatile Thread owner;

        @Override public boolean acquire() { return acquire(true, -1); }
        @Override public boolean acquire(boolean blocking) { return acquire(blocking, -1); }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            boolean got;
            try {
                got = !blocking ? permit.tryAcquire()
                        : timeout < 0 ? acquireForever()
                        : permit.tryAcquire((long) (timeout * 1e9), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (got) {
                owner = Thread.currentThread();
            }
            return got;
        }

        private boolean acquireForever() throws InterruptedException {
            permit.acquire();
            return true;
        }

        @Override
        public void release() {
            if (owner != Thread.currentThread()) { // BUG: Python locks are not owned by a thread
                throw new RuntimeError("cannot release un-acquired lock");
            }
            owner = null;
            permit.release();
        }

        @Override public boolean locked() { return permit.availablePermits() == 0; }
        @Override public Held enter() { acquire(); return Lock.Held.of(this::release); }
    }

    /**
     * An RLock that counts recursion but whose release() gives the lock up entirely, whatever the depth:
     * after acquire(); acquire(); release() the owner believes it still holds the lock, but another thread
     * can already enter.
     */
    static final class ReleaseDropsAllRLock implements RLock {
        private final Lock inner;
        private volatile Thread owner;
        private int depth;

        ReleaseDropsAllRLock(Lock inner) {
            this.inner = inner;
        }

        @Override public boolean acquire() { return acquire(true, -1); }
        @Override public boolean acquire(boolean blocking) { return acquire(blocking, -1); }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            if (owner == Thread.currentThread()) {
                depth++;
                return true;
            }
            if (!inner.acquire(blocking, timeout)) {
                return false;
            }
            owner = Thread.currentThread();
            depth = 1;
            return true;
        }

        @Override
        public void release() {
            if (owner != Thread.currentThread()) {
                throw new RuntimeError("cannot release un-acquired lock");
            }
            depth = 0; // BUG: should be depth--, and only release the inner lock when it reaches 0
            owner = null;
            inner.release();
        }

        @Override public boolean locked() { return inner.locked(); }
        @Override public Held enter() { acquire(); return Lock.Held.of(this::release); }
    }

    /**
     * A Semaphore whose acquire is check-then-act on a volatile counter: it waits until it reads
     * {@code value > 0}, then writes {@code value - 1}. Two threads can both take the last permit, so there
     * can be more holders than permits.
     */
    static final class CheckThenActSemaphore implements Semaphore {
        private volatile long value;

        CheckThenActSemaphore(long value) {
            this.value = value;
        }

        @Override public boolean acquire() { return acquire(true, null); }
        @Override public boolean acquire(boolean blocking) { return acquire(blocking, null); }

        @Override
        public boolean acquire(boolean blocking, Double timeout) {
            long end = blocking ? deadline(timeout) : System.nanoTime();
            long v;
            while ((v = value) <= 0) {
                if (System.nanoTime() - end >= 0) {
                    return false;
                }
                Thread.onSpinWait();
            }
            value = v - 1; // BUG: not atomic with the check above
            return true;
        }

        @Override public synchronized void release() { value = value + 1; }
        @Override public synchronized void release(long n) { value = value + n; }
        @Override public Held enter() { acquire(); return Lock.Held.of(this::release); }
    }

    /**
     * A Semaphore whose release(n) adds a single permit whatever n is (the n is dropped on the way to the
     * one-permit release). Python's release(n) adds n permits and wakes up to n waiters.
     */
    static final class ReleaseNOnceSemaphore implements Semaphore {
        private final Semaphore d;

        ReleaseNOnceSemaphore(Semaphore d) {
            this.d = d;
        }

        @Override public boolean acquire() { return d.acquire(); }
        @Override public boolean acquire(boolean blocking) { return d.acquire(blocking); }
        @Override public boolean acquire(boolean blocking, Double timeout) { return d.acquire(blocking, timeout); }
        @Override public void release() { d.release(); }
        @Override public void release(long n) { d.release(); } // BUG: ignores n
        @Override public Held enter() { return d.enter(); }
    }

    /**
     * A "BoundedSemaphore" that is a plain Semaphore: releasing beyond the initial value silently adds a
     * permit instead of raising ValueError, so an over-release bug in the caller goes unnoticed and the
     * semaphore admits more holders than it was built for.
     */
    static final class UnboundedBoundedSemaphore implements BoundedSemaphore {
        private final Semaphore d;

        UnboundedBoundedSemaphore(Semaphore d) {
            this.d = d;
        }

        @Override public boolean acquire() { return d.acquire(); }
        @Override public boolean acquire(boolean blocking) { return d.acquire(blocking); }
        @Override public boolean acquire(boolean blocking, Double timeout) { return d.acquire(blocking, timeout); }
        @Override public void release() { d.release(); } // BUG: no bound check
        @Override public void release(long n) { d.release(n); }
        @Override public Held enter() { return d.enter(); }
    }

    /**
     * A Condition whose wait() keeps holding the underlying lock while it waits for a notify. Python's
     * wait() releases the lock for the duration of the wait; here a notifier, which must hold the lock to
     * call notify(), can never get it: the waiter is never woken (deadlock).
     */
    static final class WaitKeepsLockCondition implements Condition {
        private final LockLike lock;
        private volatile long signals;

        WaitKeepsLockCondition(LockLike lock) {
            this.lock = lock;
        }

        @Override public boolean acquire() { return lock.acquire(); }
        @Override public boolean acquire(boolean blocking) { return lock.acquire(blocking); }
        @Override public boolean acquire(boolean blocking, double timeout) { return lock.acquire(blocking, timeout); }
        @Override public void release() { lock.release(); }
        @Override public boolean locked() { return lock.locked(); }
        @Override public boolean await() { return await(null); }

        @Override
        public boolean await(Double timeout) {
            long end = deadline(timeout);
            long seen = signals;
            // BUG: the lock should be released here and re-acquired before returning
            while (signals == seen) {
                if (System.nanoTime() - end >= 0) {
                    return false;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
            return true;
        }

        @Override public Object waitFor(Supplier<Object> predicate) { return waitFor(predicate, null); }

        @Override
        public Object waitFor(Supplier<Object> predicate, Double timeout) {
            long end = deadline(timeout);
            Object r = predicate.get();
            while (!truthy(r)) {
                long left = end - System.nanoTime();
                if (end != Long.MAX_VALUE && left <= 0) {
                    break;
                }
                await(end == Long.MAX_VALUE ? null : left / 1e9);
                r = predicate.get();
            }
            return r;
        }

        @Override public void signal() { signals++; }
        @Override public void signal(long n) { signals++; }
        @Override public void signalAll() { signals++; }
        @Override public Held enter() { acquire(); return Lock.Held.of(this::release); }

        private static boolean truthy(Object o) {
            return o != null && !Boolean.FALSE.equals(o);
        }
    }

    /**
     * An Event whose wait() loops "while the flag is false, sleep" instead of returning once it has been
     * woken by set(). If set() is followed by clear() before the woken waiter gets to run, the waiter sees
     * the flag false again and goes back to sleep: it misses a set() that happened while it waited.
     */
    static final class RecheckAfterWakeEvent implements Event {
        private boolean flag;

        @Override public synchronized boolean isSet() { return flag; }
        @Override public synchronized void set() { flag = true; notifyAll(); }
        @Override public synchronized void clear() { flag = false; }
        @Override public boolean await() { return await(null); }

        @Override
        public synchronized boolean await(Double timeout) {
            long end = deadline(timeout);
            try {
                while (!flag) { // BUG: a wake-up by set() must end the wait even if the flag was cleared since
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    if (end == Long.MAX_VALUE) {
                        wait();
                    } else {
                        wait(Math.max(1, left / 1_000_000));
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return flag;
            }
        }
    }

    /**
     * A Barrier whose abort() marks it broken but does not wake the threads already waiting: they stay
     * blocked in wait() instead of raising BrokenBarrierError.
     */
    static final class SilentAbortBarrier implements Barrier {
        private final long parties;
        private long count;
        private long generation;
        private boolean broken;

        SilentAbortBarrier(long parties) {
            this.parties = parties;
        }

        @Override public long await() { return await(null); }

        @Override
        public synchronized long await(Double timeout) {
            if (broken) {
                throw new BrokenBarrierError("");
            }
            long index = count++;
            long gen = generation;
            if (count == parties) {
                count = 0;
                generation++;
                notifyAll();
                return 0;
            }
            long end = deadline(timeout);
            try {
                while (gen == generation && !broken) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        broken = true;
                        notifyAll();
                        throw new BrokenBarrierError("");
                    }
                    if (end == Long.MAX_VALUE) {
                        wait();
                    } else {
                        wait(Math.max(1, left / 1_000_000));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokenBarrierError("");
            }
            if (gen == generation) {
                throw new BrokenBarrierError("");
            }
            return parties - 1 - index;
        }

        @Override public synchronized void reset() { broken = false; count = 0; generation++; notifyAll(); }
        @Override public synchronized void abort() { broken = true; } // BUG: no notifyAll()
        @Override public long parties() { return parties; }
        @Override public synchronized long nWaiting() { return count; }
        @Override public synchronized boolean broken() { return broken; }
    }

    /** Order in which {@link UnlockedQueue} hands items out. */
    enum Order { FIFO, LIFO, PRIORITY }

    /**
     * A queue kept in a plain array with no lock at all: put() reads the size, stores the item at that
     * index and writes size + 1, so two concurrent puts can store into the same slot and one item is lost;
     * two concurrent gets can hand out the same item twice. Blocking calls spin until the deadline. task_done,
     * join and shutdown are not supported (the seeded checks don't use them).
     */
    static final class UnlockedQueue implements Queue, SimpleQueue {
        private final Order order;
        private final long maxsize;
        private Object[] items = new Object[16];
        private volatile int size; // volatile, but read-modify-write without a lock: the BUG

        UnlockedQueue(Order order, long maxsize) {
            this.order = order;
            this.maxsize = maxsize;
        }

        @Override public long qsize() { return size; }
        @Override public boolean empty() { return size == 0; }
        @Override public boolean full() { return maxsize > 0 && size >= maxsize; }
        @Override public void put(Object item) { put(item, true, null); }
        @Override public void put(Object item, boolean block) { put(item, block, null); }

        @Override
        public void put(Object item, boolean block, Double timeout) {
            long end = block ? deadline(timeout) : System.nanoTime();
            while (full()) {
                if (System.nanoTime() - end >= 0) {
                    throw new Full("");
                }
                Thread.onSpinWait();
            }
            int n = size;
            if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
            }
            items[n] = item;
            size = n + 1;
        }

        @Override public void putNowait(Object item) { put(item, false, null); }
        @Override public Object get() { return get(true, null); }
        @Override public Object get(boolean block) { return get(block, null); }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object get(boolean block, Double timeout) {
            long end = block ? deadline(timeout) : System.nanoTime();
            int n;
            while ((n = size) == 0) {
                if (System.nanoTime() - end >= 0) {
                    throw new Empty("");
                }
                Thread.onSpinWait();
            }
            int at = switch (order) {
                case LIFO -> n - 1;
                case FIFO -> 0;
                case PRIORITY -> {
                    int best = 0;
                    for (int i = 1; i < n; i++) {
                        if (((Comparable) items[i]).compareTo(items[best]) < 0) {
                            best = i;
                        }
                    }
                    yield best;
                }
            };
            Object item = items[at];
            System.arraycopy(items, at + 1, items, at, n - at - 1);
            size = n - 1;
            return item;
        }

        @Override public Object getNowait() { return get(false, null); }
        @Override public void taskDone() { throw new UnsupportedOperationException("seeded queue: task_done"); }
        @Override public void join() { throw new UnsupportedOperationException("seeded queue: join"); }
        @Override public void shutdown() { throw new UnsupportedOperationException("seeded queue: shutdown"); }
        @Override public void shutdown(boolean immediate) { shutdown(); }
    }
}
