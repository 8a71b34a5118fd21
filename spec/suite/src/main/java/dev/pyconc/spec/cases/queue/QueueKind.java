package dev.pyconc.spec.cases.queue;


import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The three "Queue objects" of the docs, for cases that hold for each of them. */
enum QueueKind {
    /** {@code queue.Queue}. */
    FIFO {
        @Override
        Queue make(QueueModule m) {
            return m.queue();
        }

        @Override
        Queue make(QueueModule m, long maxsize) {
            return m.queue(maxsize);
        }
    },
    /** {@code queue.LifoQueue}. */
    LIFO {
        @Override
        Queue make(QueueModule m) {
            return m.lifoQueue();
        }

        @Override
        Queue make(QueueModule m, long maxsize) {
            return m.lifoQueue(maxsize);
        }
    },
    /** {@code queue.PriorityQueue}. */
    PRIORITY {
        @Override
        Queue make(QueueModule m) {
            return m.priorityQueue();
        }

        @Override
        Queue make(QueueModule m, long maxsize) {
            return m.priorityQueue(maxsize);
        }
    };

    /** The constructor with its default maxsize (0: unbounded). */
    abstract Queue make(QueueModule m);

    /** The constructor with a maxsize. */
    abstract Queue make(QueueModule m, long maxsize);

    /** Long items in ascending order, to compare multisets whatever the retrieval order. */
    static List<Long> sorted(List<?> items) {
        List<Long> out = new ArrayList<>();
        for (Object o : items) {
            out.add((Long) o);
        }
        Collections.sort(out);
        return out;
    }
}
