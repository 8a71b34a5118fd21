package dev.pyconc.spec.cases.queue;

import java.util.Collections;
import java.util.List;

/** Which held item a get returns: what distinguishes Queue, LifoQueue and PriorityQueue in both modules. */
public enum QueueOrder {
    /** {@code Queue}: the oldest item. */
    FIFO,
    /** {@code LifoQueue}: the newest item. */
    LIFO,
    /** {@code PriorityQueue}: the smallest item. */
    PRIORITY;

    /** Where the item a get must return is in {@code held} (insertion order) under this order. */
    public int nextIndex(List<Long> held) {
        return switch (this) {
            case FIFO -> 0;
            case LIFO -> held.size() - 1;
            case PRIORITY -> held.indexOf(Collections.min(held));
        };
    }
}
