package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.queue.Queue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Lincheck operations shared by {@code queue.Queue}, {@code LifoQueue} and {@code PriorityQueue} of
 * {@link #MAXSIZE}: {@code put_nowait(item)} ({@code "None"}, or {@code "Full"}), {@code get_nowait()} (the
 * item, or {@code "Empty"}), {@code qsize()}, {@code empty()}, {@code full()}. Items are small {@code long}s
 * (1..3), so equal items occur. Subclasses choose the queue and its sequential model.
 * https://docs.python.org/3/library/queue.html#queueobjects
 */
@Param(name = "item", gen = LongGen.class, conf = "1:3")
public abstract class QueueOps {
    /** The maxsize of every queue under test. */
    public static final long MAXSIZE = 2;

    private final Queue queue = create();

    /** The queue under test. */
    protected abstract Queue create();

    @Operation
    public String putNowait(@Param(name = "item") long item) {
        return Outcomes.call(() -> queue.putNowait(item));
    }

    @Operation
    public Object getNowait() {
        return Outcomes.value(queue::getNowait);
    }

    @Operation
    public long qsize() {
        return queue.qsize();
    }

    @Operation
    public boolean empty() {
        return queue.empty();
    }

    @Operation
    public boolean full() {
        return queue.full();
    }

    /** A sequential bounded queue; {@link #take()} chooses which item leaves. */
    public abstract static class Model {
        /** The items, in the order the subclass keeps them. */
        protected abstract java.util.Collection<Long> items();

        /** Removes and returns the next item (the collection is not empty). */
        protected abstract Long take();

        public String putNowait(long item) {
            if (items().size() >= MAXSIZE) {
                return Outcomes.FULL;
            }
            items().add(item);
            return Outcomes.NONE;
        }

        public Object getNowait() {
            return items().isEmpty() ? Outcomes.EMPTY : take();
        }

        public long qsize() {
            return items().size();
        }

        public boolean empty() {
            return items().isEmpty();
        }

        public boolean full() {
            return items().size() >= MAXSIZE;
        }
    }

    /** First in, first out. */
    public static final class FifoModel extends Model {
        private final Deque<Long> items = new ArrayDeque<>();

        @Override
        protected Deque<Long> items() {
            return items;
        }

        @Override
        protected Long take() {
            return items.pollFirst();
        }
    }

    /** Last in, first out. */
    public static final class LifoModel extends Model {
        private final Deque<Long> items = new ArrayDeque<>();

        @Override
        protected Deque<Long> items() {
            return items;
        }

        @Override
        protected Long take() {
            return items.pollLast();
        }
    }

    /** Smallest first (Python's heapq is a min-heap). */
    public static final class PriorityModel extends Model {
        private final PriorityQueue<Long> items = new PriorityQueue<>();

        @Override
        protected PriorityQueue<Long> items() {
            return items;
        }

        @Override
        protected Long take() {
            return items.poll();
        }
    }
}
