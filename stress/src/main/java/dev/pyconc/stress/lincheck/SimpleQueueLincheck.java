package dev.pyconc.stress.lincheck;

import dev.pyconc.spi.queue.QueueModule;
import dev.pyconc.stress.StressAdapter;
import dev.pyconc.spi.queue.SimpleQueue;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Lincheck operations on a {@code queue.SimpleQueue} (unbounded, FIFO): {@code put_nowait(item)} (always
 * {@code "None"}), {@code get_nowait()} (the item, or {@code "Empty"}), {@code qsize()}, {@code empty()}.
 * Checked against {@link Model}.
 * https://docs.python.org/3/library/queue.html#queue.SimpleQueue
 */
@Param(name = "item", gen = LongGen.class, conf = "1:3")
public class SimpleQueueLincheck {
    private final SimpleQueue queue = create();

    /** The queue under test; seeded bugs override this. */
    protected SimpleQueue create() {
        return StressAdapter.get().module(QueueModule.class).simpleQueue();
    }

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

    /** The sequential model: an unbounded FIFO. */
    public static final class Model {
        private final Deque<Long> items = new ArrayDeque<>();

        public String putNowait(long item) {
            items.addLast(item);
            return Outcomes.NONE;
        }

        public Object getNowait() {
            return items.isEmpty() ? Outcomes.EMPTY : items.pollFirst();
        }

        public long qsize() {
            return items.size();
        }

        public boolean empty() {
            return items.isEmpty();
        }
    }
}
