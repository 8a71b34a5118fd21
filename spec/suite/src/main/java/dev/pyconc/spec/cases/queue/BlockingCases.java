package dev.pyconc.spec.cases.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.queue.Queue;
import dev.pyconc.spi.queue.QueueModule;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cases for blocking get and put on every Queue object. Each is right whether or not the helper has reached
 * its blocking call when the main thread acts: the item it must get, or the room it must wait for, exists
 * only after that action.
 */
@PyCase
class BlockingCases {
    /** Marks "no result yet" in an AtomicReference (null is a valid queue item: None). */
    static final Object NONE = new Object();

    /**
     * A getter on an empty queue returns nothing until the main thread puts, then returns that item.
     *
     * @param get the get call under test
     */
    static void assertGetWaitsForPut(Harness h, Queue q, Function<Queue, Object> get) {
        AtomicReference<Object> got = new AtomicReference<>(NONE);
        Thread getter = h.start("getter", () -> got.set(get.apply(q)));
        try {
            h.awaitBlocked(getter);
            assertSame(NONE, got.get(), "get returned before anything was put");
            assertEquals(0L, q.qsize());
        } finally {
            q.put("item"); // the item the getter waits for; also releases it if an assertion failed
        }
        h.join(getter);
        assertEquals("item", got.get());
        assertTrue(q.empty());
    }

    /** get() on an empty queue waits for another thread's put and returns its item. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/blocks-until-item")
    void getBlocksUntilItem(QueueKind kind, QueueModule queue, Harness h) {
        assertGetWaitsForPut(h, kind.make(queue), Queue::get);
    }

    /** get(True, None) waits like get(): it returns the item another thread puts. */
    @Test
    @Checks("queue.Queue.get/blocks-until-item")
    void getWithNoneTimeoutBlocksUntilItem(QueueModule queue, Harness h) {
        assertGetWaitsForPut(h, queue.queue(), q -> q.get(true, null));
    }

    /** A timed get waiting on an empty queue returns the item another thread puts meanwhile. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.get/timed-returns-item-put-meanwhile")
    void timedGetReturnsItemPutMeanwhile(QueueKind kind, QueueModule queue, Harness h) {
        // LONG, not MEDIUM: the put follows awaitBlocked, which a loaded machine may make slow.
        assertGetWaitsForPut(h, kind.make(queue), q -> q.get(true, Timing.LONG));
    }

    /**
     * A putter on a full queue of maxsize 1 does not add its item until the main thread gets the one held; then
     * its item is added.
     */
    static void assertPutWaitsForRoom(Harness h, Queue q, java.util.function.Consumer<Queue> put) {
        q.put(1L);
        AtomicBoolean putReturned = new AtomicBoolean();
        Thread putter = h.start("putter", () -> {
            put.accept(q);
            putReturned.set(true);
        });
        boolean madeRoom = false;
        try {
            h.awaitBlocked(putter);
            assertFalse(putReturned.get(), "put returned while the queue was full");
            assertEquals(1L, q.qsize(), "put added an item beyond maxsize");
            assertTrue(q.full());
            // Whether or not the putter has called put yet, the queue holds only the first item.
            assertEquals(1L, q.get());
            madeRoom = true;
        } finally {
            if (!madeRoom) {
                try {
                    q.getNowait();
                } catch (Empty ignored) {
                    // nothing to free: the putter is not waiting for room
                }
            }
        }
        h.join(putter);
        assertTrue(putReturned.get());
        assertEquals(2L, q.get(false), "the waiting putter's item");
        assertTrue(q.empty());
    }

    /** put() on a full queue waits until another thread's get makes room, then adds its item. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/blocks-while-full")
    void putBlocksWhileFull(QueueKind kind, QueueModule queue, Harness h) {
        assertPutWaitsForRoom(h, kind.make(queue, 1), q -> q.put(2L));
    }

    /** put(item, True, None) waits like put(item). */
    @Test
    @Checks("queue.Queue.put/blocks-while-full")
    void putWithNoneTimeoutBlocksWhileFull(QueueModule queue, Harness h) {
        assertPutWaitsForRoom(h, queue.queue(1), q -> q.put(2L, true, null));
    }

    /** A timed put waiting on a full queue adds its item once another thread's get frees a slot. */
    @ParameterizedTest
    @EnumSource(QueueKind.class)
    @Checks("queue.Queue.put/timed-succeeds-when-room-made")
    void timedPutSucceedsWhenRoomMade(QueueKind kind, QueueModule queue, Harness h) {
        assertPutWaitsForRoom(h, kind.make(queue, 1), q -> q.put(2L, true, Timing.LONG));
    }
}
