package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.SimpleQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cases for {@code multiprocessing.SimpleQueue}. */
@PyCase
class SimpleQueueCases {

    /** Values of every plain type put in this process and by a child process come out of a SimpleQueue equal and in the order put. */
    @Test
    @Checks("multiprocessing.SimpleQueue/fifo-put-get")
    void fifoAndPickled(MultiprocessingModule mp) {
        List<Object> values = PlainValues.all();
        SimpleQueue q = mp.simpleQueue();
        try (Procs procs = new Procs()) {
            for (Object v : values) {
                q.put(v);
            }
            for (Object v : values) {
                assertEquals(v, q.get(), "put in this process");
            }
            PyProcess p = procs.start(mp, mp, Routine.PUT, PipeCases.listWith(q, values).toArray());
            for (Object v : values) {
                assertEquals(v, q.get(), "put by a child process");
            }
            assertEquals(0L, Procs.joined(p));
        } finally {
            q.close();
        }
    }

    /** empty() is True for a new SimpleQueue, False after a put, and True again once the item was got. */
    @Test
    @Checks("multiprocessing.SimpleQueue.empty/reports-emptiness")
    void emptyReportsEmptiness(MultiprocessingModule mp) {
        SimpleQueue q = mp.simpleQueue();
        try {
            assertTrue(q.empty(), "a new SimpleQueue");
            q.put("x");
            assertFalse(q.empty(), "after a put");
            assertEquals("x", q.get());
            assertTrue(q.empty(), "after the only item was got");
        } finally {
            q.close();
        }
    }

    /** empty() on a closed SimpleQueue raises OSError. */
    @Test
    @Checks("multiprocessing.SimpleQueue.empty/closed-raises-oserror")
    void emptyOnClosedRaises(MultiprocessingModule mp) {
        SimpleQueue q = mp.simpleQueue();
        q.close();
        assertThrows(OSError.class, q::empty);
    }

    /** After close(), get and put raise OSError and a second close() raises nothing. */
    @Test
    @Checks("multiprocessing.SimpleQueue.close/releases-resources")
    void closeReleases(MultiprocessingModule mp) {
        SimpleQueue q = mp.simpleQueue();
        q.put("x");
        q.close();
        assertThrows(OSError.class, q::get, "get after close()");
        assertThrows(OSError.class, () -> q.put("y"), "put after close()");
        q.close();
    }

    /** get() on an empty SimpleQueue waits until another thread puts an item, and returns it. */
    @Test
    @Checks("multiprocessing.SimpleQueue.get/blocks-until-item")
    void getBlocksUntilItem(MultiprocessingModule mp, Harness h) {
        SimpleQueue q = mp.simpleQueue();
        AtomicReference<Object> got = new AtomicReference<>("nothing yet");
        try {
            Thread t = h.start("getter", () -> got.set(q.get()));
            try {
                h.awaitBlocked(t);
                assertEquals("nothing yet", got.get(), "get() on an empty SimpleQueue returned");
            } finally {
                q.put("item");
            }
            h.join(t);
            assertEquals("item", got.get());
        } finally {
            q.close();
        }
    }

    /** put(item) adds the item: the queue is no longer empty and get() returns it. */
    @Test
    @Checks("multiprocessing.SimpleQueue.put/adds-item")
    void putAddsItem(MultiprocessingModule mp) {
        SimpleQueue q = mp.simpleQueue();
        try {
            q.put(List.of(1L, "a"));
            q.put(2L);
            assertEquals(List.of(1L, "a"), q.get());
            assertEquals(2L, q.get());
        } finally {
            q.close();
        }
    }
}
