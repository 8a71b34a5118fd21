package dev.pyconc.stress.seeded;

import dev.pyconc.spi.support.DelegatingThreadingModule;
import dev.pyconc.spi.support.DelegatingQueueModule;

import dev.pyconc.reference.ReferenceAdapterProvider;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.BoundedSemaphore;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.function.Function;

/**
 * The seeded-bug adapters: each is the {@code reference} adapter with exactly one primitive replaced by a
 * deliberately broken one from {@link Broken}, registered with ServiceLoader under a descriptive name, and
 * each is caught by one named jcstress test (see {@code JcstressQuickIT}). Select one in a jcstress run with
 * {@code -jvmArgsPrepend -Dpyconc.adapter=NAME}.
 */
public final class SeededProviders {
    private SeededProviders() {}

    /** Base: a named provider wrapping a fresh reference adapter. */
    abstract static class Base implements AdapterProvider {
        private final String name;
        private final String description;

        Base(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override public final String name() { return name; }
        @Override public final String description() { return "seeded bug: " + description; }

        ThreadingModule threading(ThreadingModule ref) { return ref; }
        QueueModule queue(QueueModule ref) { return ref; }

        @Override
        public final Adapter create(AdapterConfig config) {
            Adapter ref = new ReferenceAdapterProvider().create(config);
            return new SeededAdapter(name, ref, this::threading, this::queue);
        }
    }

    /** {@code seeded-lock-check-then-act}: {@link Broken.CheckThenActLock}; caught by {@code LockStress.MutualExclusion}. */
    public static final class LockCheckThenAct extends Base {
        public LockCheckThenAct() { super("seeded-lock-check-then-act", "Lock acquire is check-then-act on a volatile flag"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) { @Override public Lock lock() { return new Broken.CheckThenActLock(); } };
        }
    }

    /** {@code seeded-lock-owner-only-release}: {@link Broken.OwnerOnlyReleaseLock}; caught by {@code LockStress.ReleasedByOtherThread}. */
    public static final class LockOwnerOnlyRelease extends Base {
        public LockOwnerOnlyRelease() { super("seeded-lock-owner-only-release", "Lock can only be released by the thread that acquired it"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) { @Override public Lock lock() { return new Broken.OwnerOnlyReleaseLock(); } };
        }
    }

    /** {@code seeded-rlock-release-drops-all}: {@link Broken.ReleaseDropsAllRLock}; caught by {@code RLockStress.RecursionUnderContention}. */
    public static final class RLockReleaseDropsAll extends Base {
        public RLockReleaseDropsAll() { super("seeded-rlock-release-drops-all", "RLock release gives the lock up whatever the recursion depth"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) { @Override public RLock rlock() { return new Broken.ReleaseDropsAllRLock(delegate.lock()); } };
        }
    }

    /** {@code seeded-semaphore-check-then-act}: {@link Broken.CheckThenActSemaphore}; caught by {@code SemaphoreStress.MutualExclusion}. */
    public static final class SemaphoreCheckThenAct extends Base {
        public SemaphoreCheckThenAct() { super("seeded-semaphore-check-then-act", "Semaphore acquire is check-then-act on a volatile counter"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) {
                @Override public Semaphore semaphore() { return new Broken.CheckThenActSemaphore(1); }
                @Override public Semaphore semaphore(long value) { return new Broken.CheckThenActSemaphore(value); }
            };
        }
    }

    /** {@code seeded-semaphore-release-n-once}: {@link Broken.ReleaseNOnceSemaphore}; caught by {@code SemaphoreStress.ReleaseN}. */
    public static final class SemaphoreReleaseNOnce extends Base {
        public SemaphoreReleaseNOnce() { super("seeded-semaphore-release-n-once", "Semaphore release(n) adds one permit"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) {
                @Override public Semaphore semaphore() { return new Broken.ReleaseNOnceSemaphore(delegate.semaphore()); }
                @Override public Semaphore semaphore(long value) { return new Broken.ReleaseNOnceSemaphore(delegate.semaphore(value)); }
            };
        }
    }

    /** {@code seeded-boundedsemaphore-unbounded}: {@link Broken.UnboundedBoundedSemaphore}; caught by {@code BoundedSemaphoreStress.OverRelease}. */
    public static final class BoundedSemaphoreUnbounded extends Base {
        public BoundedSemaphoreUnbounded() { super("seeded-boundedsemaphore-unbounded", "BoundedSemaphore never raises on over-release"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) {
                @Override public BoundedSemaphore boundedSemaphore() { return new Broken.UnboundedBoundedSemaphore(delegate.semaphore()); }
                @Override public BoundedSemaphore boundedSemaphore(long value) { return new Broken.UnboundedBoundedSemaphore(delegate.semaphore(value)); }
            };
        }
    }

