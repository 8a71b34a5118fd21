package dev.pyconc.stress.lincheck.seeded;

import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.stress.lincheck.BoundedSemaphoreLincheck;
import dev.pyconc.stress.lincheck.EventLincheck;
import dev.pyconc.stress.lincheck.LifoQueueLincheck;
import dev.pyconc.stress.lincheck.LockLincheck;
import dev.pyconc.stress.lincheck.PriorityQueueLincheck;
import dev.pyconc.stress.lincheck.QueueLincheck;
import dev.pyconc.stress.lincheck.QueueOps;
import dev.pyconc.stress.lincheck.RLockLincheck;
import dev.pyconc.stress.lincheck.SemaphoreLincheck;
import dev.pyconc.stress.lincheck.SimpleQueueLincheck;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.RLock;
import dev.pyconc.spi.threading.Semaphore;

/**
 * The real Lincheck operation classes with their primitive swapped for a seeded broken one: same
 * operations, same sequential model, same options. Lincheck must reject each.
 */
public final class SeededLincheck {
    private SeededLincheck() {}

    /** {@link LockLincheck} on a {@link RacyLock}. */
    public static class Lock_RacyLock extends LockLincheck {
        @Override
        protected Lock create() {
            return new RacyLock();
        }
    }

    /** {@link RLockLincheck} on a {@link NonOwnerReleaseRLock}. */
    public static class RLock_NonOwnerRelease extends RLockLincheck {
        @Override
        protected RLock create() {
            return new NonOwnerReleaseRLock();
        }
    }

    /** {@link SemaphoreLincheck} on a {@link RacySemaphore}. */
    public static class Semaphore_Racy extends SemaphoreLincheck {
        @Override
        protected Semaphore create() {
            return new RacySemaphore(VALUE);
        }
    }

    /** {@link BoundedSemaphoreLincheck} on a {@link RacyBoundedSemaphore}. */
    public static class BoundedSemaphore_RacyBound extends BoundedSemaphoreLincheck {
        @Override
        protected Semaphore create() {
            return new RacyBoundedSemaphore(VALUE);
        }
    }

    /** {@link EventLincheck} on a {@link ToggleEvent}. */
    public static class Event_Toggle extends EventLincheck {
        @Override
        protected Event create() {
            return new ToggleEvent();
        }
    }

    /** {@link QueueLincheck} on a {@link SizeCheckThenPutQueue} over the adapter's unbounded Queue. */
    public static class Queue_SizeCheckThenPut extends QueueLincheck {
        @Override
        protected Queue create() {
            return new SizeCheckThenPutQueue(StressAdapter.get().module(QueueModule.class).queue(), QueueOps.MAXSIZE);
        }
    }

    /** {@link LifoQueueLincheck} on a LIFO {@link PeekThenRemoveQueue}. */
    public static class LifoQueue_PeekThenRemove extends LifoQueueLincheck {
        @Override
        protected Queue create() {
            return PeekThenRemoveQueue.lifo(QueueOps.MAXSIZE);
        }
    }

    /** {@link PriorityQueueLincheck} on a priority {@link PeekThenRemoveQueue}. */
    public static class PriorityQueue_PeekThenRemove extends PriorityQueueLincheck {
        @Override
        protected Queue create() {
            return PeekThenRemoveQueue.priority(QueueOps.MAXSIZE);
        }
    }

    /** {@link SimpleQueueLincheck} on a {@link LostCountSimpleQueue} over the adapter's SimpleQueue. */
    public static class SimpleQueue_LostCount extends SimpleQueueLincheck {
        @Override
        protected SimpleQueue create() {
            return new LostCountSimpleQueue(StressAdapter.get().module(QueueModule.class).simpleQueue());
        }
    }
}