    /** {@code seeded-condition-wait-keeps-lock}: {@link Broken.WaitKeepsLockCondition}; caught by {@code ConditionStress.NoLostWakeup}. */
    public static final class ConditionWaitKeepsLock extends Base {
        public ConditionWaitKeepsLock() { super("seeded-condition-wait-keeps-lock", "Condition wait does not release the lock while waiting"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) {
                @Override public Condition condition() { return new Broken.WaitKeepsLockCondition(delegate.rlock()); }
                @Override public Condition condition(LockLike lock) { return new Broken.WaitKeepsLockCondition(lock); }
            };
        }
    }

    /** {@code seeded-event-recheck-after-wake}: {@link Broken.RecheckAfterWakeEvent}; caught by {@code EventStress.SetClearNoStuckWaiter}. */
    public static final class EventRecheckAfterWake extends Base {
        public EventRecheckAfterWake() { super("seeded-event-recheck-after-wake", "Event wait goes back to sleep if the flag was cleared before it woke"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) { @Override public Event event() { return new Broken.RecheckAfterWakeEvent(); } };
        }
    }

    /** {@code seeded-barrier-silent-abort}: {@link Broken.SilentAbortBarrier}; caught by {@code BarrierStress.AbortBreaksWaiters}. */
    public static final class BarrierSilentAbort extends Base {
        public BarrierSilentAbort() { super("seeded-barrier-silent-abort", "Barrier abort does not wake the waiting parties"); }
        @Override ThreadingModule threading(ThreadingModule ref) {
            return new DelegatingThreadingModule(ref) { @Override public Barrier barrier(long parties) { return new Broken.SilentAbortBarrier(parties); } };
        }
    }

    /** Base of the four unlocked-queue providers. */
    abstract static class UnlockedQueueBase extends Base {
        private final Function<QueueModule, QueueModule> wrap;

        UnlockedQueueBase(String name, String description, Function<QueueModule, QueueModule> wrap) {
            super(name, description);
            this.wrap = wrap;
        }

        @Override QueueModule queue(QueueModule ref) { return wrap.apply(ref); }
    }

    /** {@code seeded-queue-unlocked}: {@link Broken.UnlockedQueue} (FIFO); caught by {@code QueueStress.QueuePutGet}. */
    public static final class QueueUnlocked extends UnlockedQueueBase {
        public QueueUnlocked() {
            super("seeded-queue-unlocked", "Queue with no lock around put/get", ref -> new DelegatingQueueModule(ref) {
                @Override public Queue queue() { return new Broken.UnlockedQueue(Broken.Order.FIFO, 0); }
                @Override public Queue queue(long maxsize) { return new Broken.UnlockedQueue(Broken.Order.FIFO, maxsize); }
            });
        }
    }

    /** {@code seeded-lifoqueue-unlocked}: {@link Broken.UnlockedQueue} (LIFO); caught by {@code QueueStress.LifoQueuePutGet}. */
    public static final class LifoQueueUnlocked extends UnlockedQueueBase {
        public LifoQueueUnlocked() {
            super("seeded-lifoqueue-unlocked", "LifoQueue with no lock around put/get", ref -> new DelegatingQueueModule(ref) {
                @Override public Queue lifoQueue() { return new Broken.UnlockedQueue(Broken.Order.LIFO, 0); }
                @Override public Queue lifoQueue(long maxsize) { return new Broken.UnlockedQueue(Broken.Order.LIFO, maxsize); }
            });
        }
    }

    /** {@code seeded-priorityqueue-unlocked}: {@link Broken.UnlockedQueue} (priority); caught by {@code QueueStress.PriorityQueuePutGet}. */
    public static final class PriorityQueueUnlocked extends UnlockedQueueBase {
        public PriorityQueueUnlocked() {
            super("seeded-priorityqueue-unlocked", "PriorityQueue with no lock around put/get", ref -> new DelegatingQueueModule(ref) {
                @Override public Queue priorityQueue() { return new Broken.UnlockedQueue(Broken.Order.PRIORITY, 0); }
                @Override public Queue priorityQueue(long maxsize) { return new Broken.UnlockedQueue(Broken.Order.PRIORITY, maxsize); }
            });
        }
    }

    /** {@code seeded-simplequeue-unlocked}: {@link Broken.UnlockedQueue} (FIFO); caught by {@code QueueStress.SimpleQueuePutGet}. */
    public static final class SimpleQueueUnlocked extends UnlockedQueueBase {
        public SimpleQueueUnlocked() {
            super("seeded-simplequeue-unlocked", "SimpleQueue with no lock around put/get", ref -> new DelegatingQueueModule(ref) {
                @Override public SimpleQueue simpleQueue() { return new Broken.UnlockedQueue(Broken.Order.FIFO, 0); }
            });
        }
    }
}
